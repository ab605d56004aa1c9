"""Registry entries imported by the user, stored encrypted and upserted by (state, name).

A row keeps what was read from it (`data`, text the catalog encodes), its cells in the
file's column order (`fields`, text the catalog joins and splits, named by the row's layout),
the curated entries it matched and a digest of all three. Rows stored before layouts existed
keep `fields` as a JSON {column: value} object and no layout."""

from __future__ import annotations

import json
from collections.abc import Sequence
from hashlib import blake2b
from typing import Any

from borrador.home.faults import fault_point
from borrador.storage.db import Database

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_INSERT = (
    "INSERT INTO registry_entries (state, name_key, slug, data, fields, layout_id, matched_slug,"
    " matched_slugs, digest, source_file, imported_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    "UPDATE registry_entries SET data = ?, fields = ?, layout_id = ?, matched_slug = ?,"
    " matched_slugs = ?, digest = ?, source_file = ?, updated_at = ?"
    " WHERE state = ? AND name_key = ?"
)


class RegistryRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert_many(
        self, rows: list[dict[str, Any]], headers: Sequence[str], source_file: str, now: str
    ) -> dict[str, int]:
        """Insert new rows, update changed ones, all in one transaction; returns counts:
        added, updated, unchanged. Each row: state, name_key, slug, text (what was read, as
        the catalog encodes it), values (the row's cells as one text), matched (slugs)."""
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        layout_json = _ENCODE(list(headers))
        with self.db.write() as conn:
            conn.execute("INSERT OR IGNORE INTO registry_layouts (headers) VALUES (?)",
                         (layout_json,))  # fmt: skip
            layout = conn.execute(
                "SELECT id FROM registry_layouts WHERE headers = ?", (layout_json,)
            ).fetchone()[0]
            existing = {
                (state, key): (slug, digest)
                for state, key, slug, digest in conn.execute(
                    "SELECT state, name_key, slug, digest FROM registry_entries"
                )
            }
            taken = {slug for slug, _ in existing.values()}
            inserts, updates = [], []
            salt = f"\x00{layout}\x00"
            for row in rows:
                fault_point("registry.row")  # a kill between rows: nothing of the file is kept
                data, values = row["text"], row["values"]
                matched = row["matched"]
                spaced = f" {' '.join(matched)} " if matched else ""
                text = f"{data}{salt}{values}{salt}{spaced}".encode()
                digest = blake2b(text, digest_size=16).hexdigest()
                key = (row["state"], row["name_key"])
                first = matched[0] if matched else None
                if key in existing:
                    if existing[key][1] == digest:
                        counts["unchanged"] += 1
                        continue
                    updates.append((data, values, layout, first, spaced, digest, source_file,
                                    now, *key))  # fmt: skip
                    counts["updated"] += 1
                    existing[key] = (existing[key][0], digest)
                    continue
                slug, n = row["slug"], 2
                while slug in taken:  # two names that slugify alike
                    slug, n = f"{row['slug']}-{n}", n + 1
                taken.add(slug)
                inserts.append((*key, slug, data, values, layout, first, spaced, digest,
                                source_file, now, now))  # fmt: skip
                counts["added"] += 1
                existing[key] = (slug, digest)
            conn.executemany(_INSERT, inserts)
            conn.executemany(_UPDATE, updates)
            fault_point("registry.before-commit")
        return counts

    def all(self) -> list[tuple[str, tuple[str, ...], str]]:
        """(slug, curated slugs it matched, data as stored) for every imported entry."""
        rows = self.db.query("SELECT slug, matched_slugs, data FROM registry_entries ORDER BY id")
        return [(slug, tuple(matched.split()), data) for slug, matched, data in rows]

    def rows_for(self, slug: str) -> list[tuple[str, str, str, list[str] | None]]:
        """The stored rows of an imported entry, or of a curated entry that registry rows
        matched: (state, data, fields, the layout's headers or None for a pre-layout row)."""
        rows = self.db.query(
            "SELECT e.state, e.data, e.fields, l.headers FROM registry_entries e"
            " LEFT JOIN registry_layouts l ON l.id = e.layout_id"
            " WHERE e.slug = ? OR instr(e.matched_slugs, ?) > 0 ORDER BY e.id",
            (slug, f" {slug} "),
        )
        return [
            (state, data, fields, None if headers is None else json.loads(headers))
            for state, data, fields, headers in rows
        ]

    def count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM registry_entries")[0][0])
