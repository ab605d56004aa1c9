import dataclasses
import datetime as dt
import itertools

import pytest

from borrador.core.errors import TransitionError
from borrador.core.requests import (
    CLOSED,
    TRANSITIONS,
    Kind,
    Request,
    Status,
    apply_transition,
    check_transition,
    with_status,
)

# sorted: a set's order changes between processes, and every xdist worker must collect alike
ALLOWED = [(a, b) for a, nexts in TRANSITIONS.items() for b in sorted(nexts)]
REFUSED = [(a, b) for a, b in itertools.product(Status, Status) if b not in TRANSITIONS[a]]


def test_every_status_has_a_rule():
    assert set(TRANSITIONS) == set(Status)


@pytest.mark.parametrize(("current", "new"), ALLOWED)
def test_allowed_transition_works(current, new):
    request = Request(
        id=1,
        person_id=1,
        recipient="spokeo",
        kind=Kind.DELETE,
        status=current,
        created_on=dt.date(2026, 1, 1),
    )
    event = apply_transition(request, new, dt.date(2026, 2, 1), "note")
    after = with_status(request, event)
    assert (event.from_status, event.to_status) == (current, new)
    assert after.status is new
    assert after.version == request.version + 1
    assert (after.closed_on is not None) == (new in CLOSED)


@pytest.mark.parametrize(("current", "new"), REFUSED)
def test_other_transitions_are_refused_naming_both_states(current, new):
    with pytest.raises(TransitionError) as caught:
        check_transition(current, new)
    assert f"'{current}'" in str(caught.value)
    assert f"'{new}'" in str(caught.value)


def test_final_states_and_withdrawal():
    assert not TRANSITIONS[Status.COMPLETED]
    assert not TRANSITIONS[Status.WITHDRAWN]
    for status in set(Status) - CLOSED - {Status.COMPLETED}:
        assert Status.WITHDRAWN in TRANSITIONS[status], status


def test_sent_date_is_recorded_and_reopening_clears_closed_date():
    request = Request(
        id=3, person_id=1, recipient="spokeo", kind=Kind.OPT_OUT, created_on=dt.date(2026, 1, 1)
    )
    sent = with_status(request, apply_transition(request, Status.SENT, dt.date(2026, 1, 2)))
    assert sent.sent_on == dt.date(2026, 1, 2)
    denied = with_status(sent, apply_transition(sent, Status.DENIED, dt.date(2026, 2, 1)))
    assert denied.closed_on == dt.date(2026, 2, 1)
    again = with_status(
        denied, apply_transition(denied, Status.FOLLOW_UP_SENT, dt.date(2026, 2, 3))
    )
    assert again.closed_on is None and again.is_open


def test_history_stays_in_date_order():
    from borrador.core.errors import ValidationError

    request = Request(
        id=3,
        person_id=1,
        recipient="spokeo",
        kind=Kind.OPT_OUT,
        status=Status.SENT,
        created_on=dt.date(2026, 5, 1),
    )
    with pytest.raises(ValidationError, match="before the last recorded change"):
        apply_transition(
            request, Status.ACKNOWLEDGED, dt.date(2026, 4, 30), not_before=dt.date(2026, 5, 2)
        )
    # Sent before it was entered in Borrador: allowed, it happened.
    drafted = dataclasses.replace(request, status=Status.DRAFTED)
    assert apply_transition(drafted, Status.SENT, dt.date(2026, 4, 20)).on == dt.date(2026, 4, 20)
