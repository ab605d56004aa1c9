"""A Session: an unlocked store and the use cases on people and requests."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from borrador.core.people import Person, parse_person
from borrador.core.requests import (
    Event,
    Request,
)
from borrador.home.paths import Paths
from borrador.keys import KdfParams, KeyFile
from borrador.services.catalog import CatalogService, ImportReport
from borrador.services.clinic import ClinicUseCases
from borrador.services.clock import Clock
from borrador.services.tracking import Tracking
from borrador.storage.db import Database
from borrador.storage.people_repo import PeopleRepo
from borrador.storage.registry_repo import RegistryRepo
from borrador.storage.requests_repo import RequestsRepo
from borrador.storage.settings_repo import SettingsRepo


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


class Session(ClinicUseCases):
    def __init__(self, paths: Paths, db: Database, key_file: KeyFile, clock: Clock,
                 data_key: bytes = b"") -> None:  # fmt: skip
        self.paths = paths
        self.actor = ""  # the volunteer who unlocked (clinic mode); "" for one person
        self._data_key = data_key  # memory only: backups re-encrypt under it
        self.warnings: list[str] = []  # things the front end should say on opening
        self.db = db
        self.key_file = key_file
        self.clock = clock
        self.people = PeopleRepo(db)
        self.requests = RequestsRepo(db)
        self.catalog = CatalogService(RegistryRepo(db))
        self.tracking = Tracking(self)
        self.settings = SettingsRepo(db)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- people -------------------------------------------------------------------------
    def _parse(self, data: Mapping[str, Any]) -> Person:
        return parse_person(data, today=self.clock.today(), normalise_email=normalise_email)

    def check_person(self, data: Mapping[str, Any]) -> Person:
        """Validate without storing (imported data gets the same checks as typed data)."""
        return self._parse(data)

    def add_person(self, data: Mapping[str, Any]) -> Person:
        return self.people.add(self._parse(data), self.clock.now())

    def edit_person(self, person_id: int, data: Mapping[str, Any]) -> Person:
        return self.people.update(person_id, self._parse(data), self.clock.now())

    def get_person(self, person_id: int) -> Person:
        return self.people.get(person_id)

    def list_people(self) -> list[Person]:
        return self.people.all()

    # -- requests: drafting and status changes live in RequestUseCases --------------------
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

    def forget_on_device(self) -> None:
        self.key_file.forget()
