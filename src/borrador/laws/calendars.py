"""Holiday calendars from the `holidays` package, turned into business-day tables.

"US" is the federal calendar (5 U.S.C. §6103); "US-XX" adds that state's own holidays.
Observed dates (a Saturday holiday kept on Friday, a Sunday one on Monday) are included.
"""

from __future__ import annotations

import datetime as dt
import functools

from borrador.core.business_days import BusinessCalendar

SPAN = 6  # years either side of the dates asked about


@functools.cache
def _calendar(code: str, first_year: int, last_year: int) -> BusinessCalendar:
    import holidays  # deferred: ~80 ms to import, and only deadline work needs it

    subdiv = code.split("-", 1)[1] if "-" in code else None
    years = range(first_year, last_year + 1)
    closed = holidays.country_holidays("US", subdiv=subdiv, years=years)
    return BusinessCalendar(closed.keys(), first_year, last_year)


def business_calendar(code: str, around: dt.date) -> BusinessCalendar:
    """The calendar `code` covering the years around `around` (cached per span)."""
    base = around.year - around.year % SPAN
    return _calendar(code, base - SPAN, base + 2 * SPAN)
