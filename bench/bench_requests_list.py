"""`borrador requests list --json` over 10,000 requests vs `python -c "import sqlcipher3"`."""

from __future__ import annotations

import sys
from pathlib import Path

from harness import bench_home, median_pair, time_command

PEOPLE = 100
PER_PERSON = 100
TARGET = 3.0


def populate(home: str) -> None:
    from borrador.core.requests import Kind, Request
    from borrador.home.paths import Paths
    from borrador.services import open_store

    with open_store(Paths(Path(home))) as session:
        for n in range(PEOPLE):
            person = session.people.add({"name": f"Persona Inventada {n}", "state": "CA"})
            drafts = [
                Request(
                    person_id=person.id or 0,
                    recipient=f"broker-{i}",
                    kind=Kind.OPT_OUT,
                    legal_basis="privacy-ca",
                    created_on=session.clock.today(),
                )
                for i in range(PER_PERSON)
            ]
            session.repos.requests.add_many(drafts, session.clock.now())


def run(rounds: int = 15) -> list[tuple[str, float, float, float]]:
    with bench_home() as env:
        populate(env["BORRADOR_HOME"])
        command = [sys.executable, "-m", "borrador", "requests", "list", "--json"]
        floor = [sys.executable, "-c", "import sqlcipher3"]
        value, base = median_pair(
            lambda: time_command(command, env), lambda: time_command(floor, env), rounds
        )
    return [("requests_list_json_10k_seconds", value, base, TARGET)]
