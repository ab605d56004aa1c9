"""Legal clocks: a rule (from the law table) applied to the date the recipient got a request.

A rule may say when its clock can start at the earliest (`clock_from`: the Delete Act's broker
duties begin 2026-08-01), and which time-computation statute moves a last day that falls on a
weekend or holiday to the next day (`roll`). Every move is recorded with its reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Protocol

from borrador.core.business_days import add_calendar_days

SOURCE_QUALITIES = ("statute", "secondary", "reviewer")  # text read / tracker or news / recalled


class Calendar(Protocol):
    def add(self, start: dt.date, business_days: int) -> dt.date: ...

    def is_business_day(self, day: dt.date) -> bool: ...


@dataclasses.dataclass(frozen=True)
class Period:
    days: int
    business: bool  # business/working days, else calendar days

    def after(self, start: dt.date, calendar: Calendar) -> dt.date:
        return (
            calendar.add(start, self.days) if self.business else add_calendar_days(start, self.days)
        )

    def __str__(self) -> str:
        return f"{self.days} {'business' if self.business else 'calendar'} days"


@dataclasses.dataclass(frozen=True)
class Roll:
    """A time-computation statute: a last day on a Saturday, Sunday or holiday moves on."""

    statute: str  # e.g. "Cal. Code Civ. Proc. §12a"
    calendar: str  # the holidays the statute counts (a calendar code)
    source_quality: str = "statute"


@dataclasses.dataclass(frozen=True)
class Rule:
    """One row of the law table: a legal basis and the request kinds it sets clocks for."""

    law: str
    name: str
    kinds: tuple[str, ...]
    citation: str
    calendar: str  # "none" (calendar days only), "US" (federal holidays) or a state calendar
    respond: Period
    acknowledge: Period | None = None
    extension: Period | None = None
    extension_note: str = ""
    appeal: Period | None = None  # the time the recipient has to decide an appeal
    appeal_note: str = ""
    courtesy: bool = False  # no statute: a target we set, never called a legal deadline
    unverified: str = ""  # what in this row rests on a recalled or single source
    source: str = ""
    aliases: tuple[str, ...] = ()
    complaint_to: str = ""  # where to escalate when the deadline passes unanswered
    variant: str = ""  # "" or a named case of the same law and kind ("after-free-report")
    jurisdiction: str = ""  # "US", a state code, or "" (no jurisdiction: policy, generic)
    effective_from: dt.date | None = None
    until: dt.date | None = None  # first day the row no longer applies
    clock_from: dt.date | None = None  # a request received earlier starts its clock on this day
    clock_from_note: str = ""
    auto: bool = True  # False: never chosen automatically as a letter's basis
    auto_note: str = ""
    roll: Roll | None = None
    source_quality: str = "statute"  # the weakest of the row's numbers: see SOURCE_QUALITIES
    cites: tuple[tuple[str, str], ...] = ()  # (which number, where it comes from)
    appeal_extension: Period | None = None
    appeal_citation: str = ""
    appeal_filing: Period | None = None  # how long the requester has to appeal, where fixed
    appeal_filing_note: str = ""

    def in_force(self, day: dt.date) -> bool:
        started = self.effective_from is None or self.effective_from <= day
        return started and (self.until is None or day < self.until)


@dataclasses.dataclass(frozen=True)
class Moved:
    """A deadline a time-computation statute moved off a weekend or holiday."""

    what: str  # acknowledge_by | respond_by | extended_respond_by
    was: dt.date
    now: dt.date
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"what": self.what, "from": self.was.isoformat(), "to": self.now.isoformat(),
                "reason": self.reason}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Deadlines:
    rule: Rule
    received: dt.date
    receipt_estimated: bool
    acknowledge_by: dt.date | None
    respond_by: dt.date
    extended_respond_by: dt.date | None
    clock_start: dt.date | None = None  # when it differs from `received` (clock_from)
    rolled: tuple[Moved, ...] = ()
    in_force: bool = True  # the row was in force on the day the recipient got the request

    @property
    def legal(self) -> bool:
        return not self.rule.courtesy and self.in_force


def compute(
    rule: Rule,
    received: dt.date,
    calendar: Calendar,
    *,
    receipt_estimated: bool = False,
    roll_calendar: Calendar | None = None,
) -> Deadlines:
    """The dates a recipient must meet. The extension runs on from the original (unmoved) due
    date, so the whole period is counted first and only its last day is moved."""
    start = received
    if rule.clock_from and received < rule.clock_from:
        start = rule.clock_from
    ack = rule.acknowledge.after(start, calendar) if rule.acknowledge else None
    respond = rule.respond.after(start, calendar)
    extended = rule.extension.after(respond, calendar) if rule.extension else None
    moves: list[Moved] = []

    def rolled(what: str, day: dt.date | None) -> dt.date | None:
        if day is None or rule.roll is None or roll_calendar is None:
            return day
        moved = day
        while not roll_calendar.is_business_day(moved):
            moved += dt.timedelta(days=1)
        if moved != day:
            moves.append(Moved(what, day, moved, _why(day, moved, rule.roll)))
        return moved

    respond_by = rolled("respond_by", respond)
    assert respond_by is not None
    return Deadlines(
        rule=rule,
        received=received,
        receipt_estimated=receipt_estimated,
        acknowledge_by=rolled("acknowledge_by", ack),
        respond_by=respond_by,
        extended_respond_by=rolled("extended_respond_by", extended),
        clock_start=start if start != received else None,
        rolled=tuple(sorted(moves, key=lambda m: m.was)),
        in_force=rule.in_force(received),
    )


def _why(day: dt.date, moved: dt.date, roll: Roll) -> str:
    what = day.strftime("%A") if day.weekday() >= 5 else "a holiday"
    return (f"{day.isoformat()} is {what}; {roll.statute} moves the last day to the next day "
            f"that is not a Saturday, Sunday or holiday ({moved.isoformat()})")  # fmt: skip
