"""Clinic mode: volunteers with their own passphrases, acting as residents' authorised agents.

Someone using Borrador alone never turns this on and never sees it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from borrador.core.errors import N_, BorradorError, ValidationError
from borrador.core.requests import Event, Request, worded_note
from borrador.keys import KEY_BYTES, KdfParams
from borrador.letters.context import Agent

if TYPE_CHECKING:
    from borrador.home.paths import Paths
    from borrador.services.clock import Clock
    from borrador.services.identity import Identity
    from borrador.services.keys import KeyService
    from borrador.services.profile import OrganisationProfile
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.requests_repo import RequestsRepo
    from borrador.storage.settings_repo import SettingsRepo

NAMES_KEY = "volunteers"


class ClinicService:
    """Volunteers and their key slots, and the agent policy: in clinic mode the volunteer at
    the keyboard signs letters as authorised agent for the clinic."""

    def __init__(
        self,
        paths: Paths,
        keys: KeyService,
        settings: SettingsRepo,
        people: PeopleRepo,
        requests: RequestsRepo,
        profile: OrganisationProfile,
        identity: Identity,
        clock: Clock,
    ) -> None:
        self.paths = paths
        self.keys = keys
        self.key_file = keys.key_file
        self.settings = settings
        self.people = people
        self.requests = requests
        self.profile = profile
        self.identity = identity
        self.clock = clock

    @property
    def on(self) -> bool:
        return self.keys.clinic_on

    @property
    def actor(self) -> str:
        return self.identity.name

    def _names(self) -> dict[str, str]:
        return dict(self.settings.get(NAMES_KEY) or {})

    def volunteers(self) -> list[str]:
        names = self._names()
        return [names.get(slot, f"volunteer {slot[:6]}") for slot in self.key_file.volunteer_slots]

    def identify(self, slot_id: str) -> None:
        """After unlocking: record events against the volunteer whose slot opened the data."""
        if slot_id:
            self._set_actor(self._names().get(slot_id, f"volunteer {slot_id[:6]}"))

    def enable(
        self, passphrase: str, volunteer: str, params: KdfParams | None = None
    ) -> None:
        """Turn the owner's passphrase into the first volunteer's. "Remember on this device"
        is turned off: on a shared laptop every volunteer must say who they are."""
        name = _volunteer_name(volunteer)
        if self.profile.get() is None:
            raise BorradorError(
                N_("the clinic's details are needed first: they sign the letters."),
                hint=N_("Run 'borrador clinic profile --name …' (or Settings in the app)."),
            )
        if self.on:
            raise BorradorError(N_("clinic mode is already on."))
        slot_id = secrets.token_hex(8)
        self.settings.put(NAMES_KEY, {slot_id: name})  # first: a slot never lacks its name
        self.key_file.forget()
        self.key_file.enable_clinic(passphrase, slot_id, params)
        self._set_actor(name)

    def add_volunteer(self, name: str, passphrase: str, params: KdfParams | None = None) -> None:
        """Needs an unlocked session: only someone who can open the data adds a volunteer."""
        name = _volunteer_name(name)
        if not self.on:
            raise BorradorError(N_("clinic mode is off."),
                hint=N_("Turn it on: borrador clinic enable."))
        if name in self.volunteers():
            raise BorradorError(N_("there is already a volunteer called {name!r}."), name=name)
        slot_id = secrets.token_hex(8)
        self.settings.put(NAMES_KEY, self._names() | {slot_id: name})
        self.key_file.add_volunteer(self.keys.data_key, slot_id, passphrase, params)

    def remove_volunteer(self, name: str) -> list[Path]:
        """Drop the volunteer's slot and re-key the database with a new data key, so their
        copy of the old key opens nothing written from now on.

        Order matters for crashes: (1) the key file seals old and new keys for everyone who
        stays; (2) SQLCipher re-encrypts every page in one transaction; (3) the old key is
        dropped from the key file. Whatever step a crash stops at, one of the keys opens it."""
        if name == self.actor:
            raise BorradorError(N_("you cannot remove yourself."),
                hint=N_("Ask another volunteer."))
        slots = [s for s, n in self._names().items() if n == name]
        slot_id = next((s for s in slots if s in self.key_file.volunteer_slots), None)
        if slot_id is None:
            raise BorradorError(N_("there is no volunteer called {name!r}."), name=name)
        self.keys.rekey(secrets.token_bytes(KEY_BYTES), slot_id)
        self.settings.put(NAMES_KEY, {s: n for s, n in self._names().items() if s != slot_id})
        return self.old_key_backups()

    def old_key_backups(self) -> list[Path]:
        """Backups made here under the data key, still on disk: after a re-key they open
        with the old key, which the departed volunteer may have. They should be replaced."""
        from borrador.home.written_files import entries

        found = {p for kind, _, p in entries(self.paths) if kind == "backup-same-key"}
        return sorted(p for p in found if p.exists())

    def _set_actor(self, name: str) -> None:
        self.identity.name = name

    # -- acting for residents -----------------------------------------------------------
    def agent(self) -> Agent | None:
        """In clinic mode the volunteer who unlocked signs as agent for the clinic."""
        if not self.on:
            return None
        org = self.profile.get()
        if org is None:
            raise BorradorError(
                N_("the clinic's details are missing."), hint=N_("Run 'borrador clinic profile'.")
            )
        return dataclasses.replace(
            org, name=self.actor or org.name, organisation=org.organisation or org.name
        )

    def record_authorization(self, person_id: int, signed_on: dt.date) -> list[Request]:
        """The person signed the authorisation on `signed_on`: recorded on each of their
        agent requests that is still open and has none yet."""
        if signed_on > self.clock.today():
            raise ValidationError("date", N_("{signed_on} is in the future"), signed_on=signed_on)
        person = self.people.get(person_id)
        changed = []
        for request in self.requests.find(person.id):
            if not request.agent or request.authorized_on or not request.is_open:
                continue
            after = dataclasses.replace(
                request, authorized_on=signed_on, version=request.version + 1
            )
            note, words = worded_note(
                N_("Signed authorisation of the agent recorded ({signed_on})."),
                signed_on=signed_on)  # fmt: skip
            event = Event(
                request_id=request.id or 0,
                on=self.clock.today(),
                from_status=request.status,
                to_status=request.status,
                note=note,
                detail=(("authorized_on", signed_on.isoformat()), *words),
            )
            changed.append(self.requests.save_change(request, after, event, self.clock.now()))
        return changed

    def unauthorised(self, request_ids: list[int]) -> list[Request]:
        """Agent requests among these that have no signed authorisation recorded."""
        found = [self.requests.get(i) for i in request_ids]
        return [r for r in found if r.agent and r.authorized_on is None]


def _volunteer_name(text: str) -> str:
    from borrador.core.text import clean_text

    name = clean_text("volunteer", text, max_len=80)
    if not name:
        raise ValidationError("volunteer", N_("a name is needed"),
            hint=N_("Use the name they sign with."))
    return name
