"""Creating and unlocking the encrypted store."""

from __future__ import annotations

import os
from collections.abc import Callable

from borrador.core.errors import N_, StoreError
from borrador.home.lock import StoreLock
from borrador.home.paths import ENV_PASSPHRASE, Paths, data_paths, ensure_private_dir
from borrador.keys import KdfParams, KeyFile, check_passphrase
from borrador.services.clock import Clock, SystemClock
from borrador.services.restore import recover_restore
from borrador.services.session import Session
from borrador.storage.db import Database, is_sqlite_error
from borrador.storage.migrations import migrate

__all__ = ["ENV_PASSPHRASE", "Paths", "check_database", "data_paths", "init_store",
           "is_sqlite_error", "open_store", "store_exists"]


def check_database(db: Database) -> list[str]:
    """Every page of the database checked (authentication codes and structure)."""
    from borrador.storage.backup import problems

    return problems(db)


def store_exists(paths: Paths) -> bool:
    return paths.key_file.exists() or paths.database.exists()


def init_store(
    paths: Paths, passphrase: str, *, kdf: KdfParams | None = None, clock: Clock | None = None
) -> Session:
    """Create the key file and the encrypted database; refuses if either exists."""
    recover_restore(paths)  # a restore cut short is undone first: never init over its files
    if store_exists(paths):
        raise StoreError(
            N_("Borrador already has data in {root}; nothing was changed."),
            hint=N_("Use it as it is, or pick another folder with BORRADOR_HOME."), root=paths.root,
        )
    check_passphrase(passphrase)
    ensure_private_dir(paths.root)
    lock = StoreLock(paths)
    lock.shared()
    key_file, data_key = KeyFile.create(paths.key_file, passphrase, kdf)
    try:
        db = Database(paths.database, data_key, create=True)
        migrate(db)
    except BaseException:
        for leftover in (paths.key_file, paths.database):
            leftover.unlink(missing_ok=True)
        lock.close()
        raise
    session = Session(paths, db, key_file, clock or SystemClock(), data_key)
    session.store_lock = lock
    return session


def open_store(
    paths: Paths,
    *,
    passphrase: str | None = None,
    ask: Callable[[], str] | None = None,
    clock: Clock | None = None,
) -> Session:
    """Unlock: the keyring if remembered, else the passphrase given, in the env, or asked."""
    lock = StoreLock(paths) if paths.root.is_dir() else None
    alone = lock.alone() if lock else False
    try:
        if lock and not alone:  # others have it open, or a restore is swapping files: wait
            lock.shared()  # for the restore (shared holders let us in at once)
        session = _open(paths, passphrase, ask, clock, alone)
    except BaseException:
        if lock:
            lock.close()
        raise
    if lock and alone:
        lock.shared()  # from here on, a restore elsewhere refuses while this one is open
    session.store_lock = lock
    return session


def _open(
    paths: Paths,
    passphrase: str | None,
    ask: Callable[[], str] | None,
    clock: Clock | None,
    alone: bool,
) -> Session:
    notes = []
    if alone:  # a restore cut short is finished or undone before anything reads the files
        done = recover_restore(paths)
        if done:
            notes.append(f"a restore was cut short; it was {done}: nothing was lost.")
    if not store_exists(paths):
        raise StoreError(
            N_("there is no Borrador data in {root} yet."),
            hint=N_("Run 'borrador init' to create it."), root=paths.root,
        )
    key_file = KeyFile.load(paths.key_file)
    remembered = key_file.unlock_from_keyring()
    candidates, actor = ([remembered] if remembered is not None else []), ""
    if not candidates:  # in clinic mode always: the passphrase says which volunteer it is
        given = passphrase or os.environ.get(ENV_PASSPHRASE) or (ask() if ask else "")
        if not given:
            raise StoreError(
                N_("a passphrase is needed to open the encrypted store."),
                hint=N_("Run in a terminal to be asked, or set {env_passphrase}."),
                env_passphrase=ENV_PASSPHRASE,
            )
        candidates, actor = key_file.unlock_candidates(given)
    wal_lost = _wal_missing(paths)
    db, data_key = _open_with(paths, candidates)
    try:
        if len(candidates) > 1:  # a re-key was cut short: finish it before anything else
            data_key = _finish_rekey(db, key_file, data_key, candidates[0])
        migrate(db)
    except BaseException:
        db.close()
        raise
    session = Session(paths, db, key_file, clock or SystemClock(), data_key)
    session.clinic.identify(actor)
    if alone:  # nobody else is writing: what an interrupted write left can go
        notes.append(_tidy(session))
    session.warnings.extend(n for n in notes if n)
    if wal_lost:
        session.warnings.append(
            "the database's write-ahead log (borrador.db-wal) was missing after an unclean "
            "stop: the most recent changes may be lost. If you have a recent backup, compare "
            "it, or restore it with 'borrador restore FILE'.")  # fmt: skip
    return session


def _tidy(session: Session) -> str:
    from borrador.services.leftovers import remove_leftovers

    existing: set[int] = set()

    def request_exists(request_id: int) -> bool:  # the ids are read once, and only if needed
        if not existing:
            existing.update(int(row[0]) for row in session.db.query("SELECT id FROM requests"))
            existing.add(-1)  # read, even when there are none
        return request_id in existing

    removed = remove_leftovers(session.paths, request_exists)
    return f"removed {removed} files left by an interrupted write." if removed else ""


def _open_with(paths: Paths, candidates: list[bytes]) -> tuple[Database, bytes]:
    """The database opened with whichever key it has: after a re-key cut short by a crash
    the key file still holds the old key beside the new one."""
    for n, data_key in enumerate(candidates):
        try:
            return Database(paths.database, data_key), data_key
        except StoreError:
            if n == len(candidates) - 1:
                raise
    raise StoreError(N_("no key was found for the database."))


def _finish_rekey(db: Database, key_file: KeyFile, opened_with: bytes, new_key: bytes) -> bytes:
    """The new key must end up the only one: the old one is known to a departed volunteer."""
    if opened_with != new_key:
        db.rekey(new_key)
    else:  # committed in the log; fold it into the main file
        db.checkpoint()
    key_file.finish_rekey()
    return new_key


def _wal_missing(paths: Paths) -> bool:
    """A shared-memory index left by a crash, but no log beside it: someone removed the log."""
    name = paths.database.name
    return (paths.database.with_name(f"{name}-shm").exists()
            and not paths.database.with_name(f"{name}-wal").exists())  # fmt: skip
