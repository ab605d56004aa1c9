"""Clinic mode over 10,000 requests: removing a volunteer (re-key) vs VACUUM on the same
database (both rewrite every page); a hand-off bundle of one resident vs the one Argon2id
derivation it cannot avoid; a resident sheet vs a plain text PDF of the same length."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench_due import populate


def _median(job, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(rounds: int = 5) -> list[tuple[str, float, float, float]]:
    from borrador.home.paths import Paths
    from borrador.keys.primitives import FLOOR, KdfParams
    from borrador.keys.primitives import derive as _derive
    from borrador.letters.context import Agent
    from borrador.letters.pdf import render_text_pdf
    from borrador.services import init_store

    home = tempfile.TemporaryDirectory()
    root = Path(home.name)
    with home, init_store(Paths(root / "home"), "bench passphrase", kdf=FLOOR) as session:
        populate(session)
        session.profile.save(Agent(name="Clínica de prueba", phone="555-0100"))
        session.clinic.enable("bench passphrase", "Rosa", FLOOR)
        count = [0]

        def rekey() -> float:
            session.clinic.add_volunteer("Tomás", "otra frase de prueba", FLOOR)  # not timed
            start = time.perf_counter()
            session.clinic.remove_volunteer("Tomás")
            return time.perf_counter() - start

        def vacuum() -> None:
            session.db.conn.execute("VACUUM")
            session.db.checkpoint()

        rekey_s = statistics.median(rekey() for _ in range(rounds))
        vacuum_s = _median(vacuum, rounds)

        def bundle() -> None:
            count[0] += 1
            session.handoff.export(1, root / f"b{count[0]}.borrador")

        params = KdfParams()
        bundle_s = _median(bundle, rounds)
        derive_s = _median(lambda: _derive("eight words", os.urandom(16), params), rounds)

        sheet_s = _median(lambda: session.reports.resident_sheet(1), rounds)
        text = "\n".join(f"Request {n}: a line of text as long as a sheet line" for n in range(40))
        plain_s = _median(lambda: render_text_pdf(text), rounds)
    return [
        ("clinic_rekey_10k_seconds", rekey_s, vacuum_s, 2.0),
        ("handoff_export_100_requests_seconds", bundle_s, derive_s, 1.5),
        ("resident_sheet_seconds", sheet_s, plain_s, 3.0),
    ]
