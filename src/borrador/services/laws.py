"""The law table, business calendars and the calendar file, for the front ends."""

from __future__ import annotations

from borrador.laws.calendars import business_calendar
from borrador.laws.table import law_table
from borrador.letters.ics import build_ics

__all__ = ["build_ics", "business_calendar", "law_table"]
