"""Registry entries imported by the user, stored encrypted and upserted by (state, name)."""

from __future__ import annotations

import json
from typing import Any

from borrador.storage.db import Database


class RegistryRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert_many(self, rows: list[dict[str, Any]], source_file: str, now: str) -> dict[str, int]:
        """Insert new rows, update changed ones; returns counts: added, updated, unchanged."""
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        with self.db.write() as conn:
            existing = {(s, k): (slug, data) for s, k, slug, data in conn.execute(
                "SELECT state, name_key, slug, data FROM registry_entries")}  # fmt: skip
            taken = {slug for slug, _ in existing.values()}
            for row in rows:
                data = json.dumps(row["data"], ensure_ascii=False, sort_keys=True)
                key = (row["state"], row["name_key"])
                if key in existing:
                    slug, old = existing[key]
                    if old == data:
                        counts["unchanged"] += 1
                        continue
                    conn.execute(
                        "UPDATE registry_entries SET data = ?, matched_slug = ?, source_file = ?,"
                        " updated_at = ? WHERE state = ? AND name_key = ?",
                        (data, row["matched_slug"], source_file, now, *key),
                    )
                    existing[key] = (slug, data)
                    counts["updated"] += 1
                    continue
                slug = row["slug"]
                n = 2
                while slug in taken:
                    slug, n = f"{row['slug']}-{n}", n + 1
                taken.add(slug)
                conn.execute(
                    "INSERT INTO registry_entries (state, name_key, slug, data, matched_slug,"
                    " source_file, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (*key, slug, data, row["matched_slug"], source_file, now, now),
                )
                existing[key] = (slug, data)
                counts["added"] += 1
        return counts

    def all(self) -> list[tuple[str, str | None, dict[str, Any]]]:
        """(slug, matched curated slug, data) for every imported entry."""
        rows = self.db.query("SELECT slug, matched_slug, data FROM registry_entries ORDER BY id")
        return [(slug, matched, json.loads(data)) for slug, matched, data in rows]

    def count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM registry_entries")[0][0])
