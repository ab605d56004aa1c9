"""Replies kept as evidence, with their attachments (bytes kept up to a cap, never opened)."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from borrador.core.errors import N_, NotFoundError
from borrador.storage.db import Database

STATES = ("new", "accepted", "dismissed")


class NewReply(NamedTuple):
    fingerprint: str
    message_id: str
    from_name: str
    from_address: str
    sent_at: str
    subject: str
    body: str
    headers: dict[str, Any]
    request_id: int | None
    confidence: float
    reason: str
    suggested: str
    suggestion: dict[str, str]
    source: str
    attachments: list[tuple[str, str, int, bytes | None]]  # name, type, size, data


class ReplyRow(NamedTuple):
    id: int
    request_id: int | None
    message_id: str
    from_name: str
    from_address: str
    sent_at: str
    subject: str
    body: str
    headers: dict[str, Any]
    confidence: float
    reason: str
    suggested: str
    suggestion: dict[str, str]
    state: str
    source: str
    imported_at: str
    attachments: tuple[tuple[str, str, int, bool], ...]  # name, type, size, bytes kept


_COLUMNS = (
    "id, request_id, message_id, from_name, from_address, sent_at, subject, body, "
    "headers, confidence, reason, suggested, suggestion, state, source, imported_at"
)


class RepliesRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def known_fingerprints(self, fingerprints: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(fingerprints), 500):
            chunk = fingerprints[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.db.query(
                    f"SELECT fingerprint FROM replies WHERE fingerprint IN ({marks})", tuple(chunk)
                )
            )
        return found

    def add_many(self, replies: list[NewReply], now: str) -> list[int | None]:
        """Insert in one transaction; a reply already stored (same fingerprint) gives None."""
        ids: list[int | None] = []
        with self.db.write() as conn:
            for r in replies:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO replies (request_id, fingerprint, message_id, "
                    "from_name, from_address, sent_at, subject, body, headers, confidence, "
                    "reason, suggested, suggestion, source, imported_at) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        r.request_id,
                        r.fingerprint,
                        r.message_id,
                        r.from_name,
                        r.from_address,
                        r.sent_at,
                        r.subject,
                        r.body,
                        json.dumps(r.headers, ensure_ascii=False),
                        r.confidence,
                        r.reason,
                        r.suggested,
                        json.dumps(r.suggestion, ensure_ascii=False),
                        r.source,
                        now,
                    ),
                )
                if not cursor.rowcount:
                    ids.append(None)
                    continue
                reply_id = int(cursor.lastrowid)
                ids.append(reply_id)
                conn.executemany(
                    "INSERT INTO reply_attachments (reply_id, filename, content_type, size, data)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [(reply_id, *a) for a in r.attachments],
                )
        return ids

    def _attachments(self, reply_ids: list[int]) -> dict[int, list[tuple[str, str, int, bool]]]:
        found: dict[int, list[tuple[str, str, int, bool]]] = {}
        if not reply_ids:
            return found
        marks = ", ".join("?" * len(reply_ids))
        for row in self.db.query(
            "SELECT reply_id, filename, content_type, size, data IS NOT NULL FROM "
            f"reply_attachments WHERE reply_id IN ({marks}) ORDER BY id",
            tuple(reply_ids),
        ):
            found.setdefault(row[0], []).append((row[1], row[2], row[3], bool(row[4])))
        return found

    def _rows(self, where: str, params: tuple[Any, ...]) -> list[ReplyRow]:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM replies WHERE {where} ORDER BY id", params)
        attached = self._attachments([r[0] for r in rows])
        return [
            ReplyRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                json.loads(r[8]),
                r[9],
                r[10],
                r[11],
                json.loads(r[12]),
                r[13],
                r[14],
                r[15],
                tuple(attached.get(r[0], ())),
            )
            for r in rows
        ]

    def get(self, reply_id: int) -> ReplyRow:
        rows = self._rows("id = ?", (reply_id,))
        if not rows:
            raise NotFoundError(
                N_("there is no reply {reply_id}."),
                hint=N_("See 'borrador replies list'."),
                reply_id=reply_id,
            )
        return rows[0]

    def for_request(self, request_id: int) -> list[ReplyRow]:
        return self._rows("request_id = ? AND state != 'dismissed'", (request_id,))

    def unmatched(self) -> list[ReplyRow]:
        return self._rows("request_id IS NULL AND state = 'new'", ())

    def pending(self) -> list[ReplyRow]:
        return self._rows("request_id IS NOT NULL AND state = 'new'", ())

    def attachment_data(self, reply_id: int, index: int) -> tuple[str, bytes | None]:
        rows = self.db.query(
            "SELECT filename, data FROM reply_attachments WHERE reply_id = ? "
            "ORDER BY id LIMIT 1 OFFSET ?",
            (reply_id, index),
        )
        if not rows:
            raise NotFoundError(
                N_("reply {reply_id} has no attachment {number}."),
                reply_id=reply_id,
                number=index + 1,
            )
        return rows[0][0], rows[0][1]

    def assign(self, reply_id: int, request_id: int, reason: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE replies SET request_id = ?, confidence = 1.0, reason = ? WHERE id = ?",
                (request_id, reason, reply_id),
            )

    def set_suggestion(self, reply_id: int, status: str, facts: dict[str, str]) -> None:
        with self.db.write() as conn:
            conn.execute(
                "UPDATE replies SET suggested = ?, suggestion = ? WHERE id = ?",
                (status, json.dumps(facts, ensure_ascii=False), reply_id),
            )

    def set_state(self, reply_id: int, state: str) -> None:
        assert state in STATES
        with self.db.write() as conn:
            if state == "dismissed":  # keep only the fingerprint, so a re-import skips it
                conn.execute(
                    "UPDATE replies SET state = ?, body = '', subject = '', "
                    "from_name = '', headers = '{}' WHERE id = ?",
                    (state, reply_id),
                )
                conn.execute("DELETE FROM reply_attachments WHERE reply_id = ?", (reply_id,))
            else:
                conn.execute("UPDATE replies SET state = ? WHERE id = ?", (state, reply_id))
