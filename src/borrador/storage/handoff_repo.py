"""Rows of one person, out and in, keyed by their stable uids (for the hand-off bundle).

Import is idempotent: a person or request already here (same uid) is not added again; a
request's events are matched on their content, so only what is new is appended.
"""

from __future__ import annotations

from typing import Any

from borrador.core.errors import N_, NotFoundError
from borrador.home.faults import fault_point
from borrador.storage.db import Database

EVENT_KEY = ("on_date", "from_status", "to_status", "note", "actor", "recorded_at", "detail")


def _rows(db: Database, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cur = db.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def export_person(db: Database, person_id: int) -> dict[str, Any]:
    with db.write():  # one consistent snapshot
        people = _rows(db, "SELECT * FROM people WHERE id = ?", (person_id,))
        if not people:
            raise NotFoundError(N_("there is no person {person_id}."), person_id=person_id)
        requests = _rows(db, "SELECT * FROM requests WHERE person_id = ? ORDER BY id", (person_id,))
        uids = {r["id"]: r["uid"] for r in requests}
        events = _rows(
            db,
            "SELECT e.* FROM events e JOIN requests r ON r.id = e.request_id"
            " WHERE r.person_id = ? ORDER BY e.id",
            (person_id,),
        )
    person = {k: v for k, v in people[0].items() if k != "id"}
    for request in requests:
        request["parent_uid"] = uids.get(request.pop("parent_id"))
        request.pop("person_id")
        request.pop("id")
    for event in events:
        event["request_uid"] = uids[event.pop("request_id")]
        event.pop("id")
    return {"person": person, "requests": requests, "events": events}


def import_person(db: Database, data: dict[str, Any]) -> tuple[int, dict[str, int]]:
    """Add what is not here yet, in one transaction. Returns the person's id and counts."""
    counts = {"person": 0, "requests": 0, "updated": 0, "events": 0}
    with db.write() as conn:
        person = data["person"]
        found = conn.execute("SELECT id FROM people WHERE uid = ?", (person["uid"],)).fetchone()
        if found:
            person_id = int(found[0])
        else:
            person_id = _insert(conn, "people", person)
            counts["person"] = 1
        ids: dict[str, int] = {}
        for request in data["requests"]:
            values = {k: v for k, v in request.items() if k != "parent_uid"}
            values["person_id"] = person_id
            values["parent_id"] = ids.get(request.get("parent_uid") or "")
            row = conn.execute(
                "SELECT id, version FROM requests WHERE uid = ?", (request["uid"],)
            ).fetchone()
            if row is None:
                ids[request["uid"]] = _insert(conn, "requests", values)
                counts["requests"] += 1
                continue
            ids[request["uid"]] = int(row[0])
            if int(request["version"]) > int(row[1]):  # the sender's copy moved on since
                _check_columns(conn, "requests", values)
                sets = ", ".join(f"{k} = :{k}" for k in values if k not in ("uid", "person_id"))
                conn.execute(
                    f"UPDATE requests SET {sets} WHERE id = :id", values | {"id": int(row[0])}
                )
                counts["updated"] += 1
        for event in data["events"]:
            values = {k: v for k, v in event.items() if k != "request_uid"}
            values["request_id"] = ids[event["request_uid"]]
            where = " AND ".join(f"{k} IS :{k}" for k in ("request_id", *EVENT_KEY))
            if conn.execute(f"SELECT 1 FROM events WHERE {where}", values).fetchone() is None:
                _insert(conn, "events", values)
                counts["events"] += 1
        fault_point("handoff.before-commit")
    return person_id, counts


def _check_columns(conn: Any, table: str, values: dict[str, Any]) -> None:
    """Column names come from the file: only the table's own are ever put into SQL."""
    columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    unknown = set(values) - columns
    if unknown:  # from a newer Borrador: refuse rather than drop facts silently
        raise ValueError(f"{table} has fields this Borrador does not know: {sorted(unknown)}")


def _insert(conn: Any, table: str, values: dict[str, Any]) -> int:
    _check_columns(conn, table, values)
    names = [k for k in values if k != "id"]
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
    return int(conn.execute(sql, {n: values[n] for n in names}).lastrowid)
