"""Loading the catalog: every curated file validated on its own, so one bad file never hides
the rest; then cross-file links (covered_by, packs) are checked."""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from borrador.catalog import model
from borrador.catalog.packs import Pack, parse_packs

if TYPE_CHECKING:
    from borrador.catalog.matching import Distinct
from borrador.catalog.schema import CatalogError, parse_entry
from borrador.core.errors import N_, NotFoundError


@dataclasses.dataclass
class Catalog:
    entries: dict[str, model.Broker]
    packs: dict[str, Pack]
    errors: list[CatalogError]
    registries: frozenset[tuple[str, str]] = frozenset()  # (state, format) imported
    # registrant/entry pairs never merged on import (registry_matching.toml)
    distinct: tuple[Distinct, ...] = ()

    def get(self, slug: str) -> model.Broker:
        try:
            return self.entries[slug]
        except KeyError:
            from borrador.catalog.search import suggest

            guess = suggest(self, slug)
            raise NotFoundError(
                N_("there is no broker or agency {slug!r} in the catalog."),
                hint=N_("Did you mean {guess}? 'borrador brokers list --search NAME' finds slugs.")
                if guess
                else N_("'borrador brokers list --search NAME' finds slugs."),
                slug=slug,
                guess=guess,
            ) from None

    def covering(self, slug: str) -> model.Broker:
        """The entry whose opt-out handles `slug` (itself unless another covers it)."""
        entry = self.get(slug)
        seen = {slug}
        while entry.covered_by and entry.covered_by in self.entries:
            entry = self.entries[entry.covered_by]
            if entry.slug in seen:
                break
            seen.add(entry.slug)
        return entry

    def covered_brands(self, slug: str) -> list[model.Broker]:
        return sorted(
            (e for e in self.entries.values() if e.covered_by == slug),
            key=lambda e: e.name.casefold(),
        )

    def listed(self) -> list[model.Broker]:
        """Entries shown in lists: brands covered by another entry fold into it."""
        return [e for e in self.entries.values() if not e.covered_by]

    def pack(self, pack_id: str) -> Pack:
        if pack_id not in self.packs:
            raise NotFoundError(
                N_("there is no pack {pack_id!r}."),
                hint=N_("Packs: {packs}."),
                pack_id=pack_id,
                packs=", ".join(sorted(self.packs)),
            )
        return self.packs[pack_id]

    def pack_members(self, pack_id: str) -> list[model.Broker]:
        members = self.pack(pack_id).members(self.entries.values())
        return list({self.covering(m.slug).slug: self.covering(m.slug) for m in members}.values())

    def registry_reach(self, entry: model.Broker, state: str) -> bool | None:
        """Whether `state`'s registry lists `entry`: None when no registry of that state was
        imported, so an absence means nothing yet."""
        if not any(s == state for s, _ in self.registries):
            return None
        return entry.in_registry(state)

    def drop_reach(self, entry: model.Broker) -> bool | None:
        """Whether California's DROP reaches `entry` (it is in a Delete Act registry); None
        when no such registry (CPPA, 2024 on) was imported."""
        if not any(f.startswith(model.DELETE_ACT_FORMAT_PREFIX) for _, f in self.registries):
            return None
        return entry.drop_reaches


def data_folder() -> Traversable:
    return resources.files("borrador.catalog") / "data"


def load_entries(folder: Traversable) -> tuple[dict[str, model.Broker], list[CatalogError]]:
    entries: dict[str, model.Broker] = {}
    errors: list[CatalogError] = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if not item.name.endswith(".toml"):
            continue
        try:
            data = tomllib.loads(item.read_bytes().decode("utf-8"))
            entry = parse_entry(item.name, item.name.removesuffix(".toml"), data)
        except CatalogError as exc:
            errors.append(exc)
            continue
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            errors.append(CatalogError(item.name, "syntax", str(exc)))
            continue
        entries[entry.slug] = entry
    for entry in list(entries.values()):
        if entry.covered_by and entry.covered_by not in entries:
            errors.append(
                CatalogError(
                    f"{entry.slug}.toml", "covered_by", f"no catalog entry {entry.covered_by!r}"
                )
            )
            del entries[entry.slug]
    return entries, errors


def load_packs(entries: dict[str, model.Broker]) -> tuple[dict[str, Pack], list[CatalogError]]:
    source = resources.files("borrador.catalog") / "packs.toml"
    try:
        packs = parse_packs("packs.toml", tomllib.loads(source.read_text("utf-8")))
    except CatalogError as exc:
        return {}, [exc]
    errors = [
        CatalogError("packs.toml", f"{p.id}.slugs", f"no catalog entry {s!r}")
        for p in packs.values()
        for s in p.slugs
        if s not in entries
    ]
    return packs, errors


def load_distinct_pairs() -> tuple[tuple[Distinct, ...], list[CatalogError]]:
    from borrador.catalog.matching import load_distinct

    try:
        return tuple(load_distinct()), []
    except CatalogError as exc:
        return (), [exc]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return (), [CatalogError("registry_matching.toml", "syntax", str(exc))]


def _read_curated(folder: Traversable) -> Catalog:
    entries, errors = load_entries(folder)
    packs, pack_errors = load_packs(entries)
    distinct, distinct_errors = load_distinct_pairs()
    return Catalog(entries, packs, errors + pack_errors + distinct_errors, distinct=distinct)


@functools.cache
def _shipped_curated() -> Catalog:
    """The packaged catalog, read once: package data does not change while the program runs."""
    return _read_curated(data_folder())


def load_curated(folder: Traversable | None = None) -> Catalog:
    """The curated catalog from `folder`, or the packaged one. The entries themselves are
    frozen; the containers are fresh each time, so a caller may change its own copy."""
    if folder is not None:
        return _read_curated(folder)
    shipped = _shipped_curated()
    return dataclasses.replace(shipped, entries=dict(shipped.entries),
                               packs=dict(shipped.packs), errors=list(shipped.errors))  # fmt: skip
