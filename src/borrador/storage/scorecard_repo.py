"""The few columns a compliance scorecard needs, read in three aggregate-friendly queries."""

from __future__ import annotations

from typing import NamedTuple

from borrador.storage.db import Database


class AnsweredRow(NamedTuple):
    """A request that was sent (dates as ISO text, as stored)."""

    recipient: str
    kind: str
    status: str
    legal_basis: str
    channel: str | None
    sent_on: str
    received_on: str | None
    extended_due_on: str | None
    closed_on: str | None


class DenialRow(NamedTuple):
    recipient: str
    reason: str  # one of the denial reasons, or "" when none was recorded
    exemption: str  # the exemption the recipient named, as typed


class ScorecardRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def sent_rows(self) -> list[AnsweredRow]:
        rows = self.db.query(
            f"SELECT {', '.join(AnsweredRow._fields)} FROM requests WHERE sent_on IS NOT NULL"
        )
        return [AnsweredRow(*r) for r in rows]

    def denials(self) -> list[DenialRow]:
        rows = self.db.query(
            "SELECT r.recipient, coalesce(json_extract(e.detail, '$.reason'), ''),"
            " coalesce(json_extract(e.detail, '$.exemption'), '') FROM events AS e"
            " JOIN requests AS r ON r.id = e.request_id WHERE e.to_status = 'denied'"
            " AND (e.from_status IS NULL OR e.from_status != 'denied')"
        )
        return [DenialRow(*r) for r in rows]

    def relistings(self) -> dict[str, int]:
        """recipient -> re-checks that found a person listed again after a removal."""
        rows = self.db.query(
            "SELECT r.recipient, count(*) FROM events AS e JOIN requests AS r"
            " ON r.id = e.request_id WHERE json_extract(e.detail, '$.recheck') = 'listed'"
            " GROUP BY r.recipient"
        )
        return {str(b): int(n) for b, n in rows}
