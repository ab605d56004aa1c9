"""Listing checks on people-search sites, and the evidence files kept with them (as blobs in
the encrypted database: never a loose file)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import NamedTuple

from borrador.core.errors import N_, NotFoundError
from borrador.storage.db import Database


class CheckRow(NamedTuple):
    id: int
    person_id: int
    broker: str
    result: str
    on: dt.date
    request_id: int | None
    evidence_id: int | None
    note: str


class EvidenceInfo(NamedTuple):
    id: int
    person_id: int
    media_type: str
    size: int
    sha256: str
    added_at: str


_CHECK = "id, person_id, broker, result, on_date, request_id, evidence_id, note"
_INFO = "id, person_id, media_type, size, sha256, added_at"


def _check(row: tuple[object, ...]) -> CheckRow:
    cid, pid, broker, result, on, request_id, evidence_id, note = row
    return CheckRow(
        int(str(cid)),
        int(str(pid)),
        str(broker),
        str(result),
        dt.date.fromisoformat(str(on)),
        int(str(request_id)) if request_id is not None else None,
        int(str(evidence_id)) if evidence_id is not None else None,
        str(note),
    )


class ListingsRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_check(
        self,
        person_id: int,
        broker: str,
        result: str,
        on: dt.date,
        request_id: int | None,
        evidence: tuple[str, bytes] | None,
        note: str,
        now: str,
    ) -> CheckRow:
        """One check, with its evidence (media type, bytes) if any, in one transaction."""
        with self.db.write() as conn:
            evidence_id = None
            if evidence is not None:
                media_type, data = evidence
                evidence_id = conn.execute(
                    "INSERT INTO evidence (person_id, media_type, size, sha256, data, added_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (person_id, media_type, len(data), hashlib.sha256(data).hexdigest(), data, now),
                ).lastrowid
            new_id = conn.execute(
                "INSERT INTO listing_checks (person_id, broker, result, on_date, request_id,"
                " evidence_id, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, broker, result, on.isoformat(), request_id, evidence_id, note, now),
            ).lastrowid
        rows = self.db.query(f"SELECT {_CHECK} FROM listing_checks WHERE id = ?", (new_id,))
        return _check(rows[0])

    def checks(self, person_id: int, broker: str | None = None) -> list[CheckRow]:
        where, params = "person_id = ?", (person_id,)
        if broker:
            where, params = "person_id = ? AND broker = ?", (person_id, broker)  # type: ignore[assignment]
        rows = self.db.query(
            f"SELECT {_CHECK} FROM listing_checks WHERE {where} ORDER BY on_date, id", params
        )
        return [_check(r) for r in rows]

    def evidence_info(self, person_id: int | None = None) -> list[EvidenceInfo]:
        where, params = ("WHERE person_id = ?", (person_id,)) if person_id is not None else ("", ())
        rows = self.db.query(f"SELECT {_INFO} FROM evidence {where} ORDER BY id", params)
        return [EvidenceInfo(*r) for r in rows]

    def evidence(self, evidence_id: int) -> tuple[EvidenceInfo, bytes]:
        rows = self.db.query(f"SELECT {_INFO}, data FROM evidence WHERE id = ?", (evidence_id,))
        if not rows:
            raise NotFoundError(
                N_("there is no evidence file {evidence_id}."),
                hint=N_("'borrador listings evidence --person ID' lists them."),
                evidence_id=evidence_id,
            )
        *info, data = rows[0]
        return EvidenceInfo(*info), bytes(data)
