"""TUI fixtures: a store with invented people and requests, opened with a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from borrador.keys import FLOOR
from borrador.letters.context import Agent
from borrador.services import init_store, open_store
from borrador.tui.app import BorradorApp
from tests.helpers.common import PASSPHRASE, FixedClock
from tests.helpers.tui import TOMAS


@pytest.fixture
def store(paths):
    """A store with one person and a request in every interesting state."""
    with init_store(paths, PASSPHRASE, kdf=FLOOR, clock=FixedClock()) as s:
        person = s.people.add(
            {
                "name": "Rosa Inventada Ruiz",
                "state": "CA",
                "language": "es",
                "emails": ["rosa@example.org"],
                "addresses": [
                    {
                        "street": "10 Calle Falsa",
                        "city": "Oakland",
                        "state": "CA",
                        "postal_code": "94601",
                        "current": True,
                    }
                ],
            }
        )
        late = s.requests.create(person.id, "spokeo", "delete")
        s.requests.change_status(late.id, "sent", on=dt.date(2026, 9, 1), channel="web")
        waiting = s.requests.create(person.id, "acxiom", "delete")
        s.requests.change_status(waiting.id, "sent", on=dt.date(2026, 11, 10), channel="mail")
        s.requests.change_status(waiting.id, "verification-requested", on=dt.date(2026, 11, 20))
        s.requests.create(person.id, "epsilon", "opt-out")
    return paths


@pytest.fixture
def app(store):
    session = open_store(store, passphrase=PASSPHRASE, clock=FixedClock())
    application = BorradorApp(store, clock=FixedClock(), session=session)
    yield application
    if application.session is not None:
        application.session.close()


def resident(session, name, broker):
    person = session.people.add(
        {
            "name": name,
            "state": "CA",
            "emails": [f"{broker}@example.org"],
            "addresses": [
                {"street": "1 Calle Falsa", "city": "Fresno", "state": "CA", "postal_code": "93701"}
            ],
        }
    )
    today, session.clock.day = session.clock.day, dt.date(2026, 9, 1)  # drafted and sent then
    [made] = session.letters.make(
        person.id, [broker], "delete", fmt="txt", out_dir=session.paths.root / "out"
    )
    session.requests.change_status(made.request.id, "sent", channel="mail")
    session.clock.day = today
    return person


@pytest.fixture
def clinic_app(paths):
    with init_store(paths, PASSPHRASE, kdf=FLOOR, clock=FixedClock()) as s:
        s.profile.save(Agent(name="Clínica Ejemplo", phone="555-0100"))
        s.clinic.enable(PASSPHRASE, "Rosa", FLOOR)
        s.clinic.add_volunteer("Tomás", TOMAS, FLOOR)
        resident(s, "Amparo Inventada", "spokeo")
    with open_store(paths, passphrase=TOMAS, clock=FixedClock()) as s:
        resident(s, "Benito Inventado", "radaris")
    session = open_store(paths, passphrase=PASSPHRASE, clock=FixedClock())
    application = BorradorApp(paths, clock=FixedClock(), session=session)
    yield application
    if application.session is not None:
        application.session.close()
