"""The UI: whole processes from exec, in a pseudo-terminal: `borrador` (600 registry brokers,
500 people, 10,000 requests, 500 DROP filings, 2,000 evidence files, opened with
BORRADOR_PASSPHRASE) to its first dashboard frame and
to the rows filled in, vs a bare Textual app (Header, a 50-row DataTable, Footer) to its first
frame; and the catalog filter per keystroke over 5,000 entries."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

from harness import BENCH_DIR, PASSPHRASE, bench_home
from pty_timing import time_to_marker

sys.path.insert(0, str(BENCH_DIR.parent))  # the repository: shared test fixtures
from tests.helpers.registry_files import ca_cppa_2026, many_rows

BROKERS = ["spokeo", "acxiom", "epsilon", "lexisnexis-risk", "whitepages", "radaris"]


def populate(home: Path) -> None:
    from borrador.core.requests import Channel, Kind, Request, Status
    from borrador.home.paths import Paths
    from borrador.services import open_store

    with open_store(Paths(home), passphrase=PASSPHRASE) as session:
        registry = home.parent / "registry.csv"
        registry.write_bytes(ca_cppa_2026(many_rows(600)))
        session.registry.import_file(registry)
        base = dt.date(2026, 6, 1)
        evidence = home.parent / "evidence.png"  # a tiny real PNG: what a screenshot starts with
        evidence.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048)
        for n in range(500):
            person = session.people.add({"name": f"Persona Inventada {n}", "state": "CA"})
            # 500 DROP filings and 2,000 evidence files (issue 16): the dashboard must not slow
            session.drop.add(person.id or 0, base, gave=["names", "emails"])
            for broker in ("spokeo", "whitepages", "radaris", "mylife"):
                session.listings.record(person.id or 0, broker, "found", on=base,
                                        evidence=evidence)  # fmt: skip
            drafts = [Request(person_id=person.id or 0, recipient=BROKERS[i % 6],
                              kind=Kind.DELETE, status=Status.SENT, legal_basis="privacy-ca",
                              channel=Channel.WEB, created_on=base,
                              sent_on=base + dt.timedelta(days=(n + i) % 170))
                      for i in range(20)]  # fmt: skip
            session.repos.requests.add_many(drafts, session.clock.now())


def time_borrador(env: dict[str, str]) -> tuple[float, float]:
    """`borrador` from exec to the dashboard's first frame, then to its rows filled in."""
    argv = [sys.executable, "-m", "borrador"]
    first, filled = time_to_marker(argv, env, [rb"Next step", rb"\bPI\d"])
    return first, filled


def time_bare(env: dict[str, str]) -> float:
    argv = [sys.executable, str(BENCH_DIR / "bare_app.py")]
    return time_to_marker(argv, env, [rb"cell 0-0"])[0]


async def filter_keystrokes(home: Path) -> list[float]:
    from borrador.home.paths import Paths
    from borrador.tui.app import BorradorApp
    from borrador.tui.screens.catalog import CatalogScreen

    app = BorradorApp(Paths(home))
    times = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        registry = home.parent / "registry-5000.csv"
        registry.write_bytes(ca_cppa_2026(many_rows(5000)))
        app.session.registry.import_file(registry)  # 5,000 real catalog entries
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CatalogScreen)
        query = screen.query_one("#query")
        assert len(app.session.catalog.search("")) >= 5000
        for text in ("i", "in", "inv", "inve", "b", "br", "bro", "broker 4", "broker 42", "x"):
            query.value = text  # type: ignore[attr-defined]
            start = time.perf_counter()
            screen.refilter()
            times.append(time.perf_counter() - start)
    app.session.close()
    return times


def run(rounds: int = 5) -> list[tuple[str, float, float, float]]:
    with bench_home() as env:
        os.environ.update(
            {k: v for k, v in env.items() if k.startswith(("BORRADOR", "BENCH", "PYTHON_KEYRING"))}
        )
        home = Path(env["BORRADOR_HOME"])
        populate(home)
        first, filled, bare = [], [], []
        for _ in range(rounds):
            bare.append(time_bare(env))
            frame, full = time_borrador(env)
            first.append(frame)
            filled.append(full)
        keystrokes = asyncio.run(filter_keystrokes(home))
    floor = statistics.median(bare)
    return [
        ("tui_process_startup_to_dashboard_first_frame_seconds", statistics.median(first),
         floor, 1.5),
        ("tui_process_startup_to_dashboard_filled_seconds", statistics.median(filled), floor,
         1.5),
        ("tui_catalog_filter_keystroke_seconds", statistics.median(keystrokes), 0.016, 1.0),
    ]
