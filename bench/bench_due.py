"""`due` over 10,000 requests vs the `requests list` query on the same database (in process)."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

PEOPLE = 100
PER_PERSON = 100
BROKERS = ["spokeo", "acxiom", "epsilon", "lexisnexis-risk", "whitepages", "radaris"]


def populate(session) -> None:
    from borrador.core.requests import Channel, Kind, Request, Status

    base = dt.date(2026, 6, 1)
    for n in range(PEOPLE):
        person = session.people.add({"name": f"Persona Inventada {n}", "state": "CA"})
        drafts = [
            Request(person_id=person.id, recipient=BROKERS[i % len(BROKERS)], kind=Kind.DELETE,
                    status=Status.SENT, legal_basis=("privacy-ca", "policy")[i % 2],
                    channel=(Channel.MAIL, Channel.WEB)[i % 2], created_on=base,
                    sent_on=base + dt.timedelta(days=(n + i) % 170))
            for i in range(PER_PERSON)
        ]  # fmt: skip
        session.repos.requests.add_many(drafts, session.clock.now())


def run(rounds: int = 15) -> list[tuple[str, float, float, float]]:
    from borrador.home.paths import Paths
    from borrador.keys import FLOOR
    from borrador.services import init_store

    home = tempfile.TemporaryDirectory()
    with (
        home,
        init_store(Paths(Path(home.name) / "home"), "bench passphrase", kdf=FLOOR) as session,
    ):
        populate(session)
        session.tracking.due()  # warm: catalog and holiday tables load once per session
        measured, floor = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            session.requests.find_json()
            floor.append(time.perf_counter() - start)
            session.tracking._cache.clear()  # no cached clocks between rounds
            start = time.perf_counter()
            items = session.tracking.due()
            measured.append(time.perf_counter() - start)
        assert len(items) >= PEOPLE * PER_PERSON
    return [("due_json_10k_seconds", statistics.median(measured), statistics.median(floor), 3.0)]
