"""Consistent encrypted copies of the database, and checks that a database is whole."""

from __future__ import annotations

from pathlib import Path

from borrador.home.paths import create_private_file
from borrador.storage.db import Database, DatabaseError
from borrador.storage.migrations import schema_version


def export_copy(db: Database, target: Path, data_key: bytes) -> None:
    """Copy everything into a new SQLCipher file under `data_key`, inside one read
    transaction: a consistent snapshot even while another process writes (WAL)."""
    create_private_file(target)
    version = schema_version(db)
    conn = db.conn
    conn.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{data_key.hex()}'\"", (str(target),))
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT sqlcipher_export('backup')")
        conn.execute(f"PRAGMA backup.user_version = {version}")  # not copied by the export
        conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE backup")


def problems(db: Database) -> list[str]:
    """Every page's authentication code, then SQLite's own structure check."""
    try:
        found = [str(row[0]) for row in db.query("PRAGMA cipher_integrity_check")]
        rows = db.query("PRAGMA integrity_check")
    except DatabaseError as exc:  # so damaged that the checks themselves cannot run
        return [f"unreadable ({exc})"]
    return found + [str(row[0]) for row in rows if str(row[0]) != "ok"]
