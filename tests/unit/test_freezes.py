"""Security freezes: who offers them (from the catalog), the legal basis, thaws and lifts with
dates, re-checks where a freeze expires or a thaw ends, and the PIN kept in the store only."""

import datetime as dt

import pytest

from borrador.core.errors import ValidationError
from borrador.core.requests import Kind
from tests.helpers.people import sample_person

D = dt.date


@pytest.fixture
def person(session):
    return session.people.add(sample_person())


def test_bureaus_are_the_catalog_entries_with_a_freeze_channel(session):
    slugs = {e.slug for e in session.freezes.bureaus()}
    assert {"equifax", "transunion", "innovis", "lexisnexis-risk", "nctue", "chexsystems"} <= slugs
    for entry in session.freezes.bureaus():
        assert any("security-freeze" in c.purposes for c in entry.channels)


def test_a_freeze_goes_only_where_one_is_offered(session, person):
    with pytest.raises(ValidationError, match="security freeze"):
        session.freezes.add(person.id, "spokeo")


def test_nationwide_bureaus_freeze_under_the_fcra_specialty_ones_by_policy(session, person):
    equifax = session.freezes.add(person.id, "equifax")
    nctue = session.freezes.add(person.id, "nctue")
    assert (equifax.kind, equifax.legal_basis) == (Kind.SECURITY_FREEZE, "fcra")
    assert nctue.legal_basis == "policy"
    sent = session.freezes.placed(equifax.id, D(2026, 11, 2))
    clocks = session.tracking.deadlines(sent)
    assert clocks is not None and clocks.rule.citation.startswith("15 U.S.C. §1681c-1")


def test_placed_thawed_and_lifted_with_dates_and_rechecks(session, person):
    request = session.freezes.add(
        person.id,
        "transunion",
        placed_on=D(2026, 11, 2),
        confirmation="TU-77",
        expires_on=D(2033, 11, 2),
    )
    assert request.recheck_on == D(2033, 11, 2)  # where it expires
    state = session.freezes.state(request.id)
    assert (state.state, state.placed_on, state.expires_on) == (
        "placed",
        D(2026, 11, 2),
        D(2033, 11, 2),
    )
    thawed = session.freezes.thaw(request.id, D(2026, 11, 20), D(2026, 12, 1))
    assert thawed.recheck_on == D(2026, 12, 1)  # check the freeze is back
    assert session.freezes.state(request.id).thawed_until == D(2026, 12, 1)
    with pytest.raises(ValidationError, match="after"):
        session.freezes.thaw(request.id, D(2026, 11, 21), D(2026, 11, 21))
    back = session.freezes.refrozen(request.id, D(2026, 11, 24))
    assert back.recheck_on == D(2033, 11, 2)  # back to where it expires
    with pytest.raises(ValidationError, match="not thawed"):
        session.freezes.refrozen(request.id, D(2026, 11, 24))
    lifted = session.freezes.lift(request.id, D(2026, 11, 25))
    assert lifted.recheck_on is None
    state = session.freezes.state(request.id)
    assert state.state == "lifted"
    assert [c.action for c in state.changes] == ["placed", "thawed", "placed", "lifted"]
    with pytest.raises(ValidationError, match="thawed"):
        session.freezes.thaw(request.id, D(2026, 11, 26), D(2026, 12, 5))


def test_a_thaw_that_has_ended_reads_as_frozen_again(session, person, clock):
    request = session.freezes.add(person.id, "equifax", placed_on=D(2026, 11, 1))
    session.freezes.thaw(request.id, D(2026, 11, 10), D(2026, 11, 20))
    assert session.freezes.state(request.id).state == "placed"  # today is 2026-11-26


def test_the_pin_is_checked_kept_and_revealed_only_on_request(session, person):
    request = session.freezes.add(person.id, "nctue", pin="  7302-ZQX  ")
    state = session.freezes.state(request.id)
    assert state.pin_stored and "7302" not in repr(state)
    assert session.freezes.reveal_pin(request.id) == "7302-ZQX"
    with pytest.raises(ValidationError, match="pin"):
        session.freezes.set_pin(request.id, "   ")
    with pytest.raises(ValidationError, match="control character"):
        session.freezes.set_pin(request.id, "12\n34")
    other = session.requests.create(person.id, "spokeo", "opt-out")
    with pytest.raises(ValidationError, match="not a security freeze"):
        session.freezes.reveal_pin(other.id)


def test_erasing_the_person_erases_the_pin(session, person):
    request = session.freezes.add(person.id, "nctue", pin="ERASE-ME-42")
    session.safety.erase_person(person.id)
    assert session.db.query("SELECT count(*) FROM freezes")[0][0] == 0
    assert session.repos.freezes.pin(request.id) == ""
