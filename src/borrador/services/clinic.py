"""Clinic mode: volunteers with their own passphrases, acting as residents' authorised agents.

Someone using Borrador alone never turns this on and never sees it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from pathlib import Path

from borrador.core.errors import BorradorError, ValidationError
from borrador.core.requests import Event, Request, Status
from borrador.home.paths import Paths
from borrador.keys import KEY_BYTES, KdfParams
from borrador.letters.context import Agent
from borrador.services.mail import MailUseCases
from borrador.storage.db import Database

NAMES_KEY = "volunteers"


@dataclasses.dataclass(frozen=True)
class ResidentProgress:
    person_id: int
    name: str
    requests: int
    open: int
    done: int
    unauthorised: int  # agent requests without a recorded signed authorisation
    volunteers: tuple[str, ...]


class ClinicUseCases(MailUseCases):
    """Mixed into Session, which provides `db`, `actor`, `_data_key` and the repositories."""

    paths: Paths
    db: Database
    actor: str
    _data_key: bytes

    @property
    def clinic_on(self) -> bool:
        return bool(self.key_file.volunteer_slots)

    # Names by slot id, in the encrypted database (the key file holds only random ids).
    def _names(self) -> dict[str, str]:
        return dict(self.settings.get(NAMES_KEY) or {})

    def volunteers(self) -> list[str]:
        names = self._names()
        return [names.get(slot, f"volunteer {slot[:6]}") for slot in self.key_file.volunteer_slots]

    def identify(self, slot_id: str) -> None:
        """After unlocking: record events against the volunteer whose slot opened the data."""
        if slot_id:
            self._set_actor(self._names().get(slot_id, f"volunteer {slot_id[:6]}"))

    def enable_clinic(
        self, passphrase: str, volunteer: str, params: KdfParams | None = None
    ) -> None:
        """Turn the owner's passphrase into the first volunteer's. "Remember on this device"
        is turned off: on a shared laptop every volunteer must say who they are."""
        name = _volunteer_name(volunteer)
        if self.organisation() is None:
            raise BorradorError(
                "the clinic's details are needed first: they sign the letters.",
                hint="Run 'borrador clinic profile --name …' (or Settings in the app).",
            )
        if self.clinic_on:
            raise BorradorError("clinic mode is already on.")
        slot_id = secrets.token_hex(8)
        self.settings.put(NAMES_KEY, {slot_id: name})  # first: a slot never lacks its name
        self.key_file.forget()
        self.key_file.enable_clinic(passphrase, slot_id, params)
        self._set_actor(name)

    def add_volunteer(self, name: str, passphrase: str, params: KdfParams | None = None) -> None:
        """Needs an unlocked session: only someone who can open the data adds a volunteer."""
        name = _volunteer_name(name)
        if not self.clinic_on:
            raise BorradorError("clinic mode is off.", hint="Turn it on: borrador clinic enable.")
        if name in self.volunteers():
            raise BorradorError(f"there is already a volunteer called {name!r}.")
        slot_id = secrets.token_hex(8)
        self.settings.put(NAMES_KEY, self._names() | {slot_id: name})
        self.key_file.add_volunteer(self._data_key, slot_id, passphrase, params)

    def remove_volunteer(self, name: str) -> list[Path]:
        """Drop the volunteer's slot and re-key the database with a new data key, so their
        copy of the old key opens nothing written from now on.

        Order matters for crashes: (1) the key file seals old and new keys for everyone who
        stays; (2) SQLCipher re-encrypts every page in one transaction; (3) the old key is
        dropped from the key file. Whatever step a crash stops at, one of the keys opens it."""
        if name == self.actor:
            raise BorradorError("you cannot remove yourself.", hint="Ask another volunteer.")
        slots = [s for s, n in self._names().items() if n == name]
        slot_id = next((s for s in slots if s in self.key_file.volunteer_slots), None)
        if slot_id is None:
            raise BorradorError(f"there is no volunteer called {name!r}.")
        new_key = secrets.token_bytes(KEY_BYTES)
        self.key_file.prepare_rekey(self._data_key, new_key, slot_id)
        self.db.rekey(new_key)
        self._data_key = new_key
        self.key_file.finish_rekey()
        self.settings.put(NAMES_KEY, {s: n for s, n in self._names().items() if s != slot_id})
        return self.old_key_backups()

    def old_key_backups(self) -> list[Path]:
        """Backups made here under the data key, still on disk: after a re-key they open
        with the old key, which the departed volunteer may have. They should be replaced."""
        from borrador.home.written_files import entries

        found = {p for kind, _, p in entries(self.paths) if kind == "backup-same-key"}
        return sorted(p for p in found if p.exists())

    def _set_actor(self, name: str) -> None:
        self.actor = name
        self.requests.actor = name

    def remember_on_device(self, passphrase: str) -> None:
        if self.clinic_on:
            raise BorradorError("in clinic mode each volunteer unlocks with their passphrase.")
        self.key_file.remember(self.key_file.unlock(passphrase))

    # -- acting for residents -----------------------------------------------------------
    def default_agent(self) -> Agent | None:
        return self.clinic_agent()

    def clinic_agent(self) -> Agent | None:
        """In clinic mode the volunteer who unlocked signs as agent for the clinic."""
        if not self.clinic_on:
            return None
        org = self.organisation()
        if org is None:
            raise BorradorError(
                "the clinic's details are missing.", hint="Run 'borrador clinic profile'."
            )
        return dataclasses.replace(
            org, name=self.actor or org.name, organisation=org.organisation or org.name
        )

    def record_authorization(self, person_id: int, signed_on: dt.date) -> list[Request]:
        """The person signed the authorisation on `signed_on`: recorded on each of their
        agent requests that is still open and has none yet."""
        if signed_on > self.clock.today():
            raise ValidationError("date", f"{signed_on} is in the future")
        person = self.people.get(person_id)
        changed = []
        for request in self.requests.find(person.id):
            if not request.agent or request.authorized_on or not request.is_open:
                continue
            after = dataclasses.replace(
                request, authorized_on=signed_on, version=request.version + 1
            )
            event = Event(
                request_id=request.id or 0,
                on=self.clock.today(),
                from_status=request.status,
                to_status=request.status,
                note=f"Signed authorisation of the agent recorded ({signed_on}).",
                detail=(("authorized_on", signed_on.isoformat()),),
            )
            changed.append(self.requests.save_change(request, after, event, self.clock.now()))
        return changed

    def unauthorised(self, request_ids: list[int]) -> list[Request]:
        """Agent requests among these that have no signed authorisation recorded."""
        found = [self.requests.get(i) for i in request_ids]
        return [r for r in found if r.agent and r.authorized_on is None]

    def resident_progress(self) -> list[ResidentProgress]:
        by_person: dict[int, list[Request]] = {}
        for request in self.requests.find():
            by_person.setdefault(request.person_id, []).append(request)
        rows = []
        for person in self.people.all():
            mine = by_person.get(person.id or 0, [])
            done = sum(r.status in (Status.COMPLETED, Status.PARTIALLY_COMPLETED) for r in mine)
            rows.append(
                ResidentProgress(
                    person.id or 0,
                    person.name,
                    len(mine),
                    sum(r.is_open for r in mine),
                    done,
                    sum(bool(r.agent) and r.authorized_on is None and r.is_open for r in mine),
                    tuple(sorted({r.agent for r in mine if r.agent})),
                )
            )
        return rows


def _volunteer_name(text: str) -> str:
    from borrador.core.text import clean_text

    name = clean_text("volunteer", text, max_len=80)
    if not name:
        raise ValidationError("volunteer", "a name is needed", hint="Use the name they sign with.")
    return name
