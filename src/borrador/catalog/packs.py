"""Packs: named sets of recipients that one action selects. Their rules are data (packs.toml)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from borrador.catalog import model
from borrador.catalog.schema import SLUG_RE, CatalogError, _Reader

PACK_KEYS = {"title", "description", "slugs", "categories", "gov_links", "reported_links", "flags"}


@dataclasses.dataclass(frozen=True)
class Pack:
    id: str
    title: str
    description: str
    slugs: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    gov_links: tuple[str, ...] = ()  # documented links (contracts, reporting), by kind
    reported_links: tuple[str, ...] = ()  # links resting on the company's own registry answer
    flags: tuple[str, ...] = ()

    def includes(self, entry: model.Broker) -> bool:
        if entry.slug in self.slugs:
            return True
        # Records targets have no consumer route: one letter to them would fail the whole pack.
        if entry.status != "active" or entry.kind != "broker" or entry.records_target:
            return False
        return (
            any(c in self.categories for c in entry.categories)
            or any(
                link.kind in (self.reported_links if link.self_reported else self.gov_links)
                for link in entry.gov_links
            )
            or any(entry.registry_answer(f) for f in self.flags)
        )

    def members(self, entries: Iterable[model.Broker]) -> list[model.Broker]:
        return [e for e in entries if self.includes(e)]


def parse_packs(file: str, data: Mapping[str, Any]) -> dict[str, Pack]:
    packs = {}
    for pack_id, table in data.items():
        if not SLUG_RE.fullmatch(pack_id):
            raise CatalogError(file, pack_id, "a pack id must be a slug")
        r = _Reader(file, pack_id, table, PACK_KEYS)
        packs[pack_id] = Pack(
            id=pack_id,
            title=r.text("title", required=True),
            description=r.text("description"),
            slugs=r.texts("slugs", pattern=SLUG_RE),
            categories=r.texts("categories", choices=model.CATEGORIES),
            gov_links=r.texts("gov_links", choices=model.GOV_LINK_KINDS),
            reported_links=r.texts("reported_links", choices=model.GOV_LINK_KINDS),
            flags=r.texts("flags", choices=tuple(model.REGISTRY_FLAGS)),
        )
    return packs
