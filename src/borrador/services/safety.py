"""Backups, restore, panic erase, erasing one person, retention.

A backup is one zip file holding a manifest, a key file (passphrase slots only) and the
SQLCipher database; nothing in it is readable without the passphrase.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import secrets
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from borrador.core.errors import BorradorError, StoreError
from borrador.home.paths import Paths, ensure_private_dir, write_private_file
from borrador.home.written_files import entries as exported
from borrador.home.written_files import person_kind, record
from borrador.keys import KEYRING_SERVICE, KdfParams, KeyFile, keyring_available
from borrador.storage.backup import export_copy, problems
from borrador.storage.db import Database
from borrador.storage.migrations import LATEST, schema_version

if TYPE_CHECKING:
    from borrador.services.clock import Clock
    from borrador.services.keys import KeyService
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.requests_repo import RequestsRepo

MANIFEST = {"format": "borrador-backup", "version": 1}
MEMBERS = ("manifest.json", "borrador.key", "borrador.db")
MAX_BACKUP = 4 * 1024**3
DB_SIDE_FILES = ("", "-wal", "-shm", "-journal")


@contextlib.contextmanager
def _workspace(paths: Paths) -> Iterator[Path]:
    """A private temp folder inside the data folder (same disk, same protection)."""
    ensure_private_dir(paths.root)
    folder = Path(tempfile.mkdtemp(prefix=".work-", dir=paths.root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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

    def erase_person(self, person_id: int) -> int:
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
    gets its own data key and opens only with that passphrase."""
    paths = session.paths
    with _workspace(paths) as work:
        db_copy, key_copy = work / "borrador.db", work / "borrador.key"
        export_copy(session.db, db_copy, session._data_key)
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
            raise StoreError(f"the backup copy failed its check ({found[0]}); nothing was written.")
        manifest = {**MANIFEST, "schema": version, "own_passphrase": backup_passphrase is not None,
                    "created": session.clock.now()}  # fmt: skip
        archive = work / "backup.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest))
            zf.write(key_copy, "borrador.key")
            zf.write(db_copy, "borrador.db")
        write_private_file(target, archive.read_bytes())
    kind = "backup-own-key" if backup_passphrase is not None else "backup-same-key"
    record(paths, target, kind=kind)
    return target


def _read_backup(archive: Path, work: Path) -> dict[str, object]:
    try:
        with zipfile.ZipFile(archive) as zf:
            names = sorted(zf.namelist())
            if names != sorted(MEMBERS):
                raise BorradorError(f"{archive}: is not a Borrador backup (it holds {names[:5]}).")
            if sum(i.file_size for i in zf.infolist()) > MAX_BACKUP:
                raise BorradorError(f"{archive}: is too large to be a Borrador backup.")
            manifest = json.loads(zf.read("manifest.json"))
            for name in MEMBERS[1:]:  # by name into our own folder: no path from the archive
                write_private_file(work / name, zf.read(name))
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        raise BorradorError(f"{archive}: cannot be read as a backup ({exc}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST["format"]:
        raise BorradorError(f"{archive}: is not a Borrador backup.")
    return manifest


def restore_backup(paths: Paths, archive: Path, passphrase: str) -> dict[str, object]:
    """Check the backup completely, then swap it in; the current files are kept until the
    restored database has opened and passed its checks."""
    with _workspace(paths) as work:
        manifest = _read_backup(archive, work)
        data_key = KeyFile.load(work / "borrador.key").unlock(passphrase)
        candidate = Database(work / "borrador.db", data_key)
        found, version = problems(candidate), schema_version(candidate)
        candidate.close()
        if found:
            raise StoreError(f"{archive}: the backup is damaged ({found[0]}); nothing was changed.")
        if version > LATEST:
            raise StoreError(f"{archive}: made by a newer Borrador; nothing was changed.")
        kept = _set_aside(paths)
        try:
            os.replace(work / "borrador.db", paths.database)
            os.replace(work / "borrador.key", paths.key_file)
            restored = Database(paths.database, KeyFile.load(paths.key_file).unlock(passphrase))
            try:
                left = problems(restored)
            finally:
                restored.close()
            if left:
                raise StoreError(f"the restored database failed its check ({left[0]}).")
        except BaseException:
            _put_back(paths, kept)
            raise
        for path in kept:
            path.unlink(missing_ok=True)
    return manifest


def _side_files(database: Path) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in DB_SIDE_FILES]


def _set_aside(paths: Paths) -> list[Path]:
    kept = []
    for path in [*_side_files(paths.database), paths.key_file]:
        if path.exists():
            aside = path.with_name(path.name + ".before-restore")
            os.replace(path, aside)
            kept.append(aside)
    return kept


def _put_back(paths: Paths, kept: list[Path]) -> None:
    for path in _side_files(paths.database):
        path.unlink(missing_ok=True)
    for aside in kept:
        os.replace(aside, aside.with_name(aside.name.removesuffix(".before-restore")))


# -- erasing ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Erased:
    files: int
    seconds: float


def _shred(path: Path) -> bool:
    """Overwrite the start (SQLCipher's salt, the key file) with random bytes, then unlink.
    With the key gone this is crypto-erase; the overwrite makes the file useless even alone."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(secrets.token_bytes(min(size, 64 * 1024)))
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
        return True
    except FileNotFoundError:
        return False


def erase_everything(paths: Paths) -> Erased:
    """Panic erase: every wrapped copy of the data key first, then everything else."""
    start = time.perf_counter()
    count = 0
    file_id = ""
    with contextlib.suppress(BorradorError):
        file_id = KeyFile.load(paths.key_file).file_id
    if file_id and keyring_available():
        import keyring
        from keyring.errors import PasswordDeleteError

        from borrador.keys.keyring_policy import (
            IMAP_SERVICE,
            SMTP_SERVICE,
            imap_keyring_user,
            smtp_keyring_user,
        )

        for service, user in ((KEYRING_SERVICE, f"data-key-wrap-{file_id}"),
                              (SMTP_SERVICE, smtp_keyring_user(file_id)),
                              (IMAP_SERVICE, imap_keyring_user(file_id))):  # fmt: skip
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(service, user)
    count += _shred(paths.key_file)
    for kind, _, path in exported(paths):
        if kind != "backup-own-key":  # backups under their own passphrase hold another key
            count += _shred(path)
    for path in [*_side_files(paths.database), paths.exports_log, paths.config]:
        count += _shred(path)
    if paths.root.exists():
        for leftover in sorted(paths.root.rglob("*"), reverse=True):
            if leftover.is_file():
                count += _shred(leftover)
            elif leftover.is_dir():
                leftover.rmdir()
        with contextlib.suppress(OSError):
            paths.root.rmdir()
    return Erased(count, time.perf_counter() - start)


def erase_person(session: SafetyService, person_id: int) -> int:
    """A person's rows, requests, events and letters, their exported files, and every copy
    left in the write-ahead log. Returns how many requests went with them."""
    person = session.people.get(person_id)
    request_ids = {r.id for r in session.requests.find(person.id)}
    mine = person_kind(person.id or 0)  # sheets, reports, hand-off bundles about them
    for kind, request_id, path in exported(session.paths):
        if request_id in request_ids or kind == mine:
            _shred(path)
    session.people.delete(person_id)
    session.db.checkpoint()
    return len(request_ids)


def retention_candidates(
    session: SafetyService, days: int, today: dt.date
) -> tuple[list[int], list[int]]:
    """Closed requests older than `days`, and the people who would have none left."""
    old = session.requests.closed_before(today - dt.timedelta(days=days))
    return old, session.people.left_without(old)


def purge(session: SafetyService, request_ids: list[int], person_ids: list[int]) -> None:
    session.requests.delete_many(request_ids, person_ids)
    session.db.checkpoint()
