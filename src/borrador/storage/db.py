"""The one place that opens the database: key, pragmas (set and checked), write transactions."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from borrador.core.errors import N_, StoreError
from borrador.home.paths import create_private_file, ensure_private_dir

BUSY_TIMEOUT_MS = 10_000

# (pragma, value to set, value expected when read back)
_PRAGMAS: tuple[tuple[str, str, object], ...] = (
    ("journal_mode", "WAL", "wal"),
    ("foreign_keys", "ON", 1),
    ("busy_timeout", str(BUSY_TIMEOUT_MS), BUSY_TIMEOUT_MS),
    ("secure_delete", "ON", 1),
    ("temp_store", "MEMORY", 2),
    ("synchronous", "FULL", 2),
)

DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


@contextlib.contextmanager
def _key_changed_elsewhere() -> Iterator[None]:
    """Another Borrador re-keyed the database while this one had it open (a volunteer was
    removed): its pages no longer decrypt here, and SQLCipher refuses every write."""
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        if "file is not a database" not in str(exc):
            raise
        raise StoreError(
            N_(
                "the data was re-encrypted elsewhere (a volunteer was removed) or is damaged; "
                "nothing was changed here."
            ),
            hint=N_("Close Borrador and open it again with your passphrase."),
        ) from None


class Database:
    """An open, unlocked connection. Reads run directly; writes go through `write()`."""

    def __init__(self, path: Path, data_key: bytes, *, create: bool = False) -> None:
        self.path = path
        if not path.exists():
            if not create:
                raise StoreError(
                    N_("there is no database at {path}."),
                    hint=N_("Run 'borrador init' first, or check BORRADOR_HOME."),
                    path=path,
                )
            ensure_private_dir(path.parent)
            create_private_file(path)
        # One connection, usable from the UI's worker threads too; the lock keeps one
        # thread's transaction from interleaving with another's statements.
        self.conn: Any = sqlcipher3.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        self._lock = threading.RLock()
        self._depth = 0  # write transactions open on this connection (nested: savepoints)
        try:
            self._unlock(data_key)
            self._set_pragmas()
        except BaseException:
            self.conn.close()
            raise

    def _unlock(self, data_key: bytes) -> None:
        if len(data_key) != 32:
            raise StoreError(N_("the database key has the wrong length."))
        # SQLCipher would print its own diagnostics on a damaged file; we report it ourselves.
        self.conn.execute("PRAGMA cipher_log_level = NONE")
        # A raw key: SQLCipher skips its own KDF; our key file already did the slow part.
        self.conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise StoreError(
                N_(
                    "the database {path} cannot be opened with this key: the key file "
                    "belongs to another database, or the database is damaged."
                ),
                hint=N_("Nothing was changed. Restore both from a backup: borrador restore FILE."),
                path=self.path,
            ) from None

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt every page under `new_key` in one transaction (SQLCipher's rekey), then
        fold the log into the main file so no page under the old key is left behind."""
        if len(new_key) != 32:
            raise StoreError(N_("the new database key has the wrong length."))
        with self._lock:
            self.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        self.checkpoint()

    def _set_pragmas(self) -> None:
        for name, value, expected in _PRAGMAS:
            self.conn.execute(f"PRAGMA {name} = {value}")
            actual = self.conn.execute(f"PRAGMA {name}").fetchone()[0]
            if str(actual).lower() != str(expected).lower():
                raise StoreError(
                    N_("the database refused PRAGMA {name}={value} (got {actual!r})."),
                    name=name,
                    value=value,
                    actual=actual,
                )

    @contextlib.contextmanager
    def write(self) -> Iterator[Any]:
        """One write transaction, taken with BEGIN IMMEDIATE so writers queue, never deadlock.
        Inside another (same thread) it is a savepoint: the outer one commits or undoes all."""
        with self._lock, _key_changed_elsewhere():
            if self._depth:
                yield from self._savepoint()
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                raise StoreError(
                    N_(
                        "another Borrador kept the store busy for over {seconds} s "
                        "(a long batch of letters, a backup); nothing was changed here."
                    ),
                    hint=N_("Try again when it has finished."),
                    seconds=BUSY_TIMEOUT_MS // 1000,
                ) from None
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                with contextlib.suppress(sqlcipher3.DatabaseError):
                    self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth -= 1
            self.conn.execute("COMMIT")

    def _savepoint(self) -> Iterator[Any]:
        name = f"inner{self._depth}"
        self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            raise
        finally:
            self._depth -= 1
        self.conn.execute(f"RELEASE {name}")

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        with self._lock, _key_changed_elsewhere():
            return list(self.conn.execute(sql, params).fetchall())

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database and empty it (no old copies left)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.conn.close()


def is_sqlite_error(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.Error | sqlite3.Error)
