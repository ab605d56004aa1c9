"""A Session: an unlocked store, and the services the front ends call, composed.

The Session owns the database, the repositories and the clock, and hands each service only
the collaborators it uses. No service holds the Session or inherits another. Services are
built on first use, so a quick command such as `requests list --json` loads only what it
needs (start-up time is most of what a CLI command costs).
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

from borrador.core.requests import CLOSED
from borrador.services.identity import Identity
from borrador.services.keys import KeyService
from borrador.services.preferences import Preferences
from borrador.storage.people_repo import PeopleRepo
from borrador.storage.requests_repo import RequestsRepo
from borrador.storage.scorecard_repo import ScorecardRepo
from borrador.storage.settings_repo import SettingsRepo

if TYPE_CHECKING:
    from borrador.home.lock import StoreLock
    from borrador.home.paths import Paths
    from borrador.keys import KeyFile
    from borrador.services.catalog import CatalogService
    from borrador.services.clinic import ClinicService
    from borrador.services.clock import Clock
    from borrador.services.corrections import CorrectionService
    from borrador.services.drop import DropService
    from borrador.services.exports import ExportService
    from borrador.services.freezes import FreezeService
    from borrador.services.handoff import HandoffService
    from borrador.services.letters import LetterService
    from borrador.services.listings import ListingsService
    from borrador.services.mail import MailService
    from borrador.services.people import PeopleService
    from borrador.services.profile import OrganisationProfile
    from borrador.services.progress import ProgressService
    from borrador.services.registry_imports import RegistryImports
    from borrador.services.replies import ReplyService
    from borrador.services.reports import ReportService
    from borrador.services.requests import RequestService
    from borrador.services.safety import SafetyService
    from borrador.services.scorecard import ScorecardService
    from borrador.services.tracking import Tracking
    from borrador.storage.db import Database
    from borrador.storage.drop_repo import DropRepo
    from borrador.storage.freeze_repo import FreezeRepo
    from borrador.storage.listings_repo import ListingsRepo
    from borrador.storage.registry_repo import RegistryRepo
    from borrador.storage.replies_repo import RepliesRepo
    from borrador.storage.reports_repo import ReportsRepo
    from borrador.storage.scorecard_repo import ScorecardRepo


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


class Repositories:
    def __init__(self, db: Database, identity: Identity) -> None:
        self.db = db
        self.people = PeopleRepo(db)
        self.requests = RequestsRepo(db, actor=identity)
        self.settings = SettingsRepo(db)

    @functools.cached_property
    def registry(self) -> RegistryRepo:
        from borrador.storage.registry_repo import RegistryRepo

        return RegistryRepo(self.db)

    @functools.cached_property
    def reports(self) -> ReportsRepo:
        from borrador.storage.reports_repo import ReportsRepo

        return ReportsRepo(self.db)

    @functools.cached_property
    def drop(self) -> DropRepo:
        from borrador.storage.drop_repo import DropRepo

        return DropRepo(self.db)

    @functools.cached_property
    def freezes(self) -> FreezeRepo:
        from borrador.storage.freeze_repo import FreezeRepo

        return FreezeRepo(self.db)

    @functools.cached_property
    def listings(self) -> ListingsRepo:
        from borrador.storage.listings_repo import ListingsRepo

        return ListingsRepo(self.db)

    @functools.cached_property
    def scorecard(self) -> ScorecardRepo:
        from borrador.storage.scorecard_repo import ScorecardRepo

        return ScorecardRepo(self.db)

    @functools.cached_property
    def replies(self) -> RepliesRepo:
        from borrador.storage.replies_repo import RepliesRepo

        return RepliesRepo(self.db)


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
        self.store_lock: StoreLock | None = None  # held while open: restore waits for it
        self.identity = Identity()  # the volunteer who unlocked (clinic mode); "" alone
        self.preferences = preferences or Preferences(paths.config)
        self.repos = Repositories(db, self.identity)
        self.keys = KeyService(key_file, db, data_key)

    @property
    def key_file(self) -> KeyFile:
        return self.keys.key_file

    @property
    def actor(self) -> str:
        return self.identity.name

    # -- the services, each built once with only what it uses ---------------------------
    @functools.cached_property
    def catalog(self) -> CatalogService:
        from borrador.services.catalog import CatalogService

        return CatalogService(self.repos.registry)

    @functools.cached_property
    def registry(self) -> RegistryImports:
        from borrador.services.registry_imports import RegistryImports

        return RegistryImports(self.catalog, self.clock)

    @functools.cached_property
    def profile(self) -> OrganisationProfile:
        from borrador.services.profile import OrganisationProfile

        return OrganisationProfile(self.repos.settings)

    @functools.cached_property
    def people(self) -> PeopleService:
        from borrador.services.people import PeopleService

        return PeopleService(self.repos.people, self.clock)

    @functools.cached_property
    def tracking(self) -> Tracking:
        from borrador.services.tracking import Tracking

        return Tracking(self.catalog, self.repos.requests, self.repos.people, self.clock,
                        self.preferences)  # fmt: skip

    @functools.cached_property
    def requests(self) -> RequestService:
        from borrador.services.requests import RequestService

        return RequestService(self.repos.people, self.repos.requests, self.catalog,
                              self.tracking, self.clock)  # fmt: skip

    @functools.cached_property
    def clinic(self) -> ClinicService:
        from borrador.services.clinic import ClinicService

        return ClinicService(self.paths, self.keys, self.repos.settings, self.repos.people,
                             self.repos.requests, self.profile, self.identity,
                             self.clock)  # fmt: skip

    @functools.cached_property
    def letters(self) -> LetterService:
        from borrador.services.letters import LetterService

        return LetterService(self.paths, self.repos.people, self.requests, self.repos.requests,
                             self.catalog, self.tracking, self.clock,
                             signer=self.clinic)  # fmt: skip

    @functools.cached_property
    def mail(self) -> MailService:
        from borrador.services.mail import MailService

        return MailService(self.repos.settings, self.key_file, self.repos.requests,
                           self.requests, self.catalog, self.clock)  # fmt: skip

    @functools.cached_property
    def progress(self) -> ProgressService:
        from borrador.services.progress import ProgressService

        return ProgressService(self.repos.people, self.repos.requests, self.tracking)

    @functools.cached_property
    def exports(self) -> ExportService:
        from borrador.services.exports import ExportService

        return ExportService(self.requests, self.progress)

    @functools.cached_property
    def reports(self) -> ReportService:
        from borrador.services.reports import ReportService

        return ReportService(self.repos.people, self.requests, self.catalog, self.tracking,
                             self.profile, self.identity, self.clock)  # fmt: skip

    @functools.cached_property
    def handoff(self) -> HandoffService:
        from borrador.services.handoff import HandoffService

        return HandoffService(self.paths, self.db, self.people)

    @functools.cached_property
    def safety(self) -> SafetyService:
        from borrador.services.safety import SafetyService

        return SafetyService(self.paths, self.db, self.keys, self.repos.people,
                             self.repos.requests, self.clock)  # fmt: skip

    @functools.cached_property
    def corrections(self) -> CorrectionService:
        from borrador.services.corrections import CorrectionService

        return CorrectionService(self.paths, self.repos.reports, self.repos.requests,
                                 self.catalog, self.clock)  # fmt: skip

    @functools.cached_property
    def drop(self) -> DropService:
        from borrador.services.drop import DropService

        return DropService(self.repos.people, self.repos.drop, self.catalog, self.clock)

    @functools.cached_property
    def freezes(self) -> FreezeService:
        from borrador.services.freezes import FreezeService

        return FreezeService(self.requests, self.repos.freezes, self.catalog, self.clock)

    @functools.cached_property
    def listings(self) -> ListingsService:
        from borrador.services.listings import ListingsService

        return ListingsService(self.repos.people, self.repos.listings, self.requests,
                               self.catalog, self.clock)  # fmt: skip

    @functools.cached_property
    def scorecard(self) -> ScorecardService:
        from borrador.services.scorecard import ScorecardService

        return ScorecardService(self.repos.scorecard, self.tracking, self.catalog, self.clock)

    @functools.cached_property
    def replies(self) -> ReplyService:
        from borrador.keys.keyring_policy import imap_keyring_user
        from borrador.services.replies import ReplyService

        return ReplyService(self.repos.replies, self.repos.requests, self.repos.people,
                            self.repos.settings, self.catalog, self.requests, self.clock,
                            keyring_user=imap_keyring_user(self.key_file.file_id))  # fmt: skip

    # -- the store ------------------------------------------------------------------------
    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        if self.store_lock is not None:
            self.store_lock.close()
            self.store_lock = None
        if self.store_lock is not None:
            self.store_lock.close()
            self.store_lock = None

    def check_still_open(self) -> None:
        """Raise StoreError when the data no longer opens under this session's key (another
        window re-encrypted it when a volunteer was removed there)."""
        self.db.query("SELECT count(*) FROM sqlite_master")

    def summary(self) -> Summary:
        return Summary(self.repos.people.count(), self.repos.requests.count_by_status())
