"""How the CLI shows catalog entries: stable JSON keys and readable text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from borrador.services.catalog import model

if TYPE_CHECKING:
    from borrador.services.catalog import Catalog

FILTER_FLAGS = ("sold_to_federal_government", "sold_to_law_enforcement",
                "collects_immigration_status", "fcra_regulated")  # fmt: skip
BADGES = {"sold_to_federal_government": "FED", "sold_to_law_enforcement": "POLICE",
          "collects_immigration_status": "IMMIGRATION", "fcra_regulated": "FCRA"}  # fmt: skip


def broker_json(entry: model.Broker, catalog: Catalog, *, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "slug": entry.slug,
        "name": entry.name,
        "kind": entry.kind,
        "parent": entry.parent,
        "covers": [b.name for b in catalog.covered_brands(entry.slug)],
        "brands": list(entry.brands),
        "agency_products": list(entry.agency_products),
        "categories": list(entry.categories),
        "website": entry.website,
        "domains": list(entry.domains),
        "ice_supplier": entry.ice_supplier,
        "flags": {flag: entry.flag(flag) for flag in model.REGISTRY_FLAGS},
        "quality": entry.quality,
        "status": entry.status,
        "status_date": entry.status_date.isoformat() if entry.status_date else None,
        "last_verified": entry.last_verified.isoformat() if entry.last_verified else None,
    }
    if full:
        out |= {
            "gov_links": [
                {"kind": g.kind, "summary": g.summary, "source": g.source,
                 "unverified": g.unverified, "self_reported": g.self_reported}
                for g in entry.gov_links
            ],
            "channels": [
                {"type": c.type, "purposes": list(c.purposes), "url": c.url, "email": c.email,
                 "address": c.address, "phone": c.phone, "steps": list(c.steps),
                 "requires": list(c.requires), "note": c.note, "unverified": c.unverified}
                for c in entry.channels
            ],
            "honours": {kind: list(laws) for kind, laws in entry.honours},
            "fcra_regulated": entry.fcra_regulated,
            "cra_type": entry.cra_type,
            "records_target": entry.records_target,
            "processing_days": entry.processing_days,
            "relist_days": entry.relist_days,
            "warnings": entry.requirement_warnings(),
            "unverified": list(entry.unverified),
            "sources": list(entry.sources),
            "notes": entry.notes,
            "registries": dict(entry.registries),
            "registry_ids": dict(entry.registry_ids),
            "registry_fields": dict(entry.registry_fields),
        }  # fmt: skip
    return out


def broker_line(entry: model.Broker) -> str:
    badges = (["ICE"] if entry.ice_supplier else []) + [
        BADGES[f] for f in FILTER_FLAGS if entry.flag(f)
    ]
    tail = f"  [{' '.join(badges)}]" if badges else ""
    mark = {"exited": f"  (exited {entry.status_date})", "inactive": "  (inactive)"}.get(
        entry.status, ""
    )
    return f"{entry.slug:<28} {entry.name}{tail}{mark}"


def broker_text(entry: model.Broker, catalog: Catalog) -> str:
    lines = [
        f"{entry.name}  ({entry.slug}, {entry.kind}; {entry.quality}, checked "
        f"{entry.last_verified or 'never'})"
    ]
    if entry.status == "exited":
        lines.append(f"  STOPPED OPERATING on {entry.status_date}.")
    elif entry.status == "inactive":
        lines.append("  INACTIVE: no longer registered, or no sign that it still operates.")
    if entry.parent:
        lines.append(f"  Parent: {entry.parent}")
    covers = catalog.covered_brands(entry.slug)
    if covers:
        lines.append(f"  One request also covers: {', '.join(b.name for b in covers)}")
    if entry.covered_by:
        lines.append(f"  Covered by: {entry.covered_by} (send requests there)")
    if entry.agency_products:
        lines.append(f"  Sold to agencies as: {', '.join(entry.agency_products)}")
    for link in entry.gov_links:
        mark = " [unverified]" if link.unverified else ""
        lines.append(f"  Government link ({link.kind}){mark}: {link.summary} — {link.source}")
    flags = [model.REGISTRY_FLAGS[f] for f in model.REGISTRY_FLAGS if entry.flag(f)]
    if flags:
        lines.append(f"  Flags: {'; '.join(flags)}")
    if entry.registries:
        reach = (f"{name} {'' if yes else 'not '}registered" for name, yes in entry.registries)
        lines.append(f"  State registries: {'; '.join(reach)}")
    if entry.notes:
        lines.append(f"  {entry.notes}")
    for warning in entry.requirement_warnings():
        lines.append(f"  WARNING: {warning}")
    for n, c in enumerate(entry.channels, 1):
        where = c.url or c.email or c.phone or c.address.replace("\n", ", ")
        mark = " [unverified]" if c.unverified else ""
        lines.append(f"  {n}. {c.type} ({', '.join(c.purposes)}){mark}: {where}")
        if c.requires:
            lines.append(f"     needs: {', '.join(model.REQUIREMENTS[r] for r in c.requires)}")
        lines.extend(f"     - {step}" for step in c.steps)
        if c.note:
            lines.append(f"     {c.note}")
    for statement in entry.unverified:
        lines.append(f"  Unverified: {statement}")
    lines.append("  Sources: " + ", ".join(entry.sources))
    return "\n".join(lines)
