"""Numbered schema migrations, tracked in PRAGMA user_version, each in one transaction.

Never edit a migration that has shipped: add the next number. A database whose version is
newer than this list was made by a newer Borrador and is refused, not guessed at.
"""

from __future__ import annotations

from borrador.core.errors import N_, StoreError
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
    9: (
        # Replies that arrived by email, kept as evidence. request_id is NULL until the reply
        # is matched or assigned; `state` is new, accepted or dismissed (text then erased).
        """CREATE TABLE replies (
            id INTEGER PRIMARY KEY,
            request_id INTEGER REFERENCES requests(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL UNIQUE,
            message_id TEXT NOT NULL DEFAULT '',
            from_name TEXT NOT NULL DEFAULT '',
            from_address TEXT NOT NULL DEFAULT '',
            sent_at TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            headers TEXT NOT NULL DEFAULT '{}',
            confidence REAL NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            suggested TEXT NOT NULL DEFAULT '',
            suggestion TEXT NOT NULL DEFAULT '{}',
            state TEXT NOT NULL DEFAULT 'new',
            source TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL)""",
        "CREATE INDEX replies_by_request ON replies(request_id, id)",
        """CREATE TABLE reply_attachments (
            id INTEGER PRIMARY KEY,
            reply_id INTEGER NOT NULL REFERENCES replies(id) ON DELETE CASCADE,
            filename TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            data BLOB)""",
    ),
    10: (
        # California DROP filings: which kinds of identifier were given, and the identifiers
        # themselves only when the person chose to keep them here.
        """CREATE TABLE drop_filings (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            filed_on TEXT NOT NULL,
            drop_id TEXT NOT NULL DEFAULT '',
            identifiers TEXT NOT NULL DEFAULT '{}',
            kept_values TEXT NOT NULL DEFAULT '{}',
            recorded_at TEXT NOT NULL)""",
        """CREATE TABLE drop_outcomes (
            id INTEGER PRIMARY KEY,
            filing_id INTEGER NOT NULL REFERENCES drop_filings(id) ON DELETE CASCADE,
            broker TEXT NOT NULL,
            outcome TEXT NOT NULL,
            on_date TEXT NOT NULL,
            recorded_at TEXT NOT NULL)""",
        "CREATE INDEX drop_filings_by_person ON drop_filings(person_id, id)",
        "CREATE INDEX drop_outcomes_by_filing ON drop_outcomes(filing_id, broker, id)",
        # A security freeze is a request; its PIN and its thaws and lifts hang off it.
        """CREATE TABLE freezes (
            request_id INTEGER PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
            pin TEXT NOT NULL DEFAULT '',
            expires_on TEXT,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE freeze_changes (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            on_date TEXT NOT NULL,
            until_date TEXT,
            recorded_at TEXT NOT NULL)""",
        # Evidence (a screenshot or PDF) lives here, never as a loose file.
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            data BLOB NOT NULL,
            added_at TEXT NOT NULL)""",
        """CREATE TABLE listing_checks (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            broker TEXT NOT NULL,
            result TEXT NOT NULL,
            on_date TEXT NOT NULL,
            request_id INTEGER REFERENCES requests(id) ON DELETE SET NULL,
            evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
            note TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL)""",
        "CREATE INDEX listing_checks_by_person ON listing_checks(person_id, broker, id)",
        "CREATE INDEX freeze_changes_by_request ON freeze_changes(request_id, id)",
    ),
    11: (
        # FCRA: a dispute made after a free annual report has 45 days, not 30 (§1681j(a)(3)).
        "ALTER TABLE requests ADD COLUMN after_free_report INTEGER NOT NULL DEFAULT 0",
        # Problems users report with a catalog channel; erased with the request they came from.
        "CREATE TABLE channel_reports ("
        " id INTEGER PRIMARY KEY,"
        " request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,"
        " recipient TEXT NOT NULL, channel TEXT NOT NULL, target TEXT NOT NULL,"
        " problem TEXT NOT NULL, reported_on TEXT NOT NULL, note TEXT NOT NULL DEFAULT '')",
        "CREATE INDEX channel_reports_recipient ON channel_reports(recipient)",
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
            N_(
                "this database has schema version {current}, newer than this Borrador knows "
                "({latest})."
            ),
            hint=N_("Update Borrador; nothing was changed."),
            current=current,
            latest=LATEST,
        )
    for version in range(current + 1, target + 1):
        with db.write() as conn:
            # Re-read inside the lock: another process may have migrated meanwhile.
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= version:
                continue
            for statement in MIGRATIONS.get(version, ()):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
    return schema_version(db)
