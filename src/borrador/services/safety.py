"""Backups, panic erase, erasing one person, retention. (Restore: services.restore.)

A backup is one zip file holding a manifest, a key file (passphrase slots only) and the
SQLCipher database; nothing in it is readable without the passphrase.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import secrets
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from borrador.core.errors import N_, BorradorError, StoreError
from borrador.home.faults import fault_point
from borrador.home.paths import Paths, temp_name, write_private_stream
from borrador.home.written_files import record, rewrite, written
from borrador.keys import KEYRING_SERVICE, KdfParams, KeyFile
from borrador.services.leftovers import remove_leftovers, shred, shred_tree
from borrador.services.restore import MANIFEST, MEMBERS, restore_backup, store_files, workspace
from borrador.storage.backup import export_copy, problems
from borrador.storage.db import Database
from borrador.storage.migrations import schema_version

if TYPE_CHECKING:
    from borrador.services.clock import Clock
    from borrador.services.keys import KeyService
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.requests_repo import RequestsRepo

__all__ = ["MEMBERS", "Erased", "PersonErased", "SafetyService", "erase_everything",
           "restore_backup"]  # fmt: skip


@dataclasses.dataclass(frozen=True)
class PersonErased:
    """What erasing one person removed, and what the user must hear about."""

    requests: int
    files: int
    shared: tuple[Path, ...] = ()  # files with other people's data too, removed whole
    backups: tuple[Path, ...] = ()  # encrypted backups that still hold the person


class SafetyService:
    """Backups, erasing one person and retention, on the unlocked store. (Restore and panic
    erase work without unlocking: they are the module's functions.)"""

    def __init__(
        self,
        paths: Paths,
        db: Database,
        keys: KeyService,
        people: PeopleRepo,
        requests: RequestsRepo,
        clock: Clock,
    ) -> None:
        self.paths = paths
        self.db = db
        self.keys = keys
        self.people = people
        self.requests = requests
        self.clock = clock

    @property
    def key_file(self) -> KeyFile:
        return self.keys.key_file

    @property
    def _data_key(self) -> bytes:
        return self.keys.data_key

    def backup(
        self,
        target: Path,
        *,
        backup_passphrase: str | None = None,
        kdf: KdfParams | None = None,
    ) -> Path:
        return make_backup(self, target, backup_passphrase=backup_passphrase, kdf=kdf)

    def erase_person(self, person_id: int) -> PersonErased:
        return erase_person(self, person_id)

    def retention_candidates(self, days: int) -> tuple[list[int], list[int]]:
        return retention_candidates(self, days, self.clock.today())

    def purge(self, request_ids: list[int], person_ids: list[int]) -> None:
        purge(self, request_ids, person_ids)


def make_backup(
    session: SafetyService,
    target: Path,
    *,
    backup_passphrase: str | None = None,
    kdf: KdfParams | None = None,
) -> Path:
    """Write an encrypted, verified backup to `target`. With `backup_passphrase`, the copy
    gets its own data key and opens only with that passphrase. The target and its temp name
    are logged before anything is written there; a work folder left by a kill is removed by
    the next opening or erase."""
    paths = session.paths
    with workspace(paths) as work:
        db_copy, key_copy = work / "borrador.db", work / "borrador.key"
        export_copy(session.db, db_copy, session._data_key)
        fault_point("backup.after-copy")
        data_key = session._data_key
        if backup_passphrase is not None:
            data_key = secrets.token_bytes(32)
            copy = Database(db_copy, session._data_key)
            copy.conn.execute(f"PRAGMA rekey = \"x'{data_key.hex()}'\"")
            copy.close()
            KeyFile.wrap(key_copy, backup_passphrase, data_key, kdf)
        else:
            session.key_file.without_keyring(key_copy)
        check = Database(db_copy, data_key)
        found, version = problems(check), schema_version(check)
        check.close()
        if found:
            raise StoreError(
                N_("the backup copy failed its check ({detail}); nothing was written."),
                detail=found[0],
            )
        manifest = {**MANIFEST, "schema": version, "own_passphrase": backup_passphrase is not None,
                    "created": session.clock.now()}  # fmt: skip
        kind = "backup-own-key" if backup_passphrase is not None else "backup-same-key"
        tmp = temp_name(target)
        record(paths, target, kind=kind, person_ids=None, tmp=tmp)

        def fill(out: BinaryIO) -> None:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
                zf.writestr("manifest.json", json.dumps(manifest))
                zf.write(key_copy, "borrador.key")
                fault_point("backup.during-zip")
                zf.write(db_copy, "borrador.db")

        write_private_stream(target, fill, tmp=tmp)
    return target


# -- erasing ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Erased:
    files: int
    seconds: float


def erase_everything(paths: Paths) -> Erased:
    """Panic erase: every wrapped copy of the data key first, then everything else, each file
    overwritten whole. Works without unlocking, and whatever state a kill left."""
    start = time.perf_counter()
    count = 0
    file_id = ""
    with contextlib.suppress(BorradorError):
        file_id = KeyFile.load(paths.key_file).file_id
    if file_id:  # from every keyring that may hold it, encrypting or not
        from borrador.keys.keyring_policy import (
            IMAP_SERVICE,
            SMTP_SERVICE,
            imap_keyring_user,
            keyring_delete_everywhere,
            smtp_keyring_user,
        )

        for service, user in ((KEYRING_SERVICE, f"data-key-wrap-{file_id}"),
                              (SMTP_SERVICE, smtp_keyring_user(file_id)),
                              (IMAP_SERVICE, imap_keyring_user(file_id))):  # fmt: skip
            keyring_delete_everywhere(service, user)
    count += shred(paths.key_file)
    for path in store_files(paths):  # a restore cut short: the set-aside key file too
        count += shred(path.with_name(path.name + ".before-restore"))
    for entry in written(paths):
        if entry.tmp is not None:  # an interrupted write's temp file, whatever its kind
            count += shred(entry.tmp)
        if entry.kind != "backup-own-key":  # backups under their own passphrase hold another key
            count += shred(entry.path)
    for path in [*store_files(paths), paths.exports_log, paths.config]:
        count += shred(path)
    fault_point("erase.after-known-files")
    if paths.root.exists():
        count += shred_tree(paths.root)
    return Erased(count, time.perf_counter() - start)


def erase_person(session: SafetyService, person_id: int) -> PersonErased:
    """A person's rows, requests, events and letters, every file naming them (a file naming
    others too is removed whole and reported), work folders left by a kill, and every copy
    left in the write-ahead log."""
    person = session.people.get(person_id)
    pid = person.id or 0
    request_ids = {r.id or 0 for r in session.requests.find(pid)}
    remove_leftovers(session.paths)
    files, shared, backups, keep = 0, [], [], []
    for entry in written(session.paths):
        names = entry.names(pid) or bool(entry.request_ids & request_ids)
        if entry.kind.startswith("backup-"):
            if entry.path.exists():
                backups.append(entry.path)
            keep.append(entry)
        elif names:
            if entry.path.exists():
                files += shred(entry.path)
                if entry.shared:
                    shared.append(entry.path)
            if entry.tmp is not None:
                shred(entry.tmp)
        else:
            keep.append(entry)
    fault_point("erase-person.after-files")
    session.people.delete(person_id)
    session.db.checkpoint()
    rewrite(session.paths, keep)
    return PersonErased(len(request_ids), files, tuple(dict.fromkeys(shared)),
                        tuple(dict.fromkeys(backups)))  # fmt: skip


def _remove_files_of(paths: Paths, request_ids: set[int], person_ids: set[int]) -> int:
    """Letters (and other files) that belong only to requests, or people, that are gone."""
    count, keep = 0, []
    for entry in written(paths):
        gone = (bool(entry.request_ids) and entry.request_ids <= request_ids) or (
            not entry.anyone and bool(entry.person_ids) and entry.person_ids <= person_ids
        )
        if gone and not entry.kind.startswith("backup-"):
            count += shred(entry.path)
            if entry.tmp is not None:
                shred(entry.tmp)
        else:
            keep.append(entry)
    rewrite(paths, keep)
    return count


def retention_candidates(
    session: SafetyService, days: int, today: dt.date
) -> tuple[list[int], list[int]]:
    """Closed requests older than `days`, and the people who would have none left."""
    old = session.requests.closed_before(today - dt.timedelta(days=days))
    return old, session.people.left_without(old)


def purge(session: SafetyService, request_ids: list[int], person_ids: list[int]) -> None:
    """Delete the requests (and people left with none), then their letters on disk."""
    session.requests.delete_many(request_ids, person_ids)
    session.db.checkpoint()
    _remove_files_of(session.paths, set(request_ids), set(person_ids))
