"""A Session: an unlocked store and the use cases on people and requests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from borrador.core.errors import BorradorError, ValidationError
from borrador.core.people import Person, parse_person
from borrador.core.requests import (
    Channel,
    Event,
    Kind,
    Request,
    Status,
    apply_transition,
    parse_enum,
    parse_slug,
    with_status,
)
from borrador.core.text import clean_text
from borrador.keys import KdfParams, KeyFile
from borrador.paths import Paths
from borrador.services.catalog import CatalogService, ImportReport
from borrador.services.clock import Clock
from borrador.storage.db import Database
from borrador.storage.people_repo import PeopleRepo
from borrador.storage.registry_repo import RegistryRepo
from borrador.storage.requests_repo import RequestsRepo


def normalise_email(text: str) -> str:
    """Syntax check and normal form, with no DNS lookup (no network)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None


@dataclasses.dataclass(frozen=True)
class Summary:
    people: int
    requests_by_status: dict[str, int]

    @property
    def requests(self) -> int:
        return sum(self.requests_by_status.values())

    @property
    def open_requests(self) -> int:
        closed = {"completed", "partially-completed", "denied", "withdrawn"}
        return sum(n for s, n in self.requests_by_status.items() if s not in closed)


class Session:
    def __init__(self, paths: Paths, db: Database, key_file: KeyFile, clock: Clock) -> None:
        self.paths = paths
        self.db = db
        self.key_file = key_file
        self.clock = clock
        self.people = PeopleRepo(db)
        self.requests = RequestsRepo(db)
        self.catalog = CatalogService(RegistryRepo(db))

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- people -------------------------------------------------------------------------
    def _parse(self, data: Mapping[str, Any]) -> Person:
        return parse_person(data, today=self.clock.today(), normalise_email=normalise_email)

    def add_person(self, data: Mapping[str, Any]) -> Person:
        return self.people.add(self._parse(data), self.clock.now())

    def edit_person(self, person_id: int, data: Mapping[str, Any]) -> Person:
        return self.people.update(person_id, self._parse(data), self.clock.now())

    def get_person(self, person_id: int) -> Person:
        return self.people.get(person_id)

    def list_people(self) -> list[Person]:
        return self.people.all()

    # -- requests -----------------------------------------------------------------------
    def resolve_recipient(self, slug: str, kind: Kind) -> str:
        """The catalog entry a request goes to: a brand covered by another entry goes to that
        entry; exited brokers, brokers with no way to reach them, and mismatched kinds are
        refused with the reason."""
        entry = self.catalog.catalog().covering(parse_slug("recipient", slug))
        if entry.status == "exited":
            raise BorradorError(
                f"{entry.name} stopped operating on {entry.status_date}; "
                "there is no one to send a request to."
            )
        if entry.kind == "broker" and not entry.channels:
            raise BorradorError(
                f"{entry.name} has no consumer opt-out or contact that we know of, "
                "so no letter can be sent.",
                hint=f"See 'borrador brokers show {entry.slug}' for what helps instead.",
            )
        escalation = kind in (Kind.FOLLOW_UP, Kind.COMPLAINT)
        if not escalation and (kind is Kind.RECORDS) != (entry.kind == "agency"):
            raise ValidationError(
                "kind",
                f"a {kind} request cannot go to {entry.name} (a {entry.kind}): public-records "
                "requests go to agencies, the other kinds to brokers",
            )
        return entry.slug

    def _new_request(
        self,
        person_id: int,
        recipient: str,
        kind: str,
        legal_basis: str,
        channel: str | None,
        notes: str,
    ) -> Request:
        request_kind = parse_enum("kind", kind, Kind)
        return Request(
            person_id=person_id,
            recipient=self.resolve_recipient(recipient, request_kind),
            kind=request_kind,
            legal_basis=clean_text("legal_basis", legal_basis, max_len=40),
            channel=parse_enum("channel", channel, Channel) if channel else None,
            created_on=self.clock.today(),
            notes=clean_text("notes", notes, max_len=5000, multiline=True),
        )

    def create_requests(
        self,
        person_id: int,
        recipients: list[str],
        kind: str,
        *,
        legal_basis: str = "",
        channel: str | None = None,
        notes: str = "",
    ) -> list[Request]:
        """Draft one request per recipient for a person, all or none."""
        self.people.get(person_id)
        drafts = [
            self._new_request(person_id, r, kind, legal_basis, channel, notes) for r in recipients
        ]
        return self.requests.add_many(drafts, self.clock.now())

    def create_request(self, person_id: int, recipient: str, kind: str, **options: Any) -> Request:
        return self.create_requests(person_id, [recipient], kind, **options)[0]

    def change_status(
        self, request_id: int, status: str, *, on: dt.date | None = None, note: str = ""
    ) -> Request:
        """Move a request to `status` on date `on` (default today), recording an event."""
        new = parse_enum("status", status, Status)
        when = on or self.clock.today()
        if when > self.clock.today():
            raise ValidationError("on", f"{when} is in the future; record things once they happen")
        before = self.requests.get(request_id)
        changes = [e.on for e in self.requests.events(request_id) if e.from_status is not None]
        event = apply_transition(before, new, when, note, not_before=max(changes, default=None))
        return self.requests.save_change(
            before, with_status(before, event), event, self.clock.now()
        )

    def get_request(self, request_id: int) -> Request:
        return self.requests.get(request_id)

    def list_requests(self, person_id: int | None = None) -> list[Request]:
        if person_id is not None:
            self.people.get(person_id)
        return self.requests.find(person_id)

    def list_requests_json(self, person_id: int | None = None) -> list[str]:
        """The same list as JSON texts with the documented keys (fast path for --json)."""
        if person_id is not None:
            self.people.get(person_id)
        return self.requests.find_json(person_id)

    def request_events(self, request_id: int) -> list[Event]:
        self.requests.get(request_id)
        return self.requests.events(request_id)

    def import_registry(self, path: Path, state: str | None = None) -> ImportReport:
        return self.catalog.import_registry(path, state, self.clock.today(), self.clock.now())

    def summary(self) -> Summary:
        return Summary(self.people.count(), self.requests.count_by_status())

    # -- keys -----------------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str, params: KdfParams | None = None) -> None:
        self.key_file.change_passphrase(old, new, params)

    def remember_on_device(self, passphrase: str) -> None:
        self.key_file.remember(self.key_file.unlock(passphrase))

    def forget_on_device(self) -> None:
        self.key_file.forget()
