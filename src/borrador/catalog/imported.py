"""Turning parsed registry rows into catalog entries, matched to curated ones so that a broker
the catalog already knows (LexisNexis, say) is enriched rather than listed twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from borrador.catalog import model
from borrador.catalog import registry_cells as cells
from borrador.catalog.registry import RegistryRow

REGISTRY_SOURCES = {
    "ca": "https://cppa.ca.gov/data_broker_registry/",
    "vt": "https://bizfilings.vermont.gov/online/DatabrokerInquire/",
}


class CuratedIndex:
    """Curated entries by normalised name (and brand names) and by registrable web domain."""

    def __init__(self, entries: dict[str, model.Broker]) -> None:
        self.by_name: dict[str, str] = {}
        self.by_domain: dict[str, str] = {}
        for entry in entries.values():
            if entry.kind != "broker":
                continue
            target = entry.covered_by or entry.slug
            for name in (entry.name, *entry.brands):
                self.by_name.setdefault(cells.name_key(name), target)
            for domain in entry.domains:
                self.by_domain.setdefault(cells.registrable(domain), target)

    def match(self, row: RegistryRow) -> str | None:
        for name in (row.name, row.dba):
            key = cells.name_key(name) if name else ""
            if key in self.by_name:
                return self.by_name[key]
        for domain in row.domains:
            if cells.registrable(domain) in self.by_domain:
                return self.by_domain[cells.registrable(domain)]
        return None


def row_record(row: RegistryRow, fmt: str, index: CuratedIndex, today: dt.date) -> dict[str, Any]:
    """What the store keeps for one registry row (the `data` JSON plus its keys)."""
    data = {
        "name": row.name, "dba": row.dba, "website": row.website, "domains": row.domains,
        "emails": row.emails, "phone": row.phone, "address": row.address,
        "privacy_url": row.privacy_url, "opt_out": row.opt_out, "registry_id": row.registry_id,
        "status": row.status, "flags": row.flags, "metrics": row.metrics,
        "format": fmt, "state": row.state, "seen": today.isoformat(),
    }  # fmt: skip
    return {
        "state": row.state,
        "name_key": row.key,
        "data": data,
        "fields": row.fields,
        "slug": f"reg-{row.state}-{cells.slugify(row.name)}",
        "matched_slug": index.match(row),
    }


def to_broker(slug: str, data: dict[str, Any]) -> model.Broker:
    channels = []
    if data.get("privacy_url"):
        channels.append(
            model.Channel(
                type="web", purposes=("opt-out", "delete", "access"), url=data["privacy_url"]
            )
        )
    for email in data.get("emails", [])[:1]:
        channels.append(
            model.Channel(type="email", purposes=("opt-out", "delete", "access"), email=email)
        )
    if data.get("address"):
        channels.append(
            model.Channel(
                type="mail", purposes=("opt-out", "delete", "access"), address=data["address"]
            )
        )
    state = data.get("state", "")
    flags = data.get("flags", {})
    return model.Broker(
        slug=slug,
        name=f"{data['name']} ({data['dba'].splitlines()[0]})" if data.get("dba") else data["name"],
        website=data.get("website", ""),
        domains=tuple(data.get("domains", [])),
        channels=tuple(channels),
        fcra_regulated=bool(flags.get("fcra_regulated")),
        quality="imported",
        sources=(REGISTRY_SOURCES.get(state, ""),),
        last_verified=dt.date.fromisoformat(data["seen"]) if data.get("seen") else None,
        notes=_notes(data),
        registry_flags=tuple(sorted(flags.items())),
        registry_ids=((state, data.get("registry_id") or data["name"]),),
    )


def _notes(data: dict[str, Any]) -> str:
    status = data.get("status", "")
    lines = [f"Registry status: {status}."] if status and status.lower() != "active" else []
    if data.get("opt_out"):
        lines.append(data["opt_out"])
    return "\n".join(lines)
