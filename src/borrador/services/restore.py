"""Restore from a backup, with a journal so that a kill at any point is finished or undone
by the next opening (or the next restore, init or erase), never left half-way.

Steps: check the backup completely in a work folder; write the journal (which files exist
now); set the current files aside (`*.before-restore`); move the backup's files in; check
them; mark the journal done; remove what was set aside; remove the journal. A journal found
"swapping" is rolled back (the set-aside files go back); one found "done" is finished.
Restore refuses while the store is open in another window or command.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from borrador.core.errors import N_, BorradorError, StoreError
from borrador.home.faults import fault_point
from borrador.home.lock import StoreLock
from borrador.home.paths import Paths, ensure_private_dir, open_new_private, write_private_file
from borrador.keys import KeyFile
from borrador.services.leftovers import shred, shred_tree, work_folder_name
from borrador.storage.backup import problems
from borrador.storage.db import Database
from borrador.storage.migrations import LATEST, schema_version

MANIFEST = {"format": "borrador-backup", "version": 1}
MEMBERS = ("manifest.json", "borrador.key", "borrador.db")
MAX_BACKUP = 4 * 1024**3  # the database member, decompressed
MAX_SMALL = 1024 * 1024  # the manifest and the key file
DB_SIDE_FILES = ("", "-wal", "-shm", "-journal")
ASIDE = ".before-restore"
CHUNK = 1024 * 1024


@contextlib.contextmanager
def workspace(paths: Paths) -> Iterator[Path]:
    """A private work folder inside the data folder (same disk, same protection), named
    after this process so that an opening after a kill finds and removes it."""
    ensure_private_dir(paths.root)
    folder = Path(tempfile.mkdtemp(prefix=work_folder_name(), dir=paths.root))
    try:
        yield folder
    finally:
        shred_tree(folder)


def journal_path(paths: Paths) -> Path:
    return paths.root / "restore.journal"


def store_files(paths: Paths) -> list[Path]:
    db = paths.database
    return [*(db.with_name(db.name + s) for s in DB_SIDE_FILES), paths.key_file]


def _aside(path: Path) -> Path:
    return path.with_name(path.name + ASIDE)


def interrupted(paths: Paths) -> bool:
    return journal_path(paths).exists() or any(_aside(p).exists() for p in store_files(paths))


def recover_restore(paths: Paths) -> str:
    """Finish or undo a restore cut short. Returns "", "finished" or "rolled back"."""
    journal = journal_path(paths)
    if not interrupted(paths):
        return ""
    try:
        state = json.loads(journal.read_text("utf-8"))
    except (OSError, ValueError):
        state = {"state": "swapping", "originals": None}
    if not isinstance(state, dict):
        state = {"state": "swapping", "originals": None}
    if state.get("state") == "done":
        for path in store_files(paths):
            shred(_aside(path))
        journal.unlink(missing_ok=True)
        return "finished"
    originals = state.get("originals")
    for path in store_files(paths):
        aside = _aside(path)
        if aside.exists():
            os.replace(aside, path)
        elif isinstance(originals, list) and path.name not in originals:
            path.unlink(missing_ok=True)  # came with the backup (or its check): not ours
    journal.unlink(missing_ok=True)
    return "rolled back"


def _write_journal(paths: Paths, state: dict[str, object]) -> None:
    write_private_file(journal_path(paths), json.dumps(state).encode())


def _copy_member(zf: zipfile.ZipFile, name: str, target: Path, cap: int) -> None:
    """Decompress one member into our own file, streamed, refusing past `cap` bytes."""
    total = 0
    fd = open_new_private(target)
    with zf.open(name) as source, os.fdopen(fd, "wb") as out:
        while chunk := source.read(CHUNK):
            total += len(chunk)
            if total > cap:
                raise BorradorError(
                    N_("its {name} is larger than any Borrador backup holds"), name=name
                )
            out.write(chunk)


def read_backup(archive: Path, work: Path) -> dict[str, object]:
    try:
        with zipfile.ZipFile(archive) as zf:
            names = sorted(zf.namelist())
            if names != sorted(MEMBERS):
                raise BorradorError(
                    N_("{archive}: is not a Borrador backup (it holds {names})."),
                    archive=archive,
                    names=names[:5],
                )
            for name in MEMBERS:  # by name into our own folder: no path from the archive
                cap = MAX_BACKUP if name.endswith(".db") else MAX_SMALL
                _copy_member(zf, name, work / name, cap)
            manifest = json.loads((work / "manifest.json").read_text("utf-8"))
    except BorradorError as exc:
        if str(exc).startswith(str(archive)):
            raise
        raise BorradorError(
            N_("{archive}: cannot be read as a backup ({error})."), archive=archive, error=exc
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError) as exc:
        raise BorradorError(
            N_("{archive}: cannot be read as a backup ({error})."), archive=archive, error=exc
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST["format"]:
        raise BorradorError(N_("{archive}: is not a Borrador backup."), archive=archive)
    return manifest


def restore_backup(paths: Paths, archive: Path, passphrase: str) -> dict[str, object]:
    """Check the backup completely, then swap it in under a journal."""
    recover_restore(paths)
    ensure_private_dir(paths.root)
    lock = StoreLock(paths)
    try:
        if not lock.alone():
            raise StoreError(
                N_(
                    "Borrador has this store open in another window or command; restoring now "
                    "would lose what it writes next. Nothing was changed."
                ),
                hint=N_(
                    "Close the other Borrador (or let its command finish), then restore again."
                ),
            )
        with workspace(paths) as work:
            manifest = _check(archive, work, passphrase)
            _swap(paths, work, passphrase)
    finally:
        lock.close()
    return manifest


def _check(archive: Path, work: Path, passphrase: str) -> dict[str, object]:
    manifest = read_backup(archive, work)
    data_key = KeyFile.load(work / "borrador.key").unlock(passphrase)
    candidate = Database(work / "borrador.db", data_key)
    try:
        found, version = problems(candidate), schema_version(candidate)
    finally:
        candidate.close()
    if found:
        raise StoreError(
            N_("{archive}: the backup is damaged ({detail}); nothing was changed."),
            archive=archive,
            detail=found[0],
        )
    if version > LATEST:
        raise StoreError(
            N_("{archive}: made by a newer Borrador; nothing was changed."), archive=archive
        )
    for side in ("-wal", "-shm"):
        (work / f"borrador.db{side}").unlink(missing_ok=True)
    return manifest


def _swap(paths: Paths, work: Path, passphrase: str) -> None:
    originals = [p.name for p in store_files(paths) if p.exists()]
    _write_journal(paths, {"state": "swapping", "originals": originals})
    fault_point("restore.after-journal")
    for path in store_files(paths):
        if path.exists():
            os.replace(path, _aside(path))
            fault_point("restore.setting-aside")
    os.replace(work / "borrador.db", paths.database)
    fault_point("restore.between-files")
    os.replace(work / "borrador.key", paths.key_file)
    fault_point("restore.after-swap")
    try:
        restored = Database(paths.database, KeyFile.load(paths.key_file).unlock(passphrase))
        try:
            left = problems(restored)
        finally:
            restored.close()
        if left:
            raise StoreError(
                N_("the restored database failed its check ({detail})."), detail=left[0]
            )
    except BaseException:
        recover_restore(paths)
        raise
    _write_journal(paths, {"state": "done", "originals": originals})
    fault_point("restore.after-done")
    recover_restore(paths)
