"""Next steps in words: the one place they are written, for the CLI and the TUI alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from borrador.core.next_step import Step
from borrador.i18n import _


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


def _iso(day: dt.date) -> str:
    return day.isoformat()


def next_step(
    item: DueLike,
    translate: Callable[[str], str] = _,
    show_date: Callable[[dt.date], str] = _iso,
) -> str:
    """The next step of a due item, in the language `translate` speaks."""
    t = translate
    date = show_date(item.date)
    kind = t("legal deadline") if item.legal else t("target date (no statute sets one)")
    step = item.step
    if step is Step.RECHECK:
        return t("Check whether the person is listed again (since {date}); if so, record it "
                 "to open a new request.").format(date=date)  # fmt: skip
    if step is Step.ANSWER_VERIFICATION:
        return t("Waiting on the person: answer the recipient's verification request.")
    if step is Step.CHECK_ACKNOWLEDGEMENT:
        return t("No acknowledgement by {date}: check the spam folder and the mail, then send "
                 "a follow-up if nothing came.").format(date=date)  # fmt: skip
    if step is Step.WAIT:
        return t("Wait for the answer; the {kind} is {date} ({days} days).").format(
            kind=kind, date=date, days=item.days_left
        )
    if step is Step.AWAIT_REGULATOR:
        return t("The {kind} passed and a complaint is filed: note any answer from the "
                 "regulator.").format(kind=kind)  # fmt: skip
    if step is Step.COMPLAIN:
        return t("Still no answer after a follow-up: file a complaint with {who}.").format(
            who=item.complaint_to or t("the regulator")
        )
    return t("The {kind} passed on {date}: send a follow-up letter.").format(kind=kind, date=date)


def english(message: str) -> str:
    return message
