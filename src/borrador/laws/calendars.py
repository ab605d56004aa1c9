"""Holiday calendars and time-computation ("roll") rules, from the statutes in calendars.toml.

Each calendar is the list of days its statute names, with its own weekend-observance rule; the
`holidays` package is not used, because its state calendars add commemorative days on which
offices stay open (Cesar Chavez Day in Colorado, Diwali in California). "none" is a calendar
with no holidays, for rows that count only calendar days and know no roll rule.
"""

from __future__ import annotations

import calendar as _stdcal
import dataclasses
import datetime as dt
import functools
import re
import tomllib
from importlib import resources
from typing import Any

from borrador.core.business_days import BusinessCalendar
from borrador.core.deadlines import SOURCE_QUALITIES, Roll
from borrador.core.errors import BorradorError

SPAN = 6  # years either side of the dates asked about
NO_CALENDAR = "none"
CODE_RE = re.compile(r"US(-[A-Z]{2}(-[A-Z]+)?)?")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OBSERVE = {"saturday": ("friday", "none"), "sunday": ("monday", "none")}
DAY_KEYS = {"name", "date", "month", "weekday", "nth", "easter", "election", "offset", "from",
            "until", "saturday", "sunday"}  # fmt: skip


class CalendarTableError(BorradorError):
    """The shipped calendars.toml is malformed: a bug in Borrador, caught by its tests."""


@dataclasses.dataclass(frozen=True)
class HolidayRule:
    name: str
    spec: tuple[tuple[str, Any], ...]  # the day's form: date, month/weekday/nth, easter, election
    offset: int = 0
    first_year: int = 0
    last_year: int = 9999
    saturday: str = ""  # "" = the calendar's rule
    sunday: str = ""

    def dates(self, year: int) -> list[dt.date]:
        """This holiday's date in `year` (none outside its years, or in an off election year)."""
        if not self.first_year <= year <= self.last_year:
            return []
        spec = dict(self.spec)
        if "date" in spec:
            month, day = spec["date"]
            found = dt.date(year, month, day)
        elif "easter" in spec:
            found = _easter(year) + dt.timedelta(days=spec["easter"])
        elif "election" in spec:
            if spec["election"] == "even" and year % 2:
                return []
            first_monday = _nth_weekday(year, 11, 0, 1)
            found = first_monday + dt.timedelta(days=1)
        else:
            found = _nth_weekday(year, spec["month"], spec["weekday"], spec["nth"])
        return [found + dt.timedelta(days=self.offset)]

    @property
    def fixed(self) -> bool:
        return "date" in dict(self.spec)


@dataclasses.dataclass(frozen=True)
class HolidayCalendar:
    code: str
    title: str
    source: str
    url: str
    quality: str
    note: str
    saturday: str
    sunday: str
    days: tuple[HolidayRule, ...]

    def holidays(self, year: int) -> dict[dt.date, str]:
        """Every day of `year` this calendar closes, observed days included, with its name."""
        found: dict[dt.date, str] = {}
        for rule in self.days:
            for y in (year - 1, year, year + 1):  # a Jan 1 on Saturday is kept on Dec 31
                for day in rule.dates(y):
                    for closed, label in self._observed(rule, day):
                        if closed.year == year:
                            found[closed] = _join(found.get(closed), label)
        return dict(sorted(found.items()))

    def _observed(self, rule: HolidayRule, day: dt.date) -> list[tuple[dt.date, str]]:
        out = [(day, rule.name)]
        if not rule.fixed:
            return out
        if day.weekday() == 5 and (rule.saturday or self.saturday) == "friday":
            out.append((day - dt.timedelta(days=1), f"{rule.name} (observed)"))
        if day.weekday() == 6 and (rule.sunday or self.sunday) == "monday":
            out.append((day + dt.timedelta(days=1), f"{rule.name} (observed)"))
        return out


def holidays(code: str, year: int) -> dict[dt.date, str]:
    """The named closed days of calendar `code` in `year` ({} for "none")."""
    if code == NO_CALENDAR:
        return {}
    return holiday_calendar(code).holidays(year)


def holiday_calendar(code: str) -> HolidayCalendar:
    try:
        return _tables()[0][code]
    except KeyError:
        raise CalendarTableError(f"calendars.toml: there is no calendar {code!r}") from None


def calendar_codes() -> list[str]:
    return sorted(_tables()[0])


def roll_for(jurisdiction: str) -> Roll | None:
    """The time-computation statute of a jurisdiction, or None where none is known."""
    return _tables()[1].get(jurisdiction)


def roll_note(jurisdiction: str) -> str:
    return _tables()[2].get(jurisdiction, "")


def roll_source(jurisdiction: str) -> str:
    return _tables()[3].get(jurisdiction, "")


@functools.cache
def _calendar(code: str, first_year: int, last_year: int) -> BusinessCalendar:
    closed = [d for y in range(first_year, last_year + 1) for d in holidays(code, y)]
    return BusinessCalendar(closed, first_year, last_year)


def business_calendar(code: str, around: dt.date) -> BusinessCalendar:
    """The calendar `code` covering the years around `around` (cached per span)."""
    base = around.year - around.year % SPAN
    return _calendar(code, base - SPAN, base + 2 * SPAN)


# -- loading ------------------------------------------------------------------------------------
Tables = tuple[dict[str, HolidayCalendar], dict[str, Roll], dict[str, str], dict[str, str]]


@functools.cache
def _tables() -> Tables:
    text = (resources.files("borrador.laws") / "calendars.toml").read_text("utf-8")
    data = tomllib.loads(text)
    raw = data.get("calendar", {})
    calendars: dict[str, HolidayCalendar] = {}
    for code in raw:
        calendars[code] = _parse_calendar(code, raw)
    rolls, notes, sources = {}, {}, {}
    for place, row in data.get("roll", {}).items():
        where = f"calendars.toml: roll.{place}"
        unknown = set(row) - {"statute", "calendar", "quality", "source", "note"}
        if unknown:
            raise CalendarTableError(f"{where}: unknown keys {sorted(unknown)}")
        if row.get("calendar") not in calendars or not row.get("statute"):
            raise CalendarTableError(f"{where}: needs a statute and a calendar defined here")
        if row.get("quality") not in SOURCE_QUALITIES:
            raise CalendarTableError(f"{where}.quality: use one of {', '.join(SOURCE_QUALITIES)}")
        rolls[place] = Roll(row["statute"], row["calendar"], row["quality"])
        notes[place], sources[place] = row.get("note", ""), row.get("source", "")
    return calendars, rolls, notes, sources


def _parse_calendar(code: str, raw: dict[str, Any]) -> HolidayCalendar:
    where = f"calendars.toml: calendar.{code}"
    row = raw[code]
    if not CODE_RE.fullmatch(code):
        raise CalendarTableError(f"{where}: codes look like US, US-XX or US-XX-NAME")
    base: dict[str, Any] = {}
    if "extends" in row:
        if row["extends"] not in raw or "extends" in raw[row["extends"]]:
            raise CalendarTableError(f"{where}.extends: name a calendar that extends none")
        base = raw[row["extends"]]
    merged = {**base, **{k: v for k, v in row.items() if k != "extends"}}
    for key in ("title", "source", "quality"):
        if not merged.get(key):
            raise CalendarTableError(f"{where}: {key} is required")
    if merged["quality"] not in SOURCE_QUALITIES:
        raise CalendarTableError(f"{where}.quality: use one of {', '.join(SOURCE_QUALITIES)}")
    for side, allowed in OBSERVE.items():
        if merged.get(side, "none") not in allowed:
            raise CalendarTableError(f"{where}.{side}: use one of {', '.join(allowed)}")
    days = [*base.get("days", []), *row.get("days", []), *row.get("extra_days", [])]
    if not days:
        raise CalendarTableError(f"{where}: lists no days")
    return HolidayCalendar(
        code=code, title=merged["title"], source=merged["source"], url=merged.get("url", ""),
        quality=merged["quality"], note=merged.get("note", ""),
        saturday=merged.get("saturday", "none"), sunday=merged.get("sunday", "none"),
        days=tuple(_parse_day(f"{where}.days[{i}]", d) for i, d in enumerate(days)),
    )  # fmt: skip


def _parse_day(where: str, row: dict[str, Any]) -> HolidayRule:
    unknown = set(row) - DAY_KEYS
    if unknown or not row.get("name"):
        raise CalendarTableError(f"{where}: needs a name; unknown keys {sorted(unknown)}")
    forms = [k for k in ("date", "easter", "election", "month") if k in row]
    if len(forms) != 1:
        raise CalendarTableError(f"{where}: give exactly one of date, easter, election, month")
    spec: dict[str, Any] = {}
    try:
        if "date" in row:
            month, day = (int(part) for part in str(row["date"]).split("-"))
            dt.date(2000, month, day)  # Feb 29 allowed: 2000 is a leap year
            spec["date"] = (month, day)
        elif "easter" in row:
            spec["easter"] = int(row["easter"])
        elif "election" in row:
            if row["election"] not in ("annual", "even"):
                raise ValueError("election")
            spec["election"] = row["election"]
        else:
            nth = int(row["nth"])
            if not (1 <= int(row["month"]) <= 12 and nth in (-1, 1, 2, 3, 4, 5)):
                raise ValueError("month or nth")
            spec.update(month=int(row["month"]), weekday=WEEKDAYS.index(row["weekday"]), nth=nth)
    except (KeyError, ValueError) as error:
        raise CalendarTableError(f"{where}: malformed day ({error})") from None
    for side, allowed in OBSERVE.items():
        if row.get(side, "none") not in allowed:
            raise CalendarTableError(f"{where}.{side}: use one of {', '.join(allowed)}")
    return HolidayRule(
        name=row["name"], spec=tuple(sorted(spec.items())), offset=int(row.get("offset", 0)),
        first_year=int(row.get("from", 0)), last_year=int(row.get("until", 9999)),
        saturday=row.get("saturday", ""), sunday=row.get("sunday", ""),
    )  # fmt: skip


# -- date arithmetic ---------------------------------------------------------------------------
def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth == -1:
        last = dt.date(year, month, _stdcal.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _join(old: str | None, new: str) -> str:
    return new if not old else f"{old}; {new}"
