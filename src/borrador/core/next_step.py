"""What to do next about a request, as data: a situation code and its dates. Worded once per
language at the edge (`borrador.i18n.wording`)."""

from __future__ import annotations

from enum import StrEnum

from borrador.core.requests import Status


class Step(StrEnum):
    WAIT = "wait"  # with the recipient, deadline not passed
    ANSWER_VERIFICATION = "answer-verification"  # the recipient asked the person to verify
    CHECK_ACKNOWLEDGEMENT = "check-acknowledgement"  # no acknowledgement by its date
    FOLLOW_UP = "follow-up"  # deadline passed: send a follow-up
    COMPLAIN = "complain"  # still no answer after a follow-up: complain to the regulator
    AWAIT_REGULATOR = "await-regulator"  # complaint filed after the deadline passed
    RECHECK = "recheck"  # done: check whether the person is listed again


def response_step(status: str, days_left: int) -> Step:
    """The next step for a request whose answer is due in `days_left` days (negative: late)."""
    if status == Status.VERIFICATION_REQUESTED:
        return Step.ANSWER_VERIFICATION
    if days_left >= 0:
        return Step.WAIT
    if status == Status.COMPLAINT_FILED:
        return Step.AWAIT_REGULATOR
    if status == Status.FOLLOW_UP_SENT:
        return Step.COMPLAIN
    return Step.FOLLOW_UP
