"""Next steps in words: the one place they are written, for the CLI and the TUI alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from borrador.core.next_step import Step
from borrador.i18n import N_, _


class DueLike(Protocol):
    @property
    def step(self) -> Step: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def days_left(self) -> int: ...
    @property
    def legal(self) -> bool: ...
    @property
    def complaint_to(self) -> str: ...


LEGAL = N_("legal deadline")
TARGET = N_("target date (no statute sets one)")
THE_REGULATOR = N_("the regulator")
WORDS = {
    Step.RECHECK: N_("Check whether the person is listed again (since {date}); if so, record "
                     "it to open a new request."),
    Step.ANSWER_VERIFICATION: N_("Waiting on the person: answer the recipient's verification "
                                 "request."),
    Step.CHECK_ACKNOWLEDGEMENT: N_("No acknowledgement by {date}: check the spam folder and the "
                                   "mail, then send a follow-up if nothing came."),
    Step.WAIT: N_("Wait for the answer; the {kind} is {date} ({days} days)."),
    Step.AWAIT_REGULATOR: N_("The {kind} passed and a complaint is filed: note any answer from "
                             "the regulator."),
    Step.COMPLAIN: N_("Still no answer after a follow-up: file a complaint with {who}."),
    Step.FOLLOW_UP: N_("The {kind} passed on {date}: send a follow-up letter."),
}  # fmt: skip


def _iso(day: dt.date) -> str:
    return day.isoformat()


def next_step(
    item: DueLike,
    translate: Callable[[str], str] = _,
    show_date: Callable[[dt.date], str] = _iso,
) -> str:
    """The next step of a due item, in the language `translate` speaks."""
    kind = translate(LEGAL if item.legal else TARGET)
    who = item.complaint_to or translate(THE_REGULATOR)
    return translate(WORDS[item.step]).format(
        date=show_date(item.date), kind=kind, days=item.days_left, who=who
    )


def english(message: str) -> str:
    return message
