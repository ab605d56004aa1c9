"""Follow-ups, appeals and complaints say only what the history records (dated cases)."""

from __future__ import annotations

import datetime as dt

import pytest

from borrador.core.errors import ValidationError
from tests.helpers.people import sample_person

D = dt.date


def _sent(session, clock, state, *, on, kind="delete", recipient="acxiom", received=None):
    person = session.people.add(sample_person(state=state))
    clock.day = on
    request = session.requests.create(person.id, recipient, kind)
    session.requests.change_status(request.id, "sent", on=on, channel="mail", confirmation="9400 1111")
    if received:
        clock.day = received
        session.requests.mark_received(request.id, received)
    return request


def _make(session, clock, request_id, kind, on):
    clock.day = on
    made = session.letters.escalate(
        request_id, kind, fmt="txt", out_dir=session.paths.root / f"o{request_id}{kind}{on}"
    )
    return made, made.request.letter_text


def test_follow_up_before_the_deadline_is_a_reminder(session, clock):
    # Colorado, mailed 2026-09-01, received (estimated) a few days later: due mid-October.
    request = _sent(session, clock, "CO", on=D(2026, 9, 1))
    made, text = _make(session, clock, request.id, "follow-up", D(2026, 9, 20))
    assert made.letter.subject.startswith("Reminder about the request of September 1, 2026")
    assert "This is a reminder" in text
    for claim in ("have not received", "required an answer by", "past its due date", "complaint"):
        assert claim not in text


def test_follow_up_after_the_deadline_says_it_passed_and_that_it_is_estimated(session, clock):
    request = _sent(session, clock, "CO", on=D(2026, 9, 1))
    made, text = _make(session, clock, request.id, "follow-up", D(2026, 11, 1))
    assert "past its due date" in made.letter.subject
    assert "The law required an answer by" in text and "have not received one" in text
    assert "my estimate of the day you received it" in text


def test_a_known_receipt_date_is_not_called_an_estimate(session, clock):
    request = _sent(session, clock, "CO", on=D(2026, 9, 1), received=D(2026, 9, 3))
    _made, text = _make(session, clock, request.id, "follow-up", D(2026, 11, 1))
    assert "estimate" not in text
    # 2026-09-03 + 45 days = 2026-10-18, a Sunday: C.R.S. §2-4-108 moves it to Monday.
    assert "October 19, 2026" in text


def test_never_no_answer_after_a_recorded_answer(session, clock):
    request = _sent(session, clock, "CO", on=D(2026, 9, 1))
    clock.day = D(2026, 9, 25)
    session.requests.change_status(request.id, "denied", on=D(2026, 9, 25), reason="exempt")
    made, text = _make(session, clock, request.id, "follow-up", D(2026, 9, 30))
    assert "Follow-up to your answer of September 25, 2026" in made.letter.subject
    assert "you denied it" in text
    assert "have not received" not in text and "no answer" not in text


def test_history_is_in_date_order_without_bookkeeping_or_private_notes(session, clock):
    request = _sent(session, clock, "CO", on=D(2026, 9, 1))
    clock.day = D(2026, 9, 10)
    session.requests.add_note(request.id, "Her cousin at the address is undocumented.", on=D(2026, 9, 10))
    marked = session.requests.get(request.id)
    session.requests._note(
        marked, D(2026, 9, 12), "Called the broker; they promised an answer.", {"for_letter": "yes"}
    )
    session.requests._note(
        session.requests.get(request.id), D(2026, 9, 14), "Case opened", {"case_number": "CASE-77"}
    )
    made, text = _make(session, clock, request.id, "follow-up", D(2026, 11, 1))
    assert "undocumented" not in text and "cousin" not in text
    for bookkeeping in (
        "Letter text stored",
        "Letter drafted",
        "Sending by email",
        "request drafted",
    ):
        assert bookkeeping not in text
    assert "Called the broker" in text
    assert text.index("September 1, 2026: request sent") < text.index("September 12, 2026")
    assert "(ref. CASE-77)" in made.letter.subject  # the recipient's own case number


def test_complaint_waits_for_the_deadline_and_for_the_appeal(session, clock):
    request = _sent(session, clock, "VA", on=D(2026, 9, 1))
    with pytest.raises(ValidationError, match="not past its due date"):
        _make(session, clock, request.id, "complaint", D(2026, 9, 20))
    with pytest.raises(ValidationError, match="requires an appeal first"):
        _make(session, clock, request.id, "complaint", D(2026, 11, 1))
    appeal, text = _make(session, clock, request.id, "appeal", D(2026, 11, 1))
    assert "Under the Virginia Consumer Data Protection Act, I appeal" in text
    assert "60 calendar days from receipt of this appeal" in text
    session.requests.change_status(appeal.request.id, "sent", on=D(2026, 11, 1), channel="mail")
    with pytest.raises(ValidationError, match="requires an appeal first"):
        _make(session, clock, request.id, "complaint", D(2026, 12, 1))  # appeal still running
    complaint, text = _make(session, clock, request.id, "complaint", D(2027, 2, 1))
    lines = complaint.letter.recipient_lines
    assert lines[0].startswith("Office of the Attorney General of Virginia")
    assert "202 North Ninth Street" in lines  # the regulator's postal address from the table
    assert "I appealed on November 1, 2026" in text
    assert "I followed up" not in text  # no follow-up was sent


def test_i_followed_up_only_after_one_was_sent(session, clock):
    request = _sent(session, clock, "CA", on=D(2026, 9, 1))  # California: no appeal step
    follow, _ = _make(session, clock, request.id, "follow-up", D(2026, 11, 1))
    _c, text = _make(session, clock, request.id, "complaint", D(2026, 11, 2))
    assert "I followed up" not in text  # drafted, never sent
    clock.day = D(2026, 11, 3)
    session.requests.change_status(follow.request.id, "sent", on=D(2026, 11, 3), channel="mail")
    _c, text = _make(session, clock, request.id, "complaint", D(2026, 11, 20))
    assert "I followed up on November 3, 2026" in text


def test_appeal_needs_a_denial_or_a_missed_deadline(session, clock):
    request = _sent(session, clock, "CO", on=D(2026, 9, 1))
    with pytest.raises(ValidationError, match="neither denied nor past"):
        _make(session, clock, request.id, "appeal", D(2026, 9, 10))
    clock.day = D(2026, 9, 12)
    session.requests.change_status(request.id, "denied", on=D(2026, 9, 12))
    made, text = _make(session, clock, request.id, "appeal", D(2026, 9, 15))
    assert made.request.kind == "appeal" and made.request.parent_id == request.id
    assert "On September 12, 2026 you denied it" in text
    assert "C.R.S. §6-1-1306(3)" in text or "§6-1-1306" in text


def test_foia_appeal_after_a_denial(session, clock):
    request = _sent(session, clock, "TX", on=D(2026, 9, 1), kind="records", recipient="ice-foia")
    clock.day = D(2026, 9, 20)
    session.requests.change_status(request.id, "denied", on=D(2026, 9, 20), reason="exempt")
    _made, text = _make(session, clock, request.id, "appeal", D(2026, 10, 1))
    assert "5 U.S.C. §552(a)(6)(A)" in text and "FOIA appeals officer" in text
    assert "20 business days from receipt of this appeal" in text


def test_utah_has_no_appeal_so_the_complaint_follows_the_deadline(session, clock):
    request = _sent(session, clock, "UT", on=D(2026, 9, 1))
    with pytest.raises(ValidationError, match="no appeal step"):
        _make(session, clock, request.id, "appeal", D(2026, 11, 1))
    complaint, _text = _make(session, clock, request.id, "complaint", D(2026, 11, 1))
    assert complaint.letter.recipient_lines[0].startswith("Utah Division of Consumer Protection")


def test_a_case_number_given_with_a_status_is_the_reference(session, clock):
    request = _sent(session, clock, "CO", on=D(2026, 9, 1))
    clock.day = D(2026, 9, 5)
    session.requests.change_status(request.id, "acknowledged", on=D(2026, 9, 5), case_number="PR-2026-8")
    made, text = _make(session, clock, request.id, "follow-up", D(2026, 11, 1))
    assert "(ref. PR-2026-8)" in made.letter.subject and "reference PR-2026-8" in text
    assert "your reference PR-2026-8" in text  # in the history line of the acknowledgement
