"""`borrador requests list --json` and `borrador due --json` over 10,000 requests, as whole
processes, vs the physical limit of the stack: a minimal click command that opens the same
SQLCipher file with the raw key and prints the rows as JSON (bench/raw_list.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from harness import BENCH_DIR, PASSPHRASE, bench_home, median_pair, time_command

PEOPLE = 100
PER_PERSON = 100
TARGET = 2.0


def populate(home: str) -> None:
    import datetime as dt

    from borrador.core.requests import Channel, Kind, Request, Status
    from borrador.home.paths import Paths
    from borrador.services import open_store

    brokers = ["spokeo", "acxiom", "epsilon", "lexisnexis-risk", "whitepages", "radaris"]
    base = dt.date(2026, 6, 1)

    with open_store(Paths(Path(home)), passphrase=PASSPHRASE) as session:
        for n in range(PEOPLE):
            person = session.people.add({"name": f"Persona Inventada {n}", "state": "CA"})
            drafts = [
                Request(  # sent, so `due` works out every deadline
                    person_id=person.id or 0,
                    recipient=brokers[i % len(brokers)],
                    kind=Kind.DELETE,
                    status=Status.SENT,
                    legal_basis=("privacy-ca", "policy")[i % 2],
                    channel=(Channel.MAIL, Channel.WEB)[i % 2],
                    created_on=base,
                    sent_on=base + dt.timedelta(days=(n + i) % 170),
                )
                for i in range(PER_PERSON)
            ]
            session.repos.requests.add_many(drafts, session.clock.now())


def run(rounds: int = 15) -> list[tuple[str, float, float, float]]:
    with bench_home() as env:
        populate(env["BORRADOR_HOME"])
        listing = [sys.executable, "-m", "borrador", "requests", "list", "--json"]
        due = [sys.executable, "-m", "borrador", "due", "--json"]
        floor = [sys.executable, str(BENCH_DIR / "raw_list.py")]
        value, base = median_pair(
            lambda: time_command(listing, env), lambda: time_command(floor, env), rounds
        )
        due_value, due_base = median_pair(
            lambda: time_command(due, env), lambda: time_command(floor, env), rounds
        )
    return [("requests_list_json_10k_seconds", value, base, TARGET),
            ("due_json_10k_process_seconds", due_value, due_base, TARGET)]
