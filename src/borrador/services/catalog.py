"""Catalog use cases: the curated catalog joined with what the user imported from registries."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from borrador.catalog import model  # light: plain dataclasses and vocabularies
from borrador.core.errors import BorradorError, ValidationError

# The catalog modules load on first use: commands that never touch the catalog stay quick.
if TYPE_CHECKING:
    from borrador.catalog.loader import Catalog
    from borrador.catalog.search import SearchIndex
    from borrador.storage.registry_repo import RegistryRepo

__all__ = ["Catalog", "CatalogService", "ImportReport", "model"]

MAX_REGISTRY_BYTES = 50 * 1024 * 1024


@dataclasses.dataclass
class ImportReport:
    file: str
    format: str
    state: str
    added: int
    updated: int
    unchanged: int
    matched: dict[str, str]  # registry name -> curated slug it enriched
    skipped: list[tuple[int, str]]

    @property
    def imported(self) -> int:
        return self.added + self.updated + self.unchanged


class CatalogService:
    def __init__(self, registry: RegistryRepo | None) -> None:
        """`registry` is None before a store exists: the curated catalog alone."""
        self.registry = registry
        self._curated: Catalog | None = None
        self._catalog: Catalog | None = None
        self._index: SearchIndex | None = None

    @property
    def curated(self) -> Catalog:
        if self._curated is None:
            from borrador.catalog.loader import load_curated

            self._curated = load_curated()
        return self._curated

    def catalog(self) -> Catalog:
        if self._catalog is None:
            from borrador.catalog.imported import to_broker

            imported, matches = [], {}
            for slug, matched, data in self.registry.all() if self.registry else []:
                imported.append(to_broker(slug, data))
                if matched:
                    matches[slug] = matched
            self._catalog = self.curated.with_imported(imported, matches)
        return self._catalog

    def details(self, slug: str) -> model.Broker:
        """One entry with the registry's own columns attached (not kept in the list)."""
        entry = self.catalog().get(slug)
        if self.registry is None:
            return entry
        fields = [(f"{state.upper()}: {name}", value)
                  for state, columns in self.registry.fields_for(entry.slug)
                  for name, value in columns.items()]  # fmt: skip
        return dataclasses.replace(entry, registry_fields=tuple(fields))

    def search(self, query: str = "", pack: str | None = None) -> list[model.Broker]:
        catalog = self.catalog()
        if self._index is None:
            from borrador.catalog.search import SearchIndex

            self._index = SearchIndex(catalog.listed())
        found = self._index.search(query)
        if pack:
            members = {m.slug for m in catalog.pack_members(pack)}
            found = [e for e in found if e.slug in members]
        return found

    def import_registry(
        self, path: Path, state: str | None, today: dt.date, now: str
    ) -> ImportReport:
        from borrador.catalog.imported import CuratedIndex, row_record
        from borrador.catalog.registry import RegistryError, parse_registry

        if state not in (None, "ca", "vt"):
            raise ValidationError("--state", f"{state!r} is not supported; use ca or vt")
        try:
            size = path.stat().st_size
            if size > MAX_REGISTRY_BYTES:
                raise BorradorError(f"{path}: is {size} bytes; a registry file is far smaller.")
            data = path.read_bytes()
        except OSError as exc:
            raise BorradorError(f"{path}: cannot be read ({exc.strerror}).") from None
        try:
            parsed = parse_registry(data, state=state)
        except RegistryError as exc:
            raise BorradorError(f"{path}: {exc.message}", hint=exc.hint) from None
        index = CuratedIndex(self.curated.entries)
        records = {}
        for row in parsed.rows:  # the last row wins when a file lists a broker twice
            records[(row.state, row.key)] = row_record(row, parsed.format, index, today)
        if self.registry is None:
            raise BorradorError("importing needs the encrypted store.", hint="Run 'borrador init'.")
        counts = self.registry.upsert_many(list(records.values()), path.name, now)
        self._catalog = self._index = None
        matched = {r["data"]["name"]: r["matched_slug"] for r in records.values()
                   if r["matched_slug"]}  # fmt: skip
        return ImportReport(
            str(path),
            parsed.format,
            parsed.state,
            counts["added"],
            counts["updated"],
            counts["unchanged"],
            matched,
            parsed.skipped,
        )
