"""DROP filings and the per-broker outcomes a person reads back from the platform."""

from __future__ import annotations

import datetime as dt
import json
from typing import NamedTuple

from borrador.core.errors import N_, NotFoundError
from borrador.storage.db import Database


class FilingRow(NamedTuple):
    id: int
    person_id: int
    filed_on: dt.date
    drop_id: str
    identifiers: dict[str, int]  # kind -> how many were given
    kept_values: dict[str, list[str]]  # kind -> the values, only when the person chose it


class OutcomeRow(NamedTuple):
    broker: str
    outcome: str
    on: dt.date


_FILING = "id, person_id, filed_on, drop_id, identifiers, kept_values"


def _filing(row: tuple[object, ...]) -> FilingRow:
    fid, pid, filed_on, drop_id, identifiers, kept = row
    return FilingRow(
        int(str(fid)),
        int(str(pid)),
        dt.date.fromisoformat(str(filed_on)),
        str(drop_id),
        json.loads(str(identifiers)),
        json.loads(str(kept)),
    )


class DropRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_filing(
        self,
        person_id: int,
        filed_on: dt.date,
        drop_id: str,
        identifiers: dict[str, int],
        kept_values: dict[str, list[str]],
        now: str,
    ) -> FilingRow:
        with self.db.write() as conn:
            new_id = conn.execute(
                "INSERT INTO drop_filings (person_id, filed_on, drop_id, identifiers,"
                " kept_values, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    person_id,
                    filed_on.isoformat(),
                    drop_id,
                    json.dumps(identifiers),
                    json.dumps(kept_values, ensure_ascii=False),
                    now,
                ),
            ).lastrowid
        return self.filing(int(new_id))

    def filing(self, filing_id: int) -> FilingRow:
        rows = self.db.query(f"SELECT {_FILING} FROM drop_filings WHERE id = ?", (filing_id,))
        if not rows:
            raise NotFoundError(N_("there is no DROP filing {filing_id}."), filing_id=filing_id)
        return _filing(rows[0])

    def latest(self, person_id: int) -> FilingRow | None:
        rows = self.db.query(
            f"SELECT {_FILING} FROM drop_filings WHERE person_id = ? ORDER BY filed_on DESC,"
            " id DESC LIMIT 1",
            (person_id,),
        )
        return _filing(rows[0]) if rows else None

    def add_outcome(self, filing_id: int, broker: str, outcome: str, on: dt.date, now: str) -> None:
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO drop_outcomes (filing_id, broker, outcome, on_date, recorded_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (filing_id, broker, outcome, on.isoformat(), now),
            )

    def outcomes(self, filing_id: int) -> dict[str, OutcomeRow]:
        """The latest outcome per broker (a later reading replaces an earlier one)."""
        rows = self.db.query(
            "SELECT broker, outcome, on_date FROM drop_outcomes WHERE filing_id = ?"
            " ORDER BY on_date, id",
            (filing_id,),
        )
        return {b: OutcomeRow(b, o, dt.date.fromisoformat(d)) for b, o, d in rows}

    def count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM drop_filings")[0][0])
