"""`borrador catalog check`: what in the catalog needs checking again.

Errors (exit 1): curated entries last verified more than 12 months ago (or never, or on a day
still to come), entries or channels with no source, catalog files that did not load, and links
that users reported. Warnings: imported registry entries whose registry is that old — the fix
is a newer registry file, not an edit of the catalog.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Iterable

from borrador.catalog import model
from borrador.catalog.loader import Catalog

STALE_AFTER_MONTHS = 12


@dataclasses.dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    slug: str  # the entry, or the file that did not load
    field: str  # "last_verified", "sources", "channels[2]", ...
    problem: str


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier; the month's last day when it is shorter (29 Feb ->
    28 Feb a year back)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def check_catalog(catalog: Catalog, today: dt.date, reported: Iterable[str] = ()) -> list[Finding]:
    """Everything to look at again, errors first, then by entry."""
    findings = [
        Finding("error", error.file, error.field, f"the file did not load: {error.problem}")
        for error in catalog.errors
    ]
    cutoff = months_before(today, STALE_AFTER_MONTHS)
    for entry in catalog.entries.values():
        findings += _age(entry, today, cutoff) + _unsourced(entry)
    findings += reported_links(catalog, reported)
    return sorted(findings, key=lambda f: (f.severity != "error", f.slug, f.field))


def _age(entry: model.Broker, today: dt.date, cutoff: dt.date) -> list[Finding]:
    day = entry.last_verified
    if entry.quality == "imported":
        if day is None:
            return [Finding("warning", entry.slug, "last_verified", "the registry's date is "
                            "unknown; import a dated registry file")]  # fmt: skip
        if day < cutoff:
            return [Finding("warning", entry.slug, "last_verified", f"the registry is dated "
                            f"{day}, more than {STALE_AFTER_MONTHS} months ago; import a "
                            "newer one")]  # fmt: skip
        return []
    if day is None:
        return [Finding("error", entry.slug, "last_verified", "never verified")]
    if day < cutoff:
        return [Finding("error", entry.slug, "last_verified", f"last verified on {day}, more "
                        f"than {STALE_AFTER_MONTHS} months before {today}")]  # fmt: skip
    if day > today:
        return [Finding("error", entry.slug, "last_verified", f"{day} is after today ({today})")]
    return []


def _unsourced(entry: model.Broker) -> list[Finding]:
    if entry.sources:
        return []  # a channel without its own source rests on the entry's sources
    found = [Finding("error", entry.slug, "sources", "the entry has no source")]
    found += [
        Finding("error", entry.slug, f"channels[{n}]", f"the {c.type} channel has no source")
        for n, c in enumerate(entry.channels)
        if not c.source
    ]
    return found


def _same_link(a: str, b: str) -> bool:
    def plain(url: str) -> str:
        text = url.strip().lower().removeprefix("https://").removeprefix("http://")
        return text.removeprefix("www.").rstrip("/")

    return plain(a) == plain(b)


def reported_links(catalog: Catalog, reported: Iterable[str]) -> list[Finding]:
    """Findings for what users reported as broken: an entry's slug, or a channel's link or
    email. (The hook for user reports: the caller gathers them; nothing here fetches a URL.)"""
    findings = []
    for item in dict.fromkeys(r.strip() for r in reported if r.strip()):
        if item in catalog.entries:
            findings.append(Finding("error", item, "channels", "users reported its channels"))
            continue
        hits = [
            Finding("error", entry.slug, f"channels[{n}]", f"users reported {item} as broken")
            for entry in catalog.entries.values()
            for n, c in enumerate(entry.channels)
            if (c.url and _same_link(c.url, item)) or (c.email and c.email.lower() == item.lower())
        ]
        findings += hits or [Finding("warning", item, "reported", "not in the catalog")]
    return findings
