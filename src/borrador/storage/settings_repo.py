"""Small personal settings (the mail account, sender details) in the encrypted database."""

from __future__ import annotations

import json
from typing import Any

from borrador.storage.db import Database


class SettingsRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> Any:
        rows = self.db.query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else None

    def put(self, key: str, value: Any) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def delete(self, key: str) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))
