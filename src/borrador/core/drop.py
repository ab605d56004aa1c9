"""California's DROP (Delete Request and Opt-out Platform): the dates the law sets, as data.

The platform opened on 2026-01-01. From 2026-08-01 every registered broker must retrieve the
DROP list at least once every 45 days and process each request within 45 days of retrieving it;
it keeps deleting every 45 days after that. A filing made before 2026-08-01 therefore has its
first cycle start on 2026-08-01. Source: https://privacy.ca.gov/drop/ (Cal. Civ. Code
§1798.99.86).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from borrador.core.errors import N_, ValidationError

OPENED = dt.date(2026, 1, 1)
PROCESSING_STARTS = dt.date(2026, 8, 1)
CYCLE_DAYS = 45  # brokers retrieve the list at least this often
PROCESS_DAYS = 45  # and act on what they retrieved within this many days

# What a person may have given DROP. Only the kinds are recorded unless they choose otherwise.
IDENTIFIER_KINDS = ("names", "past-names", "emails", "phones", "advertising-ids")


@dataclasses.dataclass(frozen=True)
class Cycle:
    """One 45-day window: every broker retrieves the list within it, and must have acted on
    what it retrieved by `act_by` (the window's end plus 45 days)."""

    number: int  # 1 for the first
    starts: dt.date
    retrieve_by: dt.date
    act_by: dt.date


def check_filed_on(filed_on: dt.date, today: dt.date) -> None:
    if filed_on < OPENED:
        raise ValidationError(
            "filed_on",
            N_("{filed_on} is before DROP opened ({opened})"),
            hint=N_("Give the date shown in your DROP account."),
            filed_on=filed_on,
            opened=OPENED,
        )
    if filed_on > today:
        raise ValidationError(
            "filed_on", N_("{filed_on} is in the future; record it once filed"), filed_on=filed_on
        )


def first_start(filed_on: dt.date) -> dt.date:
    return max(filed_on, PROCESSING_STARTS)


def cycle(filed_on: dt.date, number: int) -> Cycle:
    starts = first_start(filed_on) + dt.timedelta(days=CYCLE_DAYS * (number - 1))
    retrieve_by = starts + dt.timedelta(days=CYCLE_DAYS)
    return Cycle(number, starts, retrieve_by, retrieve_by + dt.timedelta(days=PROCESS_DAYS))


def cycles(filed_on: dt.date, today: dt.date) -> list[Cycle]:
    """The cycles that have started by `today`, then the next one (at least one: the first)."""
    found = [cycle(filed_on, 1)]
    while found[-1].starts <= today:
        found.append(cycle(filed_on, found[-1].number + 1))
    return found


def current(filed_on: dt.date, today: dt.date) -> Cycle | None:
    """The cycle `today` falls in; None before the first one starts."""
    started = [c for c in cycles(filed_on, today) if c.starts <= today]
    return started[-1] if started else None
