"""DROP: 45-day cycles from 2026-08-01 and across year ends, outcomes, identifiers recorded
without their values, and what DROP misses, read from the real catalog."""

import datetime as dt

import pytest

from borrador.core import drop
from borrador.core.errors import NotFoundError, ValidationError
from borrador.core.requests import DropOutcome
from tests.helpers.people import sample_person

D = dt.date


def test_a_filing_before_august_starts_its_first_cycle_on_2026_08_01():
    first = drop.cycle(D(2026, 3, 1), 1)
    assert (first.starts, first.retrieve_by, first.act_by) == (
        D(2026, 8, 1),
        D(2026, 9, 15),
        D(2026, 10, 30),
    )
    assert drop.current(D(2026, 3, 1), D(2026, 7, 31)) is None
    assert [c.number for c in drop.cycles(D(2026, 3, 1), D(2026, 7, 31))] == [1]


def test_cycles_roll_every_45_days_across_the_year_end():
    found = drop.cycles(D(2026, 8, 1), D(2027, 1, 10))
    assert [c.starts for c in found] == [
        D(2026, 8, 1),
        D(2026, 9, 15),
        D(2026, 10, 30),
        D(2026, 12, 14),
        D(2027, 1, 28),
    ]
    now = drop.current(D(2026, 8, 1), D(2027, 1, 10))
    assert now is not None and now.number == 4
    assert (now.retrieve_by, now.act_by) == (D(2027, 1, 28), D(2027, 3, 14))


def test_a_filing_after_august_starts_on_its_own_date_and_crosses_february():
    first = drop.cycle(D(2026, 12, 20), 1)
    assert (first.starts, first.retrieve_by, first.act_by) == (
        D(2026, 12, 20),
        D(2027, 2, 3),
        D(2027, 3, 20),
    )


def test_filing_dates_before_drop_opened_or_in_the_future_are_refused():
    with pytest.raises(ValidationError, match="before DROP opened"):
        drop.check_filed_on(D(2025, 12, 31), D(2026, 11, 26))
    with pytest.raises(ValidationError, match="future"):
        drop.check_filed_on(D(2026, 11, 27), D(2026, 11, 26))


@pytest.fixture
def person(session):
    return session.people.add(sample_person(state="CA"))


def test_identifier_kinds_are_recorded_but_not_their_values_unless_chosen(session, person):
    plain = session.drop.add(
        person.id,
        D(2026, 2, 1),
        "DRP-1",
        advertising_ids=["38400000-8cf0-11bd-b23e-10b96e40000d"],
        gave=["names", "emails", "advertising-ids"],
    )
    assert plain.identifiers == {"names": 1, "emails": 1, "advertising-ids": 1}
    assert plain.kept_values == {}
    stored = session.db.query("SELECT identifiers, kept_values FROM drop_filings")
    assert "example.net" not in str(stored) and "38400000" not in str(stored)
    kept = session.drop.add(person.id, D(2026, 2, 2), keep_values=True)
    assert kept.identifiers == {"names": 1, "past-names": 1, "emails": 1, "phones": 1}
    assert kept.kept_values["emails"] == ["xiomara.pruebas@example.net"]
    assert session.drop.filing(person.id).id == kept.id  # the latest filing counts
    with pytest.raises(ValidationError, match="gave"):
        session.drop.add(person.id, D(2026, 2, 3), gave=["ssn"])


@pytest.mark.parametrize("outcome", [o.value for o in DropOutcome])
def test_each_outcome_is_recorded_per_broker_and_the_latest_wins(session, person, outcome):
    session.drop.add(person.id, D(2026, 3, 1))
    session.drop.record_outcome(person.id, "acxiom", "not-found", D(2026, 9, 1))
    session.drop.record_outcome(person.id, "acxiom", outcome, D(2026, 10, 1))
    status = session.drop.status(person.id)
    by_slug = {o.slug: o for o in status.outcomes}
    assert (by_slug["acxiom"].outcome, by_slug["acxiom"].on) == (outcome, D(2026, 10, 1))
    assert by_slug["spokeo"].outcome == "pending"
    assert status.current is not None and status.current.number == 3  # today 2026-11-26


def test_outcomes_only_for_registered_brokers_on_sensible_dates(session, person):
    with pytest.raises(NotFoundError, match="no DROP filing"):
        session.drop.record_outcome(person.id, "acxiom", "deleted")
    session.drop.add(person.id, D(2026, 3, 1))
    with pytest.raises(ValidationError, match="registry"):
        session.drop.record_outcome(person.id, "radaris", "deleted")  # california = false
    with pytest.raises(ValidationError, match="outcome"):
        session.drop.record_outcome(person.id, "acxiom", "vanished")
    with pytest.raises(ValidationError, match="between"):
        session.drop.record_outcome(person.id, "acxiom", "deleted", D(2026, 2, 1))


def test_what_drop_misses_comes_from_the_catalog_with_a_direct_request(session, person):
    session.drop.add(person.id, D(2026, 3, 1))
    missed = session.drop.status(person.id).not_reached
    catalog = session.catalog.catalog()
    by = {(m.slug, m.why): m for m in missed}
    # FCRA consumer files: LexisNexis and NCTUE, each with a freeze to ask for instead.
    assert by[("lexisnexis-risk", "fcra-file")].request == "security-freeze"
    assert (
        by[("nctue", "fcra-file")].command == f"borrador freeze add --person {person.id} "
        "--bureau nctue"
    )
    # Thomson Reuters' public-records suppression, with its mail route.
    tr = by[("thomson-reuters", "public-records-suppression")]
    assert tr.how.startswith("mail: Thomson Reuters")
    # Brokers a source says are not in California's registry.
    unregistered = [m for m in missed if m.why == "not-registered"]
    assert unregistered
    assert all(catalog.get(m.slug).registered("california") is False for m in unregistered)
    assert all(catalog.get(m.slug).fcra_regulated for m in missed if m.why == "fcra-file")
    reached = {o.slug for o in session.drop.status(person.id).outcomes}
    assert not reached & {m.slug for m in unregistered}
