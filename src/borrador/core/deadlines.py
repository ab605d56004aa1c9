"""Legal clocks: a rule (from the law table) applied to the date the recipient got a request."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Protocol

from borrador.core.business_days import add_calendar_days


class Calendar(Protocol):
    def add(self, start: dt.date, business_days: int) -> dt.date: ...


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
class Rule:
    """One row of the law table: a legal basis and the request kinds it sets clocks for."""

    law: str
    name: str
    kinds: tuple[str, ...]
    citation: str
    calendar: str  # "US" (federal holidays) or "US-XX" (that state's)
    respond: Period
    acknowledge: Period | None = None
    extension: Period | None = None
    extension_note: str = ""
    appeal: Period | None = None
    appeal_note: str = ""
    courtesy: bool = False  # no statute: a target we set, never called a legal deadline
    unverified: str = ""  # what in this row rests on a recalled or single source
    source: str = ""
    aliases: tuple[str, ...] = ()
    complaint_to: str = ""  # where to escalate when the deadline passes unanswered


@dataclasses.dataclass(frozen=True)
class Deadlines:
    rule: Rule
    received: dt.date
    receipt_estimated: bool
    acknowledge_by: dt.date | None
    respond_by: dt.date
    extended_respond_by: dt.date | None

    @property
    def legal(self) -> bool:
        return not self.rule.courtesy


def compute(
    rule: Rule, received: dt.date, calendar: Calendar, *, receipt_estimated: bool = False
) -> Deadlines:
    """The dates a recipient must meet. The extension runs on from the original due date."""
    respond_by = rule.respond.after(received, calendar)
    return Deadlines(
        rule=rule,
        received=received,
        receipt_estimated=receipt_estimated,
        acknowledge_by=rule.acknowledge.after(received, calendar) if rule.acknowledge else None,
        respond_by=respond_by,
        extended_respond_by=rule.extension.after(respond_by, calendar) if rule.extension else None,
    )
