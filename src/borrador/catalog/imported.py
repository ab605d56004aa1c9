"""Registry rows as catalog entries: what the store keeps for a row, the entry it becomes, and
how rows enrich the curated entries they match (every Yes counts, and who said it is kept)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from borrador.catalog import model
from borrador.catalog import registry_cells as cells
from borrador.catalog.matching import CuratedIndex
from borrador.catalog.registry import RegistryRow

REGISTRY_SOURCES = {
    "ca": "https://cppa.ca.gov/data_broker_registry/",
    "vt": "https://bizfilings.vermont.gov/online/DatabrokerInquire/",
}
FORMAT_SOURCES = {"ca-ag-2020-2023": "https://oag.ca.gov/data-brokers"}  # the AG's years
REQUESTS = ("opt-out", "delete", "access")

# What a registry's status word makes of an entry (anything else stays active, word shown).
_STATUS_WORDS = (
    ("expired", "expired"),
    ("cancel", "cancelled"),
    ("withdrawn", "inactive"),
    ("terminated", "inactive"),
    ("revoked", "inactive"),
    ("dissolved", "inactive"),
    ("suspended", "inactive"),
    ("inactive", "inactive"),
)


def entry_status(registry_status: str) -> str:
    """'EXPIRED' -> expired, 'Cancelled' -> cancelled, 'ACTIVE' or nothing -> active."""
    text = registry_status.strip().lower()
    return next((status for word, status in _STATUS_WORDS if word in text), "active")


def row_record(row: RegistryRow, fmt: str, index: CuratedIndex) -> dict[str, Any]:
    """What the store keeps for one registry row: `data` (what was read from it), `values`
    (every cell, in the file's column order) and the curated entries it matched."""
    data = {
        "name": row.name, "dba": row.dba, "website": row.website, "domains": row.domains,
        "emails": row.emails, "phone": row.phone, "address": row.address,
        "privacy_url": row.privacy_url, "opt_out": row.opt_out, "opt_out_urls": row.opt_out_urls,
        "registry_id": row.registry_id, "status": row.status, "dated": row.dated,
        "flags": row.flags, "metrics": row.metrics, "format": fmt, "state": row.state,
    }  # fmt: skip
    return {
        "state": row.state,
        "name_key": row.key,
        "data": data,
        "values": row.values,
        "slug": f"reg-{row.state}-{row.key.replace(' ', '-')[:48].strip('-') or 'unnamed'}",
        "matched": index.match(row),
    }


def listing(data: dict[str, Any]) -> model.Listing:
    flags = data.get("flags", {})
    return model.Listing(
        state=data.get("state", ""),
        format=data.get("format", ""),
        registrant=data["name"],
        registry_id=data.get("registry_id", ""),
        dated=data.get("dated", ""),
        status=data.get("status", ""),
        yes=tuple(sorted(f for f, answer in flags.items() if answer)),
        no=tuple(sorted(f for f, answer in flags.items() if not answer)),
    )


def dated_day(dated: str) -> dt.date | None:
    """The registry's date as a day; a bare year counts from its first day (never later)."""
    try:
        return dt.date.fromisoformat(dated) if len(dated) == 10 else dt.date(int(dated), 1, 1)
    except ValueError:
        return None


def _channels(data: dict[str, Any]) -> list[model.Channel]:
    note = "As the broker gave it to the state registry."
    channels = []
    links = [data["privacy_url"]] if data.get("privacy_url") else []
    links += [u for u in data.get("opt_out_urls", []) if u not in links]
    for n, url in enumerate(links[:3]):
        purposes = REQUESTS if n == 0 and data.get("privacy_url") else ("opt-out",)
        channels.append(model.Channel(type="web", purposes=purposes, url=url, note=note))
    for email in data.get("emails", [])[:1]:
        channels.append(model.Channel(type="email", purposes=REQUESTS, email=email, note=note))
    if data.get("phone"):
        channels.append(
            model.Channel(type="phone", purposes=REQUESTS, phone=data["phone"], note=note)
        )
    if data.get("address"):
        channels.append(
            model.Channel(type="mail", purposes=REQUESTS, address=data["address"], note=note)
        )
    return channels


def to_broker(slug: str, data: dict[str, Any]) -> model.Broker:
    """The entry an unmatched registry row becomes."""
    state, flags = data.get("state", ""), data.get("flags", {})
    source = FORMAT_SOURCES.get(data.get("format", "")) or REGISTRY_SOURCES.get(state, "")
    return model.Broker(
        slug=slug,
        name=cells.display_name(data["name"], data.get("dba", "")),
        website=data.get("website", ""),
        domains=tuple(data.get("domains", [])),
        channels=tuple(_channels(data)),
        fcra_regulated=bool(flags.get("fcra_regulated")),
        quality="imported",
        sources=(source,) if source else (),
        last_verified=dated_day(data.get("dated", "")),
        status=entry_status(data.get("status", "")),
        notes=_notes(data),
        registry_flags=tuple(sorted(flags.items())),
        registry_ids=((state, data.get("registry_id") or data["name"]),),
        listings=(listing(data),),
    )


def _notes(data: dict[str, Any]) -> str:
    status = data.get("status", "")  # a word that did not change the entry's status
    unusual = status and status.lower() != "active" and entry_status(status) == "active"
    lines = [f"Registry status: {status}."] if unusual else []
    if data.get("opt_out"):
        lines.append(data["opt_out"])
    return "\n".join(lines)


def enrich(entry: model.Broker, rows: Iterable[model.Broker]) -> model.Broker:
    """`entry` with the registry rows that matched it: a flag is Yes when any row said Yes
    (a parent's subsidiaries answer separately), No when rows answered and none said Yes."""
    listings = (*entry.listings, *(listing for row in rows for listing in row.listings))
    answers: dict[str, bool] = dict(entry.registry_flags)
    for item in listings:
        for flag in item.no:
            answers.setdefault(flag, False)
        for flag in item.yes:
            answers[flag] = True
    ids = (*entry.registry_ids, *((i.state, i.registry_id or i.registrant) for i in listings))
    return dataclasses.replace(
        entry,
        listings=listings,
        registry_flags=tuple(sorted(answers.items())),
        registry_ids=tuple(dict.fromkeys(ids)),
    )
