"""Progress per person, defined once: the dashboard, the clinic screen, `clinic progress` and
the progress CSV all count the same way."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from borrador.core.requests import CLOSED, DONE, Status

if TYPE_CHECKING:
    from borrador.services.tracking import DueItem, Tracking
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.requests_repo import RequestsRepo

CSV_COLUMNS = ("person_id", "name", "requests", "recipients", "done", "waiting", "overdue",
               "drafted", "open", "unauthorised")  # fmt: skip


@dataclasses.dataclass(frozen=True)
class PersonProgress:
    person_id: int
    name: str
    requests: int  # every request, whatever its status
    recipients: int  # distinct recipients written to
    done: int  # completed in whole or part
    waiting: int  # sent and not closed: with the recipient
    overdue: int  # with a deadline passed (re-checks not counted)
    drafted: int  # made but not sent yet
    open: int  # not closed (drafted included)
    unauthorised: int  # open agent requests whose signed authorisation is not recorded
    volunteers: tuple[str, ...]  # who drafted them as agent (clinic mode)


class ProgressService:
    def __init__(self, people: PeopleRepo, requests: RequestsRepo, tracking: Tracking) -> None:
        self.people = people
        self.requests = requests
        self.tracking = tracking

    def per_person(self, due: list[DueItem] | None = None) -> list[PersonProgress]:
        """Every person, in id order (`due`: the items of `tracking.due()` when the caller
        has them already)."""
        overdue: dict[int, int] = {}
        for item in self.tracking.due() if due is None else due:
            if item.overdue and item.what != "re-check":
                overdue[item.person_id] = overdue.get(item.person_id, 0) + 1
        rows: dict[int, list[tuple[str, Status, str, str | None]]] = {}
        for r in self.requests.progress_rows():
            rows.setdefault(r.person_id, []).append(
                (r.recipient, Status(r.status), r.agent, r.authorized_on)
            )
        result = []
        for person in self.people.names():
            mine = rows.get(person.id, [])
            open_ = [m for m in mine if m[1] not in CLOSED]
            result.append(PersonProgress(
                person_id=person.id, name=person.name, requests=len(mine),
                recipients=len({m[0] for m in mine}),
                done=sum(m[1] in DONE for m in mine),
                waiting=sum(m[1] is not Status.DRAFTED for m in open_),
                overdue=overdue.get(person.id, 0),
                drafted=sum(m[1] is Status.DRAFTED for m in mine), open=len(open_),
                unauthorised=sum(bool(m[2]) and m[3] is None for m in open_),
                volunteers=tuple(sorted({m[2] for m in mine if m[2]})),
            ))  # fmt: skip
        return result
