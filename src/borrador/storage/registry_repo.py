"""Registry entries imported by the user, stored encrypted and upserted by (state, name)."""

from __future__ import annotations

import json
from typing import Any

from borrador.home.faults import fault_point
from borrador.storage.db import Database


class RegistryRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert_many(self, rows: list[dict[str, Any]], source_file: str, now: str) -> dict[str, int]:
        """Insert new rows, update changed ones; returns counts: added, updated, unchanged."""
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        with self.db.write() as conn:
            existing = {
                (state, key): (slug, data, fields)
                for state, key, slug, data, fields in conn.execute(
                    "SELECT state, name_key, slug, data, fields FROM registry_entries"
                )
            }
            taken = {slug for slug, _, _ in existing.values()}
            for row in rows:
                data = json.dumps(row["data"], ensure_ascii=False, separators=(",", ":"))
                fields = json.dumps(row["fields"], ensure_ascii=False, separators=(",", ":"))
                key = (row["state"], row["name_key"])
                if key in existing:
                    slug, old_data, old_fields = existing[key]
                    if (old_data, old_fields) == (data, fields):
                        counts["unchanged"] += 1
                        continue
                    conn.execute(
                        "UPDATE registry_entries SET data = ?, fields = ?, matched_slug = ?,"
                        " source_file = ?, updated_at = ? WHERE state = ? AND name_key = ?",
                        (data, fields, row["matched_slug"], source_file, now, *key),
                    )
                    counts["updated"] += 1
                else:
                    slug, n = row["slug"], 2
                    while slug in taken:  # two names that slugify alike
                        slug, n = f"{row['slug']}-{n}", n + 1
                    taken.add(slug)
                    conn.execute(
                        "INSERT INTO registry_entries (state, name_key, slug, data, fields,"
                        " matched_slug, source_file, imported_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*key, slug, data, fields, row["matched_slug"], source_file, now, now),
                    )
                    counts["added"] += 1
                existing[key] = (slug, data, fields)
                fault_point("registry.row")
            fault_point("registry.before-commit")
        return counts

    def all(self) -> list[tuple[str, str | None, dict[str, Any]]]:
        """(slug, matched curated slug, data) for every imported entry."""
        rows = self.db.query("SELECT slug, matched_slug, data FROM registry_entries ORDER BY id")
        return [(slug, matched, json.loads(data)) for slug, matched, data in rows]

    def fields_for(self, slug: str) -> list[tuple[str, dict[str, str]]]:
        """The registry's own columns for an imported entry, or for the curated entry that
        registry rows were matched to: (state, columns) per row."""
        rows = self.db.query(
            "SELECT state, fields FROM registry_entries WHERE slug = ? OR matched_slug = ?"
            " ORDER BY id",
            (slug, slug),
        )
        return [(state, json.loads(fields)) for state, fields in rows]

    def count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM registry_entries")[0][0])
