"""Loading the law table and finding the rule for a legal basis and request kind."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any

from borrador.core.deadlines import Period, Rule
from borrador.core.errors import BorradorError, NotFoundError

KINDS = ("opt-out", "delete", "access", "disclosure", "dispute", "records", "security-freeze")
LAW_RE = re.compile(r"[a-z][a-z0-9-]{1,30}")
CALENDAR_RE = re.compile(r"US(-[A-Z]{2})?")


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


def parse_rule(index: int, row: dict[str, Any]) -> Rule:
    where = f"rule[{index}]"
    allowed = {"law", "aliases", "name", "kinds", "citation", "calendar", "acknowledge",
               "respond", "extension", "extension_note", "appeal", "appeal_note", "courtesy",
               "unverified", "source", "complaint_to"}  # fmt: skip
    unknown = set(row) - allowed
    if unknown:
        raise LawTableError(f"laws.toml: {where}: unknown keys {sorted(unknown)}")
    if not LAW_RE.fullmatch(str(row.get("law", ""))):
        raise LawTableError(f"laws.toml: {where}.law: missing or malformed")
    if not CALENDAR_RE.fullmatch(str(row.get("calendar", ""))):
        raise LawTableError(f"laws.toml: {where}.calendar: use US or US-XX")
    kinds = tuple(row.get("kinds", ()))
    if not kinds or any(k not in KINDS for k in kinds):
        raise LawTableError(f"laws.toml: {where}.kinds: use some of {', '.join(KINDS)}")
    respond = _period(f"{where}.respond", row.get("respond"))
    if respond is None or not row.get("citation") or not row.get("source"):
        raise LawTableError(f"laws.toml: {where}: respond, citation and source are required")
    return Rule(
        law=row["law"], name=row["name"], kinds=kinds, citation=row["citation"],
        calendar=row["calendar"], respond=respond,
        acknowledge=_period(f"{where}.acknowledge", row.get("acknowledge")),
        extension=_period(f"{where}.extension", row.get("extension")),
        extension_note=row.get("extension_note", ""),
        appeal=_period(f"{where}.appeal", row.get("appeal")),
        appeal_note=row.get("appeal_note", ""), courtesy=bool(row.get("courtesy", False)),
        unverified=row.get("unverified", ""), source=row["source"],
        aliases=tuple(row.get("aliases", ())),
        complaint_to=row.get("complaint_to", ""),
    )  # fmt: skip


class LawTable:
    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.by_key: dict[tuple[str, str], Rule] = {}
        self.aliases: dict[str, str] = {}
        for rule in rules:
            for kind in rule.kinds:
                if (rule.law, kind) in self.by_key:
                    raise LawTableError(f"laws.toml: {rule.law}/{kind} is defined twice")
                self.by_key[(rule.law, kind)] = rule
            for alias in rule.aliases:
                self.aliases[alias] = rule.law

    @functools.cached_property
    def laws(self) -> list[str]:
        return sorted({rule.law for rule in self.rules})

    def canonical(self, law: str) -> str:
        law = law.strip().lower()
        return self.aliases.get(law, law)

    def has(self, law: str, kind: str) -> bool:
        return (self.canonical(law), kind) in self.by_key

    def rule(self, law: str, kind: str) -> Rule:
        law_id = self.canonical(law)
        if law_id not in self.laws:
            raise NotFoundError(
                f"there is no law {law!r} in the table.",
                hint="'borrador deadlines laws' lists them.",
            )
        try:
            return self.by_key[(law_id, kind)]
        except KeyError:
            kinds = sorted(k for (lw, k) in self.by_key if lw == law_id)
            raise NotFoundError(
                f"{law_id} sets no clock for {kind!r} requests.",
                hint=f"It covers: {', '.join(kinds)}.",
            ) from None


@functools.cache
def law_table() -> LawTable:
    text = (resources.files("borrador.laws") / "laws.toml").read_text("utf-8")
    rows = tomllib.loads(text).get("rule", [])
    return LawTable([parse_rule(i, row) for i, row in enumerate(rows)])
