"""Catalog use cases: the curated catalog joined with what the user imported from registries."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from borrador.catalog import model  # light: plain dataclasses and vocabularies
from borrador.core.errors import N_, BorradorError, ValidationError

# The catalog modules load on first use: commands that never touch the catalog stay quick.
if TYPE_CHECKING:
    from borrador.catalog.freshness import Finding
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
    matched: dict[str, list[str]]  # registry name -> curated slugs it enriched
    skipped: list[tuple[int, str]]

    @property
    def imported(self) -> int:
        return self.added + self.updated + self.unchanged


class CatalogService:
    def __init__(self, registry: RegistryRepo | None, curated: Catalog | None = None) -> None:
        """`registry` is None before a store exists: the curated catalog alone. `curated`
        replaces the packaged catalog (tests, or a catalog being edited)."""
        self.registry = registry
        self._curated: Catalog | None = curated
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
            from borrador.catalog.imported import join_registry

            rows = self.registry.all() if self.registry else []
            self._catalog = join_registry(self.curated, rows)
        return self._catalog

    def details(self, slug: str) -> model.Broker:
        """One entry with the registry's own columns attached (not kept in the list)."""
        entry = self.catalog().get(slug)
        if self.registry is None:
            return entry
        from borrador.catalog.imported import decode_data, registry_columns

        rows = self.registry.rows_for(entry.slug)
        per_state = {state: sum(1 for row in rows if row[0] == state) for state, *_ in rows}
        fields = []
        for state, data, text, headers in rows:
            label = state.upper()
            if per_state[state] > 1:
                label += f" ({decode_data(data).get('name', '')})"
            columns = registry_columns(text, headers)
            fields += [(f"{label}: {name}", value) for name, value in columns.items()]
        return dataclasses.replace(entry, registry_fields=tuple(fields))

    def request_metrics(self, slug: str) -> list[tuple[str, str, dict[str, float]]]:
        """(state, registrant, {'delete.received': 12.0, ...}) for each registry row of the
        entry that reported last year's requests (California, from 2025)."""
        from borrador.catalog.imported import decode_data, request_metrics

        entry = self.catalog().get(slug)
        rows = self.registry.rows_for(entry.slug) if self.registry else []
        found = [(s, str(decode_data(d).get("name", "")), request_metrics(f, h))
                 for s, d, f, h in rows]  # fmt: skip
        return [row for row in found if row[2]]

    @staticmethod
    def filters() -> dict[str, str]:
        """The list filters (name -> what passing means), for every front end."""
        from borrador.core.broker_filters import FILTERS

        return dict(FILTERS)

    def search(
        self, query: str = "", pack: str | None = None, flags: Sequence[str] = ()
    ) -> list[model.Broker]:
        """Entries matching `query`, in `pack` if given, passing every filter in `flags`."""
        catalog = self.catalog()
        if self._index is None:
            from borrador.catalog.search import SearchIndex

            self._index = SearchIndex(catalog.listed())
        found = self._index.search(query)
        if pack:
            members = {m.slug for m in catalog.pack_members(pack)}
            found = [e for e in found if e.slug in members]
        if flags:
            from borrador.catalog.filters import apply

            found = apply(found, flags)
        return found

    def reach(self, slug: str) -> dict[str, bool | None]:
        """Which registries list the entry (state -> yes/no, None when no registry of that
        state was imported) and whether California's DROP reaches it ("drop")."""
        from borrador.catalog.model import REGISTRY_STATES

        catalog = self.catalog()
        entry = catalog.get(slug)
        found = {state: catalog.registry_reach(entry, state) for state in REGISTRY_STATES}
        return found | {"drop": catalog.drop_reach(entry)}

    def check(self, today: dt.date, reported: Sequence[str] = ()) -> list[Finding]:
        """What needs checking again (see catalog.freshness); `reported` is the hook for the
        slugs, links or emails users reported as broken."""
        from borrador.catalog.freshness import check_catalog

        return check_catalog(self.catalog(), today, reported)

    def import_registry(
        self, path: Path, state: str | None, today: dt.date, now: str
    ) -> ImportReport:
        """Read a registry file into the store: every row, or why it was skipped. `today` is
        not the entries' date: they carry the registry's own (or the file's year)."""
        from borrador.catalog.imported import row_record
        from borrador.catalog.matching import CuratedIndex
        from borrador.catalog.registry import RegistryError, parse_registry

        if state not in (None, "ca", "vt"):
            raise ValidationError(
                "--state",
                N_(
                    "{state!r} is not supported; use ca or vt (Texas and Oregon publish no "
                    "registry file to import)"
                ),
                state=state,
            )
        try:
            size = path.stat().st_size
            if size > MAX_REGISTRY_BYTES:
                raise BorradorError(
                    N_("{path}: is {size} bytes; a registry file is far smaller."),
                    path=path,
                    size=size,
                )
            data = path.read_bytes()
        except OSError as exc:
            raise BorradorError(
                N_("{path}: cannot be read ({strerror})."), path=path, strerror=exc.strerror
            ) from None
        try:
            parsed = parse_registry(data, state=state, file_name=path.name)
        except RegistryError as exc:
            raise exc.at(str(path)) from None
        if self.registry is None:
            raise BorradorError(
                N_("importing needs the encrypted store."), hint=N_("Run 'borrador init'.")
            )
        index = CuratedIndex(self.curated.entries, self.curated.distinct)
        records: dict[tuple[str, str], dict[str, Any]] = {}
        lines: dict[tuple[str, str], int] = {}
        skipped = list(parsed.skipped)
        for row in parsed.rows:  # a registrant listed twice: the later row is kept
            key = (row.state, row.key)
            if key in lines:
                skipped.append((lines[key], f"the same registrant again on line {row.line}, "
                                            "which was kept instead"))  # fmt: skip
            records[key], lines[key] = row_record(row, parsed.format, index), row.line
        counts = self.registry.upsert_many(list(records.values()), parsed.headers, path.name, now)
        self._catalog = self._index = None
        matched = {r["data"]["name"]: r["matched"] for r in records.values() if r["matched"]}
        return ImportReport(
            str(path),
            parsed.format,
            parsed.state,
            counts["added"],
            counts["updated"],
            counts["unchanged"],
            matched,
            sorted(skipped),
        )
