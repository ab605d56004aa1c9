"""A Session: an unlocked store, and the services the front ends call, composed.

The Session owns the database, the repositories and the clock, and hands each service only
the collaborators it uses. No service holds the Session or inherits another.
"""

from __future__ import annotations

import dataclasses

from borrador.core.requests import CLOSED
from borrador.home.paths import Paths
from borrador.keys import KeyFile
from borrador.services.catalog import CatalogService
from borrador.services.clinic import ClinicService
from borrador.services.clock import Clock
from borrador.services.exports import ExportService
from borrador.services.handoff import HandoffService
from borrador.services.identity import Identity, OrganisationProfile
from borrador.services.keys import KeyService
from borrador.services.letters import LetterService
from borrador.services.mail import MailService
from borrador.services.people import PeopleService
from borrador.services.preferences import Preferences
from borrador.services.progress import ProgressService
from borrador.services.registry_imports import RegistryImports
from borrador.services.reports import ReportService
from borrador.services.requests import RequestService
from borrador.services.safety import SafetyService
from borrador.services.tracking import Tracking
from borrador.storage.db import Database
from borrador.storage.people_repo import PeopleRepo
from borrador.storage.registry_repo import RegistryRepo
from borrador.storage.requests_repo import RequestsRepo
from borrador.storage.settings_repo import SettingsRepo


@dataclasses.dataclass(frozen=True)
class Summary:
    people: int
    requests_by_status: dict[str, int]

    @property
    def requests(self) -> int:
        return sum(self.requests_by_status.values())

    @property
    def open_requests(self) -> int:
        closed = {str(s) for s in CLOSED}
        return sum(n for s, n in self.requests_by_status.items() if s not in closed)


@dataclasses.dataclass(frozen=True)
class Repositories:
    people: PeopleRepo
    requests: RequestsRepo
    settings: SettingsRepo
    registry: RegistryRepo


class Session:
    def __init__(
        self,
        paths: Paths,
        db: Database,
        key_file: KeyFile,
        clock: Clock,
        data_key: bytes = b"",
        preferences: Preferences | None = None,
    ) -> None:
        self.paths = paths
        self.db = db
        self.clock = clock
        self.warnings: list[str] = []  # things the front end should say on opening
        self.identity = Identity()  # the volunteer who unlocked (clinic mode); "" alone
        self.preferences = preferences or Preferences(paths.config)
        repos = self.repos = Repositories(
            people=PeopleRepo(db),
            requests=RequestsRepo(db, actor=self.identity),
            settings=SettingsRepo(db),
            registry=RegistryRepo(db),
        )
        self.keys = KeyService(key_file, db, data_key)
        self.catalog = CatalogService(repos.registry)
        self.registry = RegistryImports(self.catalog, clock)
        self.profile = OrganisationProfile(repos.settings)
        self.people = PeopleService(repos.people, clock)
        self.tracking = Tracking(self.catalog, repos.requests, repos.people, clock,
                                 self.preferences)  # fmt: skip
        self.requests = RequestService(repos.people, repos.requests, self.catalog,
                                       self.tracking, clock)  # fmt: skip
        self.clinic = ClinicService(paths, self.keys, repos.settings, repos.people,
                                    repos.requests, self.profile, self.identity, clock)  # fmt: skip
        self.letters = LetterService(paths, repos.people, self.requests, repos.requests,
                                     self.catalog, self.tracking, clock,
                                     signer=self.clinic)  # fmt: skip
        self.mail = MailService(repos.settings, key_file, repos.requests, self.requests,
                                self.catalog, clock)  # fmt: skip
        self.progress = ProgressService(repos.people, repos.requests, self.tracking)
        self.exports = ExportService(self.requests, self.progress)
        self.reports = ReportService(repos.people, self.requests, self.catalog, self.tracking,
                                     self.profile, self.identity, clock)  # fmt: skip
        self.handoff = HandoffService(paths, db, self.people)
        self.safety = SafetyService(paths, db, self.keys, repos.people, repos.requests, clock)

    @property
    def key_file(self) -> KeyFile:
        return self.keys.key_file

    @property
    def actor(self) -> str:
        return self.identity.name

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def check_still_open(self) -> None:
        """Raise StoreError when the data no longer opens under this session's key (another
        window re-encrypted it when a volunteer was removed there)."""
        self.db.query("SELECT count(*) FROM sqlite_master")

    def summary(self) -> Summary:
        return Summary(self.people.count(), self.repos.requests.count_by_status())
