"""A letter cannot have gone out before Borrador drafted it; a request recorded after the fact,
with no letter of ours, may still carry the day it really went out."""

import datetime as dt

import pytest

from borrador.core.errors import ValidationError
from tests.helpers.people import sample_person

D = dt.date


def drafted(session, clock, on):
    clock.day = on
    person = session.people.add(sample_person(state="CA"))
    [made] = session.letters.make(person.id, ["acxiom"], "delete", fmt="txt",
                                  out_dir=session.paths.root / "out")  # fmt: skip
    return made.request


def test_sent_before_the_letter_was_drafted_is_refused_and_nothing_changes(session, clock):
    request = drafted(session, clock, D(2026, 11, 20))
    clock.day = D(2026, 11, 26)
    with pytest.raises(ValidationError) as refused:
        session.requests.change_status(request.id, "sent", on=D(2026, 11, 19), channel="mail")
    assert refused.value.field == "date" and "2026-11-20" in str(refused.value)
    kept = session.requests.get(request.id)
    assert kept.status == "drafted" and kept.sent_on is None
    sent = session.requests.change_status(request.id, "sent", on=D(2026, 11, 20), channel="mail")
    assert sent.sent_on == D(2026, 11, 20)


def test_a_request_recorded_without_a_letter_keeps_its_real_send_date(session, clock):
    person = session.people.add(sample_person(state="CA"))
    recorded = session.requests.create(person.id, "acxiom", "delete")  # recorded today
    sent = session.requests.change_status(recorded.id, "sent", on=D(2026, 9, 1), channel="mail")
    assert sent.sent_on == D(2026, 9, 1)

