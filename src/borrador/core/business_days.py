"""Counting days the way deadline statutes do, given a calendar's holidays.

Day 1 is the first day after the clock starts. Calendar days count every day; business (or
working) days skip Saturdays, Sundays and the calendar's holidays, observed dates included.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable


class BusinessCalendar:
    """Business days between two years, precomputed so adding N days is a lookup."""

    def __init__(self, holidays: Iterable[dt.date], first_year: int, last_year: int) -> None:
        self.first_year, self.last_year = first_year, last_year
        closed = set(holidays)
        day, end = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
        self.open_days: list[int] = []  # ordinals of business days, ascending
        while day <= end:
            if day.weekday() < 5 and day not in closed:
                self.open_days.append(day.toordinal())
            day += dt.timedelta(days=1)
        self.holidays = frozenset(d for d in closed if first_year <= d.year <= last_year)

    def covers(self, start: dt.date, business_days: int) -> bool:
        """Whether the result of adding `business_days` to `start` lies inside the table."""
        # 3 business days per 5 calendar days is a safe lower bound, even with holidays.
        return (
            self.first_year <= start.year
            and (start + dt.timedelta(days=2 * business_days + 14)).year <= self.last_year
        )

    def is_business_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def add(self, start: dt.date, business_days: int) -> dt.date:
        """The `business_days`-th business day after `start` (start itself never counts)."""
        if business_days < 1:
            raise ValueError("count at least one business day")
        if not self.covers(start, business_days):
            raise ValueError(f"{start} + {business_days} business days is outside the calendar")
        position = bisect.bisect_right(self.open_days, start.toordinal())
        return dt.date.fromordinal(self.open_days[position + business_days - 1])


def add_calendar_days(start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=days)
