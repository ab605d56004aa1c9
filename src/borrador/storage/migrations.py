"""Numbered schema migrations, tracked in PRAGMA user_version, each in one transaction.

Never edit a migration that has shipped: add the next number. A database whose version is
newer than this list was made by a newer Borrador and is refused, not guessed at.
"""

from __future__ import annotations

from borrador.core.errors import StoreError
from borrador.storage.db import Database

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            other_names TEXT NOT NULL DEFAULT '[]',
            birth_date TEXT,
            state TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            emails TEXT NOT NULL DEFAULT '[]',
            phones TEXT NOT NULL DEFAULT '[]',
            addresses TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            recipient TEXT NOT NULL,
            kind TEXT NOT NULL,
            legal_basis TEXT NOT NULL DEFAULT '',
            channel TEXT,
            status TEXT NOT NULL,
            created_on TEXT NOT NULL,
            sent_on TEXT, received_on TEXT, acknowledged_on TEXT, due_on TEXT,
            extended_due_on TEXT, closed_on TEXT, recheck_on TEXT,
            confirmation TEXT NOT NULL DEFAULT '',
            letter_text TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            on_date TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL)""",
    ),
    2: (
        # The audit trail is append-only; rows go only when their request is erased.
        """CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
           BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
        """CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
           WHEN EXISTS (SELECT 1 FROM requests WHERE id = OLD.request_id)
           BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
        "CREATE INDEX requests_by_person ON requests(person_id, id)",
        "CREATE INDEX events_by_request ON events(request_id, id)",
    ),
    3: (
        # A re-check that finds the person listed again opens a new request linked to the old.
        "ALTER TABLE requests ADD COLUMN parent_id INTEGER "
        "REFERENCES requests(id) ON DELETE SET NULL",
    ),
    4: (
        # Brokers imported from state registries: the user's data, so it lives encrypted here,
        # never in the package. One row per (state, normalised name); re-imports update it.
        """CREATE TABLE registry_entries (
            id INTEGER PRIMARY KEY,
            state TEXT NOT NULL,
            name_key TEXT NOT NULL,
            slug TEXT NOT NULL UNIQUE,
            data TEXT NOT NULL,
            fields TEXT NOT NULL DEFAULT '{}',
            matched_slug TEXT,
            source_file TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (state, name_key))""",
    ),
    5: (
        # Structured facts of an event (denial reason, exemption, new due date, receipt date).
        "ALTER TABLE events ADD COLUMN detail TEXT NOT NULL DEFAULT '{}'",
    ),
    6: (
        # Preferences that are personal (the mail account, sender details): kept encrypted.
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Email delivery: the Message-ID is stored before sending, the sent message after.
        "ALTER TABLE requests ADD COLUMN message_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE requests ADD COLUMN sent_message TEXT NOT NULL DEFAULT ''",
    ),
    7: (
        # Clinic mode: who acted as authorised agent, and when the person signed for it.
        "ALTER TABLE requests ADD COLUMN agent TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE requests ADD COLUMN authorized_on TEXT",
    ),
    8: (
        # Registry import, second version. A file's column names are kept once per layout and
        # each row's cells as a list in that order (600 rows no longer repeat 77 headers each);
        # one row may match several curated entries (' a b ', so a slug is found with instr);
        # a digest of what was read lets a re-import skip unchanged rows without reading them.
        """CREATE TABLE registry_layouts (
            id INTEGER PRIMARY KEY,
            headers TEXT NOT NULL UNIQUE)""",
        "ALTER TABLE registry_entries ADD COLUMN layout_id INTEGER REFERENCES registry_layouts(id)",
        "ALTER TABLE registry_entries ADD COLUMN matched_slugs TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE registry_entries ADD COLUMN digest TEXT NOT NULL DEFAULT ''",
        "UPDATE registry_entries SET matched_slugs = ' ' || matched_slug || ' '"
        " WHERE matched_slug IS NOT NULL",
    ),
}

LATEST = max(MIGRATIONS)


def schema_version(db: Database) -> int:
    return int(db.conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, target: int = LATEST) -> int:
    """Bring the schema to `target`, one transaction per step. Returns the final version."""
    current = schema_version(db)
    if current > LATEST:
        raise StoreError(
            f"this database has schema version {current}, newer than this Borrador knows "
            f"({LATEST}).",
            hint="Update Borrador; nothing was changed.",
        )
    for version in range(current + 1, target + 1):
        with db.write() as conn:
            # Re-read inside the lock: another process may have migrated meanwhile.
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= version:
                continue
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
    return schema_version(db)
