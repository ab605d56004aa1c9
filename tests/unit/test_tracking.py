"""Request lifecycle with its facts, receipt and recompute, re-checks, `due`, calendar export."""

import datetime as dt

import pytest

from borrador.core.errors import TransitionError, ValidationError
from borrador.letters.ics import build_ics
from tests.helpers.common import TODAY
from tests.helpers.people import sample_person

D = dt.date


@pytest.fixture
def person(session):
    return session.people.add(sample_person(state="CA"))


def test_basis_is_chosen_from_the_state(session, person):
    delete = session.requests.create(person.id, "spokeo", "delete")
    assert delete.legal_basis == "privacy-ca"
    assert session.requests.create(person.id, "equifax", "disclosure").legal_basis == "fcra"
    assert session.requests.create(person.id, "ice-foia", "records").legal_basis == "foia"
    local = session.requests.create(person.id, "state-local-agency", "records", agency_state="CA")
    assert local.legal_basis == "records-ca"
    nowhere = session.people.add(sample_person(state="WY"))
    assert session.requests.create(nowhere.id, "spokeo", "delete").legal_basis == "policy"
    with pytest.raises(ValidationError, match="not known to be a consumer reporting agency"):
        session.requests.create(person.id, "spokeo", "disclosure")
    with pytest.raises(ValidationError, match="not in the law table"):
        session.requests.create(person.id, "spokeo", "delete", legal_basis="gdpr")


def test_sent_needs_a_channel_and_records_it(session, person):
    request = session.requests.create(person.id, "spokeo", "delete")
    with pytest.raises(ValidationError, match="say how it was sent"):
        session.requests.change_status(request.id, "sent")
    sent = session.requests.change_status(
        request.id, "sent", on=D(2026, 11, 2), channel="mail", confirmation="9400 0000 1111"
    )
    assert sent.channel == "mail" and sent.confirmation == "9400 0000 1111"
    event = session.requests.events(request.id)[-1]
    assert dict(event.detail) == {"channel": "mail", "confirmation": "9400 0000 1111"}


def test_receipt_estimated_then_recomputed(session, person):
    request = session.requests.create(person.id, "spokeo", "delete")
    sent = session.requests.change_status(request.id, "sent", on=D(2026, 11, 2), channel="mail")
    clocks = session.tracking.deadlines(sent)
    assert clocks.receipt_estimated and clocks.received == D(2026, 11, 7)  # 5 mail days
    assert clocks.respond_by == D(2026, 12, 22)
    received = session.requests.mark_received(request.id, D(2026, 11, 4), "USPS delivery record")
    clocks = session.tracking.deadlines(received)
    # Day 45 is Saturday 2026-12-19: Cal. Code Civ. Proc. §12a moves it to Monday.
    assert not clocks.receipt_estimated and clocks.respond_by == D(2026, 12, 21)
    assert [m.was for m in clocks.rolled] == [D(2026, 12, 19)]
    assert clocks.acknowledge_by == D(2026, 11, 19)  # Veterans Day (Nov 11) skipped
    with pytest.raises(ValidationError, match="before it was sent"):
        session.requests.mark_received(request.id, D(2026, 11, 1))
    assert session.requests.get(request.id).status == "sent"  # a fact, not a status change


def test_extension_uses_the_rule_or_the_announced_date(session, person):
    request = session.requests.create(person.id, "ice-foia", "records")
    session.requests.change_status(request.id, "sent", on=D(2026, 11, 2), channel="web")
    extended = session.requests.change_status(
        request.id, "extended", on=D(2026, 11, 20), note="unusual circumstances"
    )
    assert extended.extended_due_on == D(2026, 12, 16)  # Dec 2 (Veterans Day, Thanksgiving) + 10
    other = session.requests.create(person.id, "spokeo", "opt-out")
    session.requests.change_status(other.id, "sent", on=D(2026, 11, 2), channel="web")
    with pytest.raises(ValidationError, match="sets no extension"):
        session.requests.change_status(other.id, "extended")
    announced = session.requests.change_status(other.id, "extended", until=D(2026, 12, 31))
    assert announced.extended_due_on == D(2026, 12, 31)


def test_denial_reason_and_completion_recheck(session, person):
    request = session.requests.create(person.id, "lexisnexis-risk", "delete")
    session.requests.change_status(request.id, "sent", on=D(2026, 10, 1), channel="web")
    denied = session.requests.change_status(
        request.id, "denied", reason="exempt", exemption="public records"
    )
    assert dict(session.requests.events(denied.id)[-1].detail) == {
        "reason": "exempt",
        "exemption": "public records",
    }
    with pytest.raises(ValidationError, match=r"reason: goes only with .denied."):
        session.requests.change_status(request.id, "follow-up-sent", reason="bored")
    spokeo = session.requests.create(person.id, "spokeo", "opt-out")
    session.requests.change_status(spokeo.id, "sent", on=D(2026, 10, 1), channel="web")
    done = session.requests.change_status(spokeo.id, "completed", on=D(2026, 10, 3))
    assert done.recheck_on == D(2027, 1, 1)  # Spokeo re-lists: 90 days


def test_recheck_listed_opens_a_linked_request(session, person):
    request = session.requests.create(person.id, "spokeo", "opt-out")
    session.requests.change_status(request.id, "sent", on=D(2026, 8, 1), channel="web")
    session.requests.change_status(request.id, "completed", on=D(2026, 8, 2))
    again = session.requests.record_recheck(request.id, listed=False, on=D(2026, 11, 1))
    assert again.recheck_on == D(2027, 1, 30) and again.status == "completed"
    new = session.requests.record_recheck(request.id, listed=True)
    assert new.parent_id == request.id and new.status == "drafted" and new.recipient == "spokeo"
    assert session.requests.get(request.id).recheck_on is None
    with pytest.raises(ValidationError, match="only completed requests"):
        session.requests.record_recheck(new.id, listed=True)


def test_withdrawn_is_final(session, person):
    request = session.requests.create(person.id, "spokeo", "delete")
    session.requests.change_status(request.id, "withdrawn")
    with pytest.raises(TransitionError, match="'withdrawn'"):
        session.requests.change_status(request.id, "sent", channel="web")


def make_due_fixture(session, person):
    """Requests in every situation `due` reports, relative to TODAY (2026-11-26)."""
    ids = {}
    r = session.requests.create(person.id, "spokeo", "delete")  # overdue, no follow-up yet
    session.requests.change_status(r.id, "sent", on=D(2026, 9, 1), channel="web")
    ids["overdue"] = r.id
    r = session.requests.create(person.id, "acxiom", "delete")  # overdue after a follow-up
    session.requests.change_status(r.id, "sent", on=D(2026, 8, 1), channel="web")
    session.requests.change_status(r.id, "follow-up-sent", on=D(2026, 10, 1))
    ids["escalate"] = r.id
    r = session.requests.create(person.id, "epsilon", "delete")  # waiting on the person
    session.requests.change_status(r.id, "sent", on=D(2026, 11, 20), channel="web")
    session.requests.change_status(r.id, "verification-requested", on=D(2026, 11, 21))
    ids["verify"] = r.id
    r = session.requests.create(person.id, "ice-foia", "records")  # due in the future
    session.requests.change_status(r.id, "sent", on=D(2026, 11, 24), channel="web")
    ids["future"] = r.id
    r = session.requests.create(person.id, "whitepages", "opt-out")  # a re-check is due
    session.requests.change_status(r.id, "sent", on=D(2026, 5, 1), channel="web")
    session.requests.change_status(r.id, "completed", on=D(2026, 5, 2))
    ids["recheck"] = r.id
    r = session.requests.create(person.id, "peoplefinders", "delete")  # acknowledgement pending
    session.requests.change_status(r.id, "sent", on=D(2026, 11, 20), channel="web")
    ids["ack"] = r.id
    session.requests.create(person.id, "radaris", "delete")  # a draft: nothing due
    return ids


def test_due_ordering_and_wording(session, person):
    ids = make_due_fixture(session, person)
    items = session.tracking.due()
    order = [(i.request_id, i.what) for i in items]
    assert order[:3] == [  # overdue first, oldest first
        (ids["recheck"], "re-check"),  # completed 2026-05-02 + 90 days: 2026-07-31
        (ids["escalate"], "response"),  # sent 2026-08-01 + 45 days: 2026-09-15
        (ids["overdue"], "response"),  # sent 2026-09-01 + 45 days: 2026-10-16
    ]
    assert [i.overdue for i in items] == [True] * 3 + [False] * (len(items) - 3)
    assert [i.date for i in items[3:]] == sorted(i.date for i in items[3:])
    by_id = {(i.request_id, i.what): i for i in items}
    assert "send a follow-up letter" in by_id[(ids["overdue"], "response")].action
    assert (
        "file a complaint with the California Privacy Protection Agency"
        in by_id[(ids["escalate"], "response")].action
    )
    assert by_id[(ids["verify"], "verification")].action.startswith("Waiting on the person")
    future = by_id[(ids["future"], "response")]
    assert not future.overdue and future.legal and "5 U.S.C. §552" in future.citation
    # 10 California business days: Thanksgiving and the day after are state holidays.
    assert by_id[(ids["ack"], "acknowledgement")].date == D(2026, 12, 8)
    assert "check the spam folder" in by_id[(ids["ack"], "acknowledgement")].action
    assert (ids["verify"], "acknowledgement") not in by_id
    assert all(i.initials == "XPI" for i in items)
    assert {i.request_id for i in items} == set(ids.values())
    soon = session.tracking.due(within=7)
    assert all(i.overdue or i.days_left <= 7 for i in soon) and len(soon) < len(items)


def test_calendar_export_parses_back_with_stable_uids(session, person):
    from icalendar import Calendar

    make_due_fixture(session, person)
    items = session.tracking.due()
    first = build_ics(items, stamp=dt.datetime(2026, 11, 26, tzinfo=dt.UTC), reminder_days=3)
    second = build_ics(
        session.tracking.due(), stamp=dt.datetime(2026, 11, 27, tzinfo=dt.UTC), reminder_days=3
    )
    parsed = Calendar.from_ical(first)
    events = [c for c in parsed.walk("VEVENT")]
    assert len(events) == len(items)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(second).walk("VEVENT")]
    first_event = events[0]
    assert first_event.decoded("DTSTART") == items[0].date  # a date, not a date-time
    assert str(first_event["SUMMARY"]).startswith("XPI: ")
    alarm = first_event.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=3)
    text = first.decode()
    for private in ("Xiomara", "Pruebas", "1979", "Calle Ficticia", "60608", "312-555"):
        assert private not in text


def test_today_is_the_fixture_date(session):
    assert session.clock.today() == TODAY
