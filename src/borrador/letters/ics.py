"""Calendar export (.ics): one all-day event per open deadline and re-check.

Calendars sync to clouds, so an event carries only the person's initials, the recipient's
name and the rule: no names, addresses or dates of birth. UIDs are derived from the request's
stable uid and the deadline kind, so exporting again updates events instead of duplicating.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

LABELS = {"response": "answer due", "acknowledgement": "acknowledgement due",
          "verification": "verification pending", "re-check": "re-check listing"}  # fmt: skip


class CalendarItem(Protocol):  # read-only: due items are frozen dataclasses
    @property
    def uid(self) -> str: ...
    @property
    def request_id(self) -> int: ...
    @property
    def initials(self) -> str: ...
    @property
    def recipient_name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def what(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def legal(self) -> bool: ...
    @property
    def citation(self) -> str: ...


def event_uid(item: CalendarItem) -> str:
    return f"{item.uid}-{item.what}@borrador"


def build_ics(items: Iterable[CalendarItem], *, stamp: dt.datetime, reminder_days: int) -> bytes:
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Borrador//deadlines//EN")
    calendar.add("version", "2.0")
    for item in items:
        event = Event()
        event.add("uid", event_uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("summary", f"{item.initials}: {item.recipient_name} — {LABELS[item.what]}")
        basis = ("Legal deadline" if item.legal else "Target date, no statute") + (
            f": {item.citation}" if item.citation and item.legal else "")  # fmt: skip
        event.add("description", f"Borrador request {item.request_id} ({item.kind}). {basis}.")
        event.add("transp", "TRANSPARENT")
        if reminder_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{item.recipient_name}: {LABELS[item.what]}")
            alarm.add("trigger", dt.timedelta(days=-reminder_days))
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
