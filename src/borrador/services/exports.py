"""CSV exports of requests and of each person's progress, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from borrador.core.requests import CLOSED, PUBLIC_FIELDS, Status
from borrador.display import csv_safe

if TYPE_CHECKING:
    from borrador.services.session import Session

DONE = {Status.COMPLETED, Status.PARTIALLY_COMPLETED}


def to_csv(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def requests_csv(session: Session, person_id: int | None = None) -> str:
    requests = session.list_requests(person_id)
    fields = list(PUBLIC_FIELDS)
    rows = [[getattr(r, f) for f in fields] for r in requests]
    return to_csv(fields, [[v.isoformat() if hasattr(v, "isoformat") else v for v in row]
                           for row in rows])  # fmt: skip


def progress(session: Session) -> list[dict[str, Any]]:
    """Per person: how many recipients, done, waiting, overdue, drafted."""
    overdue: dict[int, int] = {}
    for item in session.tracking.due():
        if item.overdue and item.what != "re-check":
            overdue[item.person_id] = overdue.get(item.person_id, 0) + 1
    rows = []
    for person in session.list_people():
        mine = session.requests.find(person.id)
        rows.append({
            "person_id": person.id, "name": person.name,
            "recipients": len({r.recipient for r in mine}),
            "done": sum(r.status in DONE for r in mine),
            "waiting": sum(r.status not in CLOSED and r.status is not Status.DRAFTED for r in mine),
            "overdue": overdue.get(person.id or 0, 0),
            "drafted": sum(r.status is Status.DRAFTED for r in mine),
        })  # fmt: skip
    return rows


def progress_csv(session: Session) -> str:
    rows = progress(session)
    header = ["person_id", "name", "recipients", "done", "waiting", "overdue", "drafted"]
    return to_csv(header, [[row[h] for h in header] for row in rows])
