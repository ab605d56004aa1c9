"""The compliance scorecard over 10,000 requests vs the `due` query on the same database, in
the same run (target: at most 3x)."""

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
    statuses = (Status.SENT, Status.COMPLETED, Status.DENIED, Status.ACKNOWLEDGED)
    for n in range(PEOPLE):
        person = session.people.add({"name": f"Persona Inventada {n}", "state": "CA"})
        drafts = []
        for i in range(PER_PERSON):
            status = statuses[(n + i) % len(statuses)]
            sent = base + dt.timedelta(days=(n + i) % 170)
            closed = sent + dt.timedelta(days=(n * i) % 70) if status in statuses[1:3] else None
            drafts.append(Request(
                person_id=person.id, recipient=BROKERS[i % len(BROKERS)], kind=Kind.DELETE,
                status=status, legal_basis=("privacy-ca", "policy")[i % 2],
                channel=(Channel.MAIL, Channel.WEB)[i % 2], created_on=base, sent_on=sent,
                closed_on=closed, recheck_on=closed))  # fmt: skip
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
        session.scorecard.scores()
        measured, floor = [], []
        for _ in range(rounds):
            session.tracking._cache.clear()  # no cached clocks between rounds
            start = time.perf_counter()
            session.tracking.due()
            floor.append(time.perf_counter() - start)
            session.tracking._cache.clear()
            start = time.perf_counter()
            scores = session.scorecard.scores()
            measured.append(time.perf_counter() - start)
        assert sum(s.sent for s in scores) == PEOPLE * PER_PERSON
    return [("scorecard_10k_seconds", statistics.median(measured), statistics.median(floor), 3.0)]
