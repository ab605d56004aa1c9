"""Validation of one catalog file: every problem names the file, the field and what is wrong."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from borrador.catalog import model
from borrador.core.errors import BorradorError
from borrador.core.text import clean_text

SLUG_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
JURISDICTION_RE = re.compile(r"federal|state|state:[A-Z]{2}")
LAW_RE = re.compile(r"privacy-[a-z]{2}|records-[a-z]{2}|fcra|foia|policy|delete-act")
URL_RE = re.compile(r"https?://[^\s/$.?#][^\s]*")
DOMAIN_RE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")

TOP_KEYS = {"name", "kind", "parent", "covered_by", "brands", "agency_products", "categories",
            "website", "domains", "gov_links", "channels", "honours", "fcra_regulated", "cra_type",
            "records_target", "jurisdiction",
            "processing_days", "relist_days", "warnings", "unverified", "sources",
            "last_verified", "quality", "status", "status_date", "notes", "registries",
            "search_url"}  # fmt: skip
CHANNEL_KEYS = {"type", "purposes", "url", "email", "address", "phone", "steps", "requires",
                "note", "unverified", "source"}  # fmt: skip
LINK_KEYS = {"kind", "summary", "source", "unverified", "self_reported"}


class CatalogError(BorradorError):
    def __init__(self, file: str, field: str, problem: str) -> None:
        super().__init__(f"{file}: {field}: {problem}")
        self.file, self.field, self.problem = file, field, problem


class _Reader:
    """Typed access to one table of the file, raising CatalogError on the first problem."""

    def __init__(self, file: str, prefix: str, table: object, allowed: set[str]) -> None:
        self.file, self.prefix = file, prefix
        if not isinstance(table, Mapping):
            self.fail("", "must be a table")
        self.table: Mapping[str, Any] = table  # type: ignore[assignment]
        unknown = sorted(str(k) for k in self.table if k not in allowed)
        if unknown:
            self.fail(unknown[0], f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def fail(self, key: str, problem: str) -> None:
        field = f"{self.prefix}.{key}" if self.prefix and key else (self.prefix or key)
        raise CatalogError(self.file, field, problem)

    def text(self, key: str, *, required: bool = False, max_len: int = 500) -> str:
        try:
            return clean_text(
                key, self.table.get(key), max_len=max_len, required=required, multiline=True
            )
        except BorradorError as exc:
            self.fail(key, str(exc).split(": ", 1)[-1])
            raise

    def texts(
        self,
        key: str,
        *,
        choices: tuple[str, ...] | None = None,
        pattern: re.Pattern[str] | None = None,
        max_len: int = 500,
    ) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list):
            self.fail(key, "must be a list")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{key}[{i}]", "must be non-empty text")
            item = item.strip()
            if len(item) > max_len:
                self.fail(f"{key}[{i}]", f"is longer than {max_len} characters")
            if choices is not None and item not in choices:
                self.fail(f"{key}[{i}]", f"{item!r} is not one of: {', '.join(choices)}")
            if pattern is not None and not pattern.fullmatch(item):
                self.fail(f"{key}[{i}]", f"{item!r} is not in the expected form")
            out.append(item)
        return tuple(out)

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.table.get(key, default)
        if value not in choices:
            self.fail(key, f"{value!r} is not one of: {', '.join(choices)}")
        return str(value)

    def flag(self, key: str) -> bool:
        value = self.table.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
        return bool(value)

    def days(self, key: str) -> int | None:
        value = self.table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 3650:
            self.fail(key, "must be a whole number of days between 1 and 3650")
        return int(value)

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self.table.get(key)
        if value is None and not required:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.fail(key, "must be a date written as YYYY-MM-DD (no quotes)")
        return value

    def url(self, key: str, *, required: bool = False) -> str:
        value = self.text(key, required=required)
        if value and not URL_RE.fullmatch(value):
            self.fail(key, f"{value!r} is not a web address starting with https://")
        return value


def _search_url(r: _Reader) -> str:
    """A people-search site's search address with {first}, {last}, {state} where the person's
    name and state go (lowercase, URL-quoted when filled in)."""
    value = r.url("search_url")
    if value:
        if not value.startswith("https://"):
            r.fail("search_url", "must start with https://")
        unknown = set(re.findall(r"{([^}]*)}", value)) - set(model.SEARCH_FIELDS)
        if unknown or "{last}" not in value:
            r.fail(
                "search_url",
                f"use only {', '.join('{' + f + '}' for f in model.SEARCH_FIELDS)}"
                " (at least {last})",
            )
    return value


def _channel(file: str, index: int, table: object) -> model.Channel:
    r = _Reader(file, f"channels[{index}]", table, CHANNEL_KEYS)
    kind = r.choice("type", model.CHANNEL_TYPES, "")
    channel = model.Channel(
        type=kind,
        purposes=r.texts("purposes", choices=model.PURPOSES),
        url=r.url("url"),
        email=r.text("email"),
        address=r.text("address"),
        phone=r.text("phone", max_len=40),
        steps=r.texts("steps"),
        requires=r.texts("requires", choices=tuple(model.REQUIREMENTS)),
        note=r.text("note"),
        unverified=r.flag("unverified"),
        source=r.url("source"),
    )
    needed = {"web": "url", "email": "email", "mail": "address", "phone": "phone", "fax": "phone"}
    if not getattr(channel, needed[kind]):
        r.fail(needed[kind], f"a {kind} channel needs its {needed[kind]}")
    if channel.email and not EMAIL_RE.fullmatch(channel.email):
        r.fail("email", f"{channel.email!r} is not an email address")
    if not channel.purposes:
        r.fail("purposes", "list at least one thing this channel is for")
    return channel


def _link(file: str, index: int, table: object) -> model.GovLink:
    r = _Reader(file, f"gov_links[{index}]", table, LINK_KEYS)
    return model.GovLink(
        kind=r.choice("kind", model.GOV_LINK_KINDS, ""),
        summary=r.text("summary", required=True),
        source=r.url("source", required=True),
        unverified=r.flag("unverified"),
        self_reported=r.flag("self_reported"),
    )


def _honours(r: _Reader) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = r.table.get("honours", {})
    sub = _Reader(r.file, "honours", table, set(model.PURPOSES))
    return tuple((kind, sub.texts(kind, pattern=LAW_RE)) for kind in sub.table)


def _registries(r: _Reader) -> tuple[tuple[str, bool], ...]:
    """[registries] california = true / false / "unknown" ("unknown" means the same as no key)."""
    sub = _Reader(r.file, "registries", r.table.get("registries", {}), set(model.REGISTRIES))
    out = []
    for name, value in sub.table.items():
        if value == "unknown":
            continue
        if not isinstance(value, bool):
            sub.fail(name, 'must be true, false or "unknown"')
        out.append((str(name), bool(value)))
    return tuple(out)


def _jurisdiction(r: _Reader) -> str:
    value = r.text("jurisdiction", max_len=10)
    if value and not JURISDICTION_RE.fullmatch(value):
        r.fail("jurisdiction", 'write "federal", "state:XX" (a state code) or "state" '
               "(a generic entry: the state is given with each letter)")
    if value and r.table.get("kind") != "agency":
        r.fail("jurisdiction", "only agencies have one")
    return value


def parse_entry(file: str, slug: str, data: Mapping[str, Any]) -> model.Broker:
    """A validated catalog entry; `slug` is the file name without `.toml`."""
    if not SLUG_RE.fullmatch(slug):
        raise CatalogError(file, "file name", "must be a slug: lowercase letters, digits, '-'")
    r = _Reader(file, "", data, TOP_KEYS)
    lists = {key: data.get(key, []) for key in ("channels", "gov_links")}
    for key, value in lists.items():
        if not isinstance(value, list):
            r.fail(key, "must be a list of tables ([[...]])")
    entry = model.Broker(
        slug=slug,
        name=r.text("name", required=True, max_len=200),
        kind=r.choice("kind", model.KINDS, "broker"),
        parent=r.text("parent", max_len=200),
        covered_by=r.text("covered_by", max_len=64),
        brands=r.texts("brands", max_len=200),
        agency_products=r.texts("agency_products", max_len=200),
        categories=r.texts("categories", choices=model.CATEGORIES),
        website=r.url("website"),
        domains=r.texts("domains", pattern=DOMAIN_RE),
        gov_links=tuple(_link(file, i, t) for i, t in enumerate(lists["gov_links"])),
        channels=tuple(_channel(file, i, t) for i, t in enumerate(lists["channels"])),
        honours=_honours(r),
        jurisdiction=_jurisdiction(r),
        fcra_regulated=r.flag("fcra_regulated"),
        cra_type=r.choice("cra_type", model.CRA_TYPES, ""),
        records_target=r.flag("records_target"),
        processing_days=r.days("processing_days"),
        relist_days=r.days("relist_days"),
        warnings=r.texts("warnings"),
        unverified=r.texts("unverified"),
        sources=r.texts("sources", pattern=URL_RE),
        last_verified=r.date("last_verified", required=True),
        quality=r.choice("quality", ("verified", "unverified"), "unverified"),
        status=r.choice("status", model.STATUSES, "active"),
        status_date=r.date("status_date"),
        notes=r.text("notes", max_len=2000),
        registries=_registries(r),
        search_url=_search_url(r),
    )
    if not entry.sources:
        r.fail("sources", "every entry needs at least one source URL")
    if entry.status == "exited" and entry.status_date is None:
        r.fail("status_date", "an exited entry needs the date it stopped operating")
    if entry.covered_by and entry.covered_by == slug:
        r.fail("covered_by", "an entry cannot be covered by itself")
    if not entry.categories:
        r.fail("categories", "list at least one category")
    if entry.cra_type and not entry.fcra_regulated:
        r.fail(
            "cra_type",
            "only an FCRA consumer reporting agency has a CRA type: "
            "set fcra_regulated = true or remove cra_type",
        )
    if entry.records_target and (entry.channels or not entry.gov_links):
        r.fail(
            "records_target",
            "a records target has no consumer channels and at least one "
            "government link (the contract an agency's records would cover)",
        )
    return entry
