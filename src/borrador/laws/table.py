"""Loading the law table (laws.toml) and finding the rule for a legal basis and request kind.

A row with an `appeal` period also yields a rule of kind "appeal": the recipient's clock to
decide an appeal, with the requester's filing window where a statute fixes one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import tomllib
from importlib import resources
from typing import Any

from borrador.core.deadlines import SOURCE_QUALITIES, Period, Rule
from borrador.core.errors import BorradorError, NotFoundError
from borrador.laws.calendars import NO_CALENDAR, CalendarTableError, holiday_calendar, roll_for

KINDS = ("opt-out", "delete", "access", "correct", "disclosure", "dispute", "records", "appeal",
         "security-freeze")
VARIANTS = ("", "after-free-report")
LAW_RE = re.compile(r"[a-z][a-z0-9-]{1,30}")
JURISDICTION_RE = re.compile(r"US|[A-Z]{2}")
CITE_KEYS = {"acknowledge", "respond", "extension", "appeal", "appeal_filing", "effective_from",
             "clock_from", "auto"}  # fmt: skip
ROW_KEYS = {"law", "aliases", "name", "kinds", "variant", "jurisdiction", "citation", "calendar",
            "acknowledge", "respond", "extension", "extension_note", "appeal", "appeal_extension",
            "appeal_citation", "appeal_filing", "appeal_filing_note", "appeal_note", "courtesy",
            "effective_from", "until", "clock_from", "clock_from_note", "auto", "auto_note",
            "source_quality", "cites", "unverified", "source", "complaint_to"}  # fmt: skip


class LawTableError(BorradorError):
    """The shipped law table is malformed: a bug in Borrador, caught by its tests."""


def _period(where: str, value: Any) -> Period | None:
    if value is None:
        return None
    if not (isinstance(value, dict) and set(value) == {"days", "business"}
            and isinstance(value["days"], int) and 0 < value["days"] <= 365
            and isinstance(value["business"], bool)):  # fmt: skip
        raise LawTableError(f"laws.toml: {where}: write {{ days = N, business = true|false }}")
    return Period(value["days"], value["business"])


def _date(where: str, value: Any) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise LawTableError(f"laws.toml: {where}: write a date, e.g. 2027-01-01 (no quotes)")
    return value


def _check_row(where: str, row: dict[str, Any]) -> None:
    unknown = set(row) - ROW_KEYS
    if unknown:
        raise LawTableError(f"laws.toml: {where}: unknown keys {sorted(unknown)}")
    if not LAW_RE.fullmatch(str(row.get("law", ""))):
        raise LawTableError(f"laws.toml: {where}.law: missing or malformed")
    kinds = row.get("kinds", ())
    if not kinds or any(k not in KINDS or k == "appeal" for k in kinds):
        raise LawTableError(f"laws.toml: {where}.kinds: use some of {', '.join(KINDS[:-1])} "
                            "(appeal clocks come from `appeal`)")  # fmt: skip
    if row.get("variant", "") not in VARIANTS:
        raise LawTableError(f"laws.toml: {where}.variant: use one of {VARIANTS[1:]}")
    place = row.get("jurisdiction", "")
    if place and not JURISDICTION_RE.fullmatch(place):
        raise LawTableError(f"laws.toml: {where}.jurisdiction: US or a state code")
    if row.get("source_quality") not in SOURCE_QUALITIES:
        raise LawTableError(f"laws.toml: {where}.source_quality: use one of "
                            f"{', '.join(SOURCE_QUALITIES)}")  # fmt: skip
    cites = row.get("cites", {})
    if not isinstance(cites, dict) or set(cites) - CITE_KEYS:
        raise LawTableError(f"laws.toml: {where}.cites: keys among {sorted(CITE_KEYS)}")
    if not row.get("citation") or not row.get("source") or not row.get("complaint_to"):
        raise LawTableError(f"laws.toml: {where}: citation, source and complaint_to are required")
    if row.get("auto") is False and not row.get("auto_note"):
        raise LawTableError(f"laws.toml: {where}: say why in auto_note when auto = false")


def parse_rule(index: int, row: dict[str, Any]) -> Rule:
    where = f"rule[{index}]"
    _check_row(where, row)
    calendar = str(row.get("calendar", ""))
    try:
        if calendar != NO_CALENDAR:
            holiday_calendar(calendar)
    except CalendarTableError:
        raise LawTableError(f"laws.toml: {where}.calendar: {calendar!r} is not in "
                            "calendars.toml (or use \"none\")") from None  # fmt: skip
    periods = {key: _period(f"{where}.{key}", row.get(key)) for key in
               ("respond", "acknowledge", "extension", "appeal", "appeal_extension",
                "appeal_filing")}  # fmt: skip
    respond = periods["respond"]
    if respond is None:
        raise LawTableError(f"laws.toml: {where}.respond is required")
    counted = [p for k, p in periods.items() if p and k != "appeal_filing"]
    if calendar == NO_CALENDAR and any(p.business for p in counted):
        raise LawTableError(f"laws.toml: {where}: business days need a holiday calendar")
    effective_from = _date(f"{where}.effective_from", row.get("effective_from"))
    until = _date(f"{where}.until", row.get("until"))
    if effective_from and until and until <= effective_from:
        raise LawTableError(f"laws.toml: {where}: until must be after effective_from")
    place = row.get("jurisdiction", "")
    return Rule(
        law=row["law"], name=row["name"], kinds=tuple(row["kinds"]), citation=row["citation"],
        calendar=calendar, respond=respond, acknowledge=periods["acknowledge"],
        extension=periods["extension"], extension_note=row.get("extension_note", ""),
        appeal=periods["appeal"], appeal_note=row.get("appeal_note", ""),
        courtesy=bool(row.get("courtesy", False)), unverified=row.get("unverified", ""),
        source=row["source"], aliases=tuple(row.get("aliases", ())),
        complaint_to=row["complaint_to"], variant=row.get("variant", ""), jurisdiction=place,
        effective_from=effective_from, until=until,
        clock_from=_date(f"{where}.clock_from", row.get("clock_from")),
        clock_from_note=row.get("clock_from_note", ""), auto=bool(row.get("auto", True)),
        auto_note=row.get("auto_note", ""), roll=roll_for(place) if place else None,
        source_quality=row["source_quality"], cites=tuple(sorted(row.get("cites", {}).items())),
        appeal_extension=periods["appeal_extension"],
        appeal_citation=row.get("appeal_citation", ""), appeal_filing=periods["appeal_filing"],
        appeal_filing_note=row.get("appeal_filing_note", ""),
    )  # fmt: skip


def appeal_rule(rule: Rule) -> Rule:
    """The clock a recipient has to decide an appeal, as a rule of its own."""
    assert rule.appeal is not None
    cites = dict(rule.cites)
    appeal_cites = {
        k: v
        for k, v in (
            ("respond", cites.get("appeal", "")),
            ("appeal_filing", cites.get("appeal_filing", "")),
        )
        if v
    }
    return dataclasses.replace(
        rule, name=f"{rule.name}: appeal", kinds=("appeal",), variant="",
        citation=rule.appeal_citation or rule.citation, respond=rule.appeal, acknowledge=None,
        extension=rule.appeal_extension, extension_note=rule.appeal_note, appeal=None,
        appeal_note="", appeal_extension=None, clock_from=None, clock_from_note="",
        cites=tuple(sorted(appeal_cites.items())),
    )  # fmt: skip


class LawTable:
    def __init__(self, rules: list[Rule]) -> None:
        self.rules: list[Rule] = []
        self.by_key: dict[tuple[str, str, str], Rule] = {}
        self.aliases: dict[str, str] = {}
        for rule in rules:
            for one in (rule, appeal_rule(rule)) if rule.appeal else (rule,):
                self.rules.append(one)
                for kind in one.kinds:
                    key = (one.law, kind, one.variant)
                    if key in self.by_key:
                        raise LawTableError(f"laws.toml: {'/'.join(k for k in key if k)} "
                                            "is defined twice")  # fmt: skip
                    self.by_key[key] = one
            for alias in rule.aliases:
                if self.aliases.get(alias, rule.law) != rule.law:
                    raise LawTableError(f"laws.toml: alias {alias!r} names two laws")
                self.aliases[alias] = rule.law

    @functools.cached_property
    def laws(self) -> list[str]:
        return sorted({rule.law for rule in self.rules})

    def canonical(self, law: str) -> str:
        law = law.strip().lower()
        return self.aliases.get(law, law)

    def has(self, law: str, kind: str, variant: str = "") -> bool:
        return (self.canonical(law), kind, variant) in self.by_key

    def rows_of(self, law: str) -> list[Rule]:
        law_id = self.canonical(law)
        return [r for r in self.rules if r.law == law_id]

    def rule(self, law: str, kind: str, variant: str = "") -> Rule:
        law_id = self.canonical(law)
        if law_id not in self.laws:
            raise NotFoundError(
                f"there is no law {law!r} in the table.",
                hint="'borrador deadlines laws' lists them.",
            )
        try:
            return self.by_key[(law_id, kind, variant)]
        except KeyError:
            kinds = sorted({k for (lw, k, _v) in self.by_key if lw == law_id})
            what = f"{kind!r} requests" + (f" ({variant})" if variant else "")
            raise NotFoundError(
                f"{law_id} sets no clock for {what}.",
                hint=f"It covers: {', '.join(kinds)}.",
            ) from None


@functools.cache
def law_table() -> LawTable:
    text = (resources.files("borrador.laws") / "laws.toml").read_text("utf-8")
    rows = tomllib.loads(text).get("rule", [])
    return LawTable([parse_rule(i, row) for i, row in enumerate(rows)])
