"""CSV exports of requests and of each person's progress, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from borrador.core.display import csv_safe
from borrador.core.requests import CLOSED, PUBLIC_FIELDS, Status

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


def progress(session: Session, due: list[Any] | None = None) -> list[dict[str, Any]]:
    """Per person: how many recipients, done, waiting, overdue, drafted (`due`: the items
    of `session.tracking.due()` when the caller has them already)."""
    overdue: dict[int, int] = {}
    for item in session.tracking.due() if due is None else due:
        if item.overdue and item.what != "re-check":
            overdue[item.person_id] = overdue.get(item.person_id, 0) + 1
    counts = session.requests.counts_by_person()
    rows = []
    for pid, name in session.people.names():
        recipients, by_status = counts.get(pid, (0, {}))
        rows.append({
            "person_id": pid, "name": name, "recipients": recipients,
            "done": sum(n for s, n in by_status.items() if s in DONE),
            "waiting": sum(n for s, n in by_status.items()
                           if s not in CLOSED and s != Status.DRAFTED),
            "overdue": overdue.get(pid, 0),
            "drafted": by_status.get(Status.DRAFTED, 0),
        })  # fmt: skip
    return rows


def progress_csv(session: Session) -> str:
    rows = progress(session)
    header = ["person_id", "name", "recipients", "done", "waiting", "overdue", "drafted"]
    return to_csv(header, [[row[h] for h in header] for row in rows])
