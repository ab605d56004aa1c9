"""Requests and their append-only events. Status changes use an optimistic version check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any, NamedTuple

from borrador.core.errors import N_, NotFoundError, StoreError
from borrador.core.requests import PUBLIC_FIELDS, Channel, Event, Kind, Request, Status
from borrador.storage.db import Database

_DATE_FIELDS = (
    "created_on",
    "sent_on",
    "received_on",
    "acknowledged_on",
    "due_on",
    "extended_due_on",
    "closed_on",
    "recheck_on",
    "authorized_on",
)
_FIELDS = (
    "id",
    "uid",
    "person_id",
    "recipient",
    "kind",
    "status",
    "legal_basis",
    "channel",
    *_DATE_FIELDS,
    "confirmation",
    "letter_text",
    "notes",
    "version",
    "parent_id",
    "message_id",
    "sent_message",
    "agent",
    "after_free_report",
)
_COLUMNS = ", ".join(_FIELDS)
# Columns whose JSON form is not the stored one (SQLite keeps booleans as 0/1).
_JSON_VALUE = {
    "after_free_report": "json(CASE WHEN after_free_report THEN 'true' ELSE 'false' END)"
}
_MUTABLE = [f for f in _FIELDS if f not in ("id", "uid", "person_id")]
_EVENT_COLUMNS = "id, request_id, on_date, from_status, to_status, note, actor, recorded_at, detail"
# What the deadline views need of each request: few columns, no objects (fast over thousands).
class ClockRow(NamedTuple):
    """The columns a request's deadlines depend on (dates as ISO text, as stored)."""

    id: int
    uid: str
    person_id: int
    recipient: str
    kind: str
    status: str
    legal_basis: str
    channel: str | None
    sent_on: str | None
    received_on: str | None
    acknowledged_on: str | None
    extended_due_on: str | None
    closed_on: str | None
    recheck_on: str | None
    after_free_report: int

    def clock_facts(self) -> tuple[Any, ...]:
        """Everything but who it is for: requests with equal facts share their deadlines."""
        return tuple(self)[4:]


class PersonCounts(NamedTuple):
    recipients: int  # distinct recipients written to
    by_status: dict[str, int]


CLOCK_COLUMNS = ClockRow._fields


class ProgressRow(NamedTuple):
    """What progress per person counts, one per request."""

    person_id: int
    recipient: str
    status: str
    agent: str
    authorized_on: str | None


class ConflictError(StoreError):
    """Someone else changed the request since it was read."""


def _row_to_request(row: Any) -> Request:
    data = dict(zip(_FIELDS, row, strict=True))
    for name in _DATE_FIELDS:
        data[name] = dt.date.fromisoformat(data[name]) if data[name] else None
    data["kind"] = Kind(data["kind"])
    data["status"] = Status(data["status"])
    data["channel"] = Channel(data["channel"]) if data["channel"] else None
    data["after_free_report"] = bool(data["after_free_report"])
    return Request(**data)


def _to_values(request: Request) -> dict[str, Any]:
    values = dataclasses.asdict(request)
    for name in _DATE_FIELDS:
        values[name] = values[name].isoformat() if values[name] else None
    for name in ("kind", "status", "channel"):
        values[name] = str(values[name]) if values[name] else None
    values["after_free_report"] = int(values["after_free_report"])
    return values


def _row_to_event(row: Any) -> Event:
    eid, request_id, on, from_status, to_status, note, actor, recorded_at, detail = row
    return Event(
        id=eid,
        request_id=request_id,
        on=dt.date.fromisoformat(on),
        from_status=Status(from_status) if from_status else None,
        to_status=Status(to_status),
        note=note,
        actor=actor,
        recorded_at=recorded_at,
        detail=tuple(json.loads(detail).items()),
    )


class RequestsRepo:
    def __init__(self, db: Database, actor: Callable[[], str] = lambda: "") -> None:
        self.db = db
        self.actor = actor  # who every new event is recorded against (clinic mode: the volunteer)

    def add(self, request: Request, now: str, note: str = "") -> Request:
        return self.add_many([request], now, note)[0]

    def add_many(
        self,
        requests: list[Request],
        now: str,
        note: str = "",
        detail: tuple[tuple[str, str], ...] = (),
    ) -> list[Request]:
        """Insert requests, each with its first event, all in one transaction."""
        names = [f for f in _FIELDS if f != "id"]
        sql = (
            f"INSERT INTO requests ({', '.join(names)}, updated_at) VALUES "
            f"({', '.join(':' + n for n in names)}, :now)"
        )
        new_ids = []
        with self.db.write() as conn:
            for request in requests:
                values = _to_values(request) | {"uid": request.uid or uuid.uuid4().hex, "now": now}
                new_id = int(conn.execute(sql, values).lastrowid)
                on = request.created_on or dt.date.fromisoformat(now[:10])
                event = Event(request_id=new_id, on=on, to_status=request.status, note=note,
                              detail=detail)  # fmt: skip
                self._insert_event(conn, event, now)
                new_ids.append(new_id)
        return [self.get(i) for i in new_ids]

    def _insert_event(self, conn: Any, event: Event, now: str) -> None:
        conn.execute(
            "INSERT INTO events (request_id, on_date, from_status, to_status, note, actor,"
            " recorded_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.request_id,
                event.on.isoformat(),
                str(event.from_status) if event.from_status else None,
                str(event.to_status),
                event.note,
                event.actor or self.actor(),
                now,
                json.dumps(dict(event.detail), ensure_ascii=False),
            ),
        )

    def save_change(self, before: Request, after: Request, event: Event, now: str) -> Request:
        """Write `after` over `before` and append `event`, or fail if someone got there first."""
        values = _to_values(after) | {"now": now, "old_version": before.version}
        sets = ", ".join(f"{f} = :{f}" for f in _MUTABLE)
        with self.db.write() as conn:
            cur = conn.execute(
                f"UPDATE requests SET {sets}, updated_at = :now"
                " WHERE id = :id AND version = :old_version",
                values,
            )
            if cur.rowcount != 1:
                self.get(before.id or 0)  # raises NotFoundError if it is gone
                raise ConflictError(
                    N_("request {id} was changed elsewhere while you were working on it."),
                    hint=N_("Nothing was saved. Look at it again with 'borrador requests show'."),
                    id=before.id,
                )
            self._insert_event(conn, event, now)
        return self.get(after.id or 0)

    def get(self, request_id: int) -> Request:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM requests WHERE id = ?", (request_id,))
        if not rows:
            raise NotFoundError(
                N_("there is no request with id {request_id}."),
                hint=N_("'borrador requests list' shows the ids."), request_id=request_id,
            )
        return _row_to_request(rows[0])

    def find(self, person_id: int | None = None) -> list[Request]:
        where, params = ("WHERE person_id = ?", (person_id,)) if person_id is not None else ("", ())
        rows = self.db.query(f"SELECT {_COLUMNS} FROM requests {where} ORDER BY id", params)
        return [_row_to_request(r) for r in rows]

    def find_json(self, person_id: int | None = None) -> list[str]:
        """Each request's PUBLIC_FIELDS as a JSON object, built by SQLite itself: listing
        thousands of requests should not cost a Python object per field."""
        pairs = ", ".join(f"'{name}', {_JSON_VALUE.get(name, name)}" for name in PUBLIC_FIELDS)
        where, params = ("WHERE person_id = ?", (person_id,)) if person_id is not None else ("", ())
        rows = self.db.query(
            f"SELECT json_object({pairs}) FROM requests {where} ORDER BY id", params
        )
        return [row[0] for row in rows]

    def clock_rows(self, statuses: tuple[str, ...]) -> list[ClockRow]:
        """The clock columns of the requests in `statuses`."""
        marks = ", ".join("?" for _ in statuses)
        rows = self.db.query(
            f"SELECT {', '.join(CLOCK_COLUMNS)} FROM requests WHERE status IN ({marks})"
            " ORDER BY id",
            statuses,
        )
        return [ClockRow(*row) for row in rows]

    def events(self, request_id: int) -> list[Event]:
        rows = self.db.query(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE request_id = ? ORDER BY id", (request_id,)
        )
        return [_row_to_event(r) for r in rows]

    def closed_before(self, cutoff: dt.date) -> list[int]:
        rows = self.db.query(
            "SELECT id FROM requests WHERE status IN ('completed', 'partially-completed',"
            " 'denied', 'withdrawn') AND closed_on < ? ORDER BY id",
            (cutoff.isoformat(),),
        )
        return [int(r[0]) for r in rows]

    def delete_many(self, request_ids: list[int], person_ids: list[int]) -> None:
        """Remove requests (with their events) and people, in one transaction."""
        with self.db.write() as conn:
            conn.executemany("DELETE FROM requests WHERE id = ?", [(i,) for i in request_ids])
            conn.executemany("DELETE FROM people WHERE id = ?", [(i,) for i in person_ids])

    def counts_by_person(self) -> dict[int, PersonCounts]:
        """person id -> (distinct recipients, {status: count}), in two aggregate queries."""
        totals = {
            int(p): int(n)
            for p, n in self.db.query(
                "SELECT person_id, count(DISTINCT recipient) FROM requests GROUP BY person_id"
            )
        }
        counts: dict[int, dict[str, int]] = {}
        for pid, status, n in self.db.query(
            "SELECT person_id, status, count(*) FROM requests GROUP BY person_id, status"
        ):
            counts.setdefault(int(pid), {})[status] = int(n)
        return {pid: PersonCounts(totals[pid], counts.get(pid, {})) for pid in totals}

    def progress_rows(self) -> list[ProgressRow]:
        rows = self.db.query(
            "SELECT person_id, recipient, status, agent, authorized_on FROM requests ORDER BY id"
        )
        return [ProgressRow(*row) for row in rows]

    def count_by_status(self) -> dict[str, int]:
        rows = self.db.query("SELECT status, count(*) FROM requests GROUP BY status")
        return {status: int(n) for status, n in rows}
