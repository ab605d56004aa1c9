"""Security freezes: the PIN (inside the encrypted database only) and each thaw or lift."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from borrador.storage.db import Database


class FreezeChangeRow(NamedTuple):
    action: str
    on: dt.date
    until: dt.date | None


def _date(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text else None


class FreezeRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def set_pin(self, request_id: int, pin: str, now: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO freezes (request_id, pin, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (request_id) DO UPDATE SET pin = excluded.pin,"
                " updated_at = excluded.updated_at",
                (request_id, pin, now),
            )

    def set_expiry(self, request_id: int, expires_on: dt.date | None, now: str) -> None:
        value = expires_on.isoformat() if expires_on else None
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO freezes (request_id, expires_on, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (request_id) DO UPDATE SET expires_on = excluded.expires_on,"
                " updated_at = excluded.updated_at",
                (request_id, value, now),
            )

    def pin(self, request_id: int) -> str:
        rows = self.db.query("SELECT pin FROM freezes WHERE request_id = ?", (request_id,))
        return str(rows[0][0]) if rows else ""

    def expires_on(self, request_id: int) -> dt.date | None:
        rows = self.db.query("SELECT expires_on FROM freezes WHERE request_id = ?", (request_id,))
        return _date(rows[0][0]) if rows else None

    def add_change(
        self, request_id: int, action: str, on: dt.date, until: dt.date | None, now: str
    ) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO freeze_changes (request_id, action, on_date, until_date,"
                " recorded_at) VALUES (?, ?, ?, ?, ?)",
                (request_id, action, on.isoformat(), until.isoformat() if until else None, now),
            )

    def changes(self, request_id: int) -> list[FreezeChangeRow]:
        rows = self.db.query(
            "SELECT action, on_date, until_date FROM freeze_changes WHERE request_id = ?"
            " ORDER BY on_date, id",
            (request_id,),
        )
        return [FreezeChangeRow(a, dt.date.fromisoformat(o), _date(u)) for a, o, u in rows]
