"""Registry rows as catalog entries: what the store keeps for a row, the entry it becomes, and
how rows enrich the curated entries they match (every Yes counts, and who said it is kept)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from borrador.catalog import model
from borrador.catalog import registry_cells as cells
from borrador.catalog import registry_columns as columns
from borrador.catalog.matching import CuratedIndex
from borrador.catalog.model import build
from borrador.catalog.registry import RegistryRow

if TYPE_CHECKING:
    from borrador.catalog.loader import Catalog

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


# What was read from a row, in the order it is stored: flat text, lists space-separated, the
# fields joined by registry_cells.CELLS after a version mark (quicker to write and read back
# than JSON, and safe: no cell holds a CELLS character). The first importer wrote JSON.
DATA_FIELDS = ("name", "dba", "website", "domains", "emails", "phone", "address", "privacy_url",
               "opt_out", "opt_out_urls", "registry_id", "status", "dated", "yes", "no",
               "format", "state")  # fmt: skip
DATA_VERSION = "2"


def encode_data(data: dict[str, str]) -> str:
    return cells.CELLS.join((DATA_VERSION, *(data[f] for f in DATA_FIELDS)))


def decode_data(text: str) -> dict[str, Any]:
    if text.startswith("{"):
        found = json.loads(text)
        return found if isinstance(found, dict) else {}
    _version, *values = text.split(cells.CELLS)
    return dict(zip(DATA_FIELDS, values, strict=False))


def row_record(row: RegistryRow, fmt: str, index: CuratedIndex) -> dict[str, Any]:
    """What the store keeps for one registry row: `data` (what was read from it) and its
    stored `text`, `values` (every cell, joined by registry_cells.CELLS, in the file's column
    order) and the curated entries it matched."""
    data = {
        "name": row.name, "dba": row.dba, "website": row.website,
        "domains": " ".join(row.domains), "emails": " ".join(row.emails), "phone": row.phone,
        "address": row.address, "privacy_url": row.privacy_url, "opt_out": row.opt_out,
        "opt_out_urls": " ".join(row.opt_out_urls), "registry_id": row.registry_id,
        "status": row.status, "dated": row.dated, "yes": row.yes, "no": row.no,
        "format": fmt, "state": row.state,
    }  # fmt: skip
    return {
        "state": row.state,
        "name_key": row.key,
        "data": data,
        "text": encode_data(data),
        "values": row.cells,
        "slug": f"reg-{row.state}-{row.key.replace(' ', '-')[:48].strip('-') or 'unnamed'}",
        "matched": index.match(row),
    }


def _items(data: dict[str, Any], key: str) -> list[str]:
    """A list kept as space-separated text (rows of the first importer keep JSON lists)."""
    value = data.get(key)
    if not value:
        return []
    return value.split() if isinstance(value, str) else [str(v) for v in value]


def _answers(data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(flags answered Yes, flags answered No)."""
    if "yes" in data or "no" in data:
        return _items(data, "yes"), _items(data, "no")
    flags = data.get("flags", {})  # the first importer's {flag: answer}
    return [f for f, a in flags.items() if a], [f for f, a in flags.items() if not a]


def listing(data: dict[str, Any]) -> model.Listing:
    yes, no = _answers(data)
    return build(
        model.Listing,
        state=data.get("state", ""),
        format=data.get("format", ""),
        registrant=data["name"],
        registry_id=data.get("registry_id", ""),
        dated=data.get("dated", ""),
        status=data.get("status", ""),
        yes=tuple(yes),
        no=tuple(no),
    )


def registry_columns(fields: str, headers: list[str] | None) -> dict[str, str]:
    """A stored row's own columns: its cells named by the layout's headers (or, for rows
    stored before layouts existed, the {column: value} object they kept)."""
    if headers is None:
        found = json.loads(fields)
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}
    values = fields.split(cells.CELLS)
    return {h: v for h, v in zip(headers, values, strict=False) if h and v}


def request_metrics(fields: str, headers: list[str] | None) -> dict[str, float]:
    """Last year's request counts and days a stored row reported ('delete.received': 12.0)."""
    named = registry_columns(fields, headers)
    keys = {h: columns.metric_key(cells.normalise_header(h)) for h in named}
    found = {k: cells.number(named[h]) for h, k in keys.items() if k}
    return {k: v for k, v in found.items() if v is not None}


def dated_day(dated: str) -> dt.date | None:
    """The registry's date as a day; a bare year counts from its first day (never later)."""
    try:
        return dt.date.fromisoformat(dated) if len(dated) == 10 else dt.date(int(dated), 1, 1)
    except ValueError:
        return None


NOTE = "As the broker gave it to the state registry."
OPT_OUT = ("opt-out",)


def _channels(data: dict[str, Any]) -> list[model.Channel]:
    """Web (the rights page, then opt-out links), email, phone and mail, as registered."""
    found, privacy = [], data.get("privacy_url", "")
    if privacy:
        found.append(build(model.Channel, type="web", purposes=REQUESTS, url=privacy, note=NOTE))
    for url in _items(data, "opt_out_urls"):
        if url != privacy and len(found) < 3:
            found.append(build(model.Channel, type="web", purposes=OPT_OUT, url=url, note=NOTE))
    emails = _items(data, "emails")
    if emails:
        found.append(
            build(model.Channel, type="email", purposes=REQUESTS, email=emails[0], note=NOTE)
        )
    if data.get("phone"):
        found.append(
            build(model.Channel, type="phone", purposes=REQUESTS, phone=data["phone"], note=NOTE)
        )
    if data.get("address"):
        found.append(
            build(model.Channel, type="mail", purposes=REQUESTS, address=data["address"], note=NOTE)
        )
    return found


def to_broker(slug: str, data: dict[str, Any]) -> model.Broker:
    """The entry an unmatched registry row becomes."""
    state, own = data.get("state", ""), listing(data)
    source = FORMAT_SOURCES.get(own.format) or REGISTRY_SOURCES.get(state, "")
    flags = dict.fromkeys(own.no, False)
    flags.update(dict.fromkeys(own.yes, True))
    return build(
        model.Broker,
        slug=slug,
        name=cells.display_name(data["name"], data.get("dba", "")),
        website=data.get("website", ""),
        domains=tuple(_items(data, "domains")),
        channels=tuple(_channels(data)),
        fcra_regulated=flags.get("fcra_regulated", False),
        quality="imported",
        sources=(source,) if source else (),
        last_verified=dated_day(data.get("dated", "")),
        status=entry_status(data.get("status", "")),
        notes=_notes(data),
        registry_flags=tuple(flags.items()),
        registry_ids=((state, own.registry_id or own.registrant),),
        listings=(own,),
    )


def _notes(data: dict[str, Any]) -> str:
    status = data.get("status", "")  # a word that did not change the entry's status
    unusual = status and status.lower() != "active" and entry_status(status) == "active"
    lines = [f"Registry status: {status}."] if unusual else []
    if data.get("opt_out"):
        lines.append(data["opt_out"])
    return "\n".join(lines)


def enrich(entry: model.Broker, listings: Iterable[model.Listing]) -> model.Broker:
    """`entry` with the registry rows that matched it: a flag is Yes when any row said Yes
    (a parent's subsidiaries answer separately), No when rows answered and none said Yes."""
    listings = (*entry.listings, *listings)
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


def join_registry(curated: Catalog, rows: Iterable[tuple[str, Sequence[str], str]]) -> Catalog:
    """The curated catalog with the stored registry rows (slug, matched slugs, data): a row
    matched to curated entries enriches each of them, any other becomes an entry of its own
    (also when the entries it matched have left the catalog since)."""
    entries = dict(curated.entries)
    extra: dict[str, list[model.Listing]] = {}
    registries = set(curated.registries)
    for slug, matched, text in rows:
        data = decode_data(text)
        targets = [t for t in matched if t in curated.entries]
        if targets:
            item = listing(data)
            for target in targets:
                extra.setdefault(target, []).append(item)
        elif slug not in entries:
            entries[slug] = to_broker(slug, data)
            item = entries[slug].listings[0]
        else:
            continue
        registries.add((item.state, item.format))
    for target, items in extra.items():
        entries[target] = enrich(entries[target], items)
    return dataclasses.replace(curated, entries=entries, registries=frozenset(registries))
