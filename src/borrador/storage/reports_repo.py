"""Problems users report with a catalog channel (a bounced email, a dead link, an address
that returned the letter, a recipient asking for more than the law allows)."""

from __future__ import annotations

from typing import NamedTuple

from borrador.storage.db import Database


class ChannelReport(NamedTuple):
    id: int
    request_id: int
    recipient: str
    channel: str  # web | email | mail | phone | fax
    target: str  # the channel's URL, email address or first address line, as the catalog had it
    problem: str
    reported_on: str
    note: str  # private: shown to the user, never exported


_COLUMNS = "id, request_id, recipient, channel, target, problem, reported_on, note"


class ReportsRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, report: ChannelReport) -> ChannelReport:
        with self.db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO channel_reports (request_id, recipient, channel, target, problem,"
                " reported_on, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                report[1:],
            )
            new_id = int(cursor.lastrowid)
        return report._replace(id=new_id)

    def all(self, recipient: str | None = None) -> list[ChannelReport]:
        where, params = ("WHERE recipient = ?", (recipient,)) if recipient else ("", ())
        rows = self.db.query(f"SELECT {_COLUMNS} FROM channel_reports {where} ORDER BY id", params)
        return [ChannelReport(*row) for row in rows]
