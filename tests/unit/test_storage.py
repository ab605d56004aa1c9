"""The connection factory, migrations, append-only events, optimistic concurrency."""

import secrets

import pytest

from borrador.core.errors import StoreError
from borrador.storage.db import Database, IntegrityError
from borrador.storage.migrations import LATEST, MIGRATIONS, migrate, schema_version
from borrador.storage.requests_repo import ConflictError


@pytest.fixture
def raw_db(tmp_path):
    db = Database(tmp_path / "raw.db", secrets.token_bytes(32), create=True)
    yield db
    db.close()


def test_pragmas_are_set_and_checked(session):
    conn = session.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")


def test_migrations_are_numbered_without_gaps():
    assert sorted(MIGRATIONS) == list(range(1, LATEST + 1))


def test_migrate_from_empty(raw_db):
    assert schema_version(raw_db) == 0
    assert migrate(raw_db) == LATEST
    tables = {r[0] for r in raw_db.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"people", "requests", "events"} <= tables


SEED = {
    1: [
        "INSERT INTO people (id, uid, name, created_at, updated_at)"
        " VALUES (1, 'u1', 'Ana', 't', 't')",
        "INSERT INTO requests (id, uid, person_id, recipient, kind, status, created_on, updated_at)"
        " VALUES (1, 'r1', 1, 'acme', 'delete', 'sent', '2026-01-01', 't')",
        "INSERT INTO events (request_id, on_date, to_status, recorded_at)"
        " VALUES (1, '2026-01-01', 'sent', 't')",
    ],
}


@pytest.mark.parametrize(
    ("start", "end"), [(a, b) for a in range(0, LATEST + 1) for b in range(a, LATEST + 1)]
)
def test_migrate_between_every_pair(raw_db, start, end):
    migrate(raw_db, start)
    assert schema_version(raw_db) == start
    if start >= 1:
        with raw_db.write() as conn:
            for statement in SEED[1]:
                conn.execute(statement)
    migrate(raw_db, end)
    assert schema_version(raw_db) == end
    if start >= 1:
        assert raw_db.query("SELECT name FROM people") == [("Ana",)]
        assert raw_db.query("SELECT count(*) FROM events") == [(1,)]
    if end >= 3:
        assert "parent_id" in {r[1] for r in raw_db.query("PRAGMA table_info(requests)")}


def test_failed_migration_leaves_the_old_version(raw_db, monkeypatch):
    migrate(raw_db, 1)
    broken = dict(MIGRATIONS)
    broken[2] = (*MIGRATIONS[2], "THIS IS NOT SQL")
    monkeypatch.setattr("borrador.storage.migrations.MIGRATIONS", broken)
    with pytest.raises(Exception, match="syntax error"):
        migrate(raw_db, 2)
    assert schema_version(raw_db) == 1
    triggers = raw_db.query("SELECT name FROM sqlite_master WHERE type='trigger'")
    assert triggers == []  # the first statements of the step were rolled back too


def test_newer_database_is_refused(raw_db):
    raw_db.conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(StoreError, match="newer than this Borrador"):
        migrate(raw_db)


def test_events_are_append_only(session):
    person = session.people.add({"name": "Ana Ejemplo"})
    request = session.requests.create(person.id, "spokeo", "delete")
    with pytest.raises(IntegrityError, match="append-only"), session.db.write() as conn:
        conn.execute("UPDATE events SET note = 'rewritten'")
    with pytest.raises(IntegrityError, match="append-only"), session.db.write() as conn:
        conn.execute("DELETE FROM events")
    assert len(session.requests.events(request.id)) == 1
    session.repos.people.delete(person.id)  # erasing the person takes their history with them
    assert session.db.query("SELECT count(*) FROM events") == [(0,)]


def test_stale_edit_gets_a_conflict_not_an_overwrite(session):
    from borrador.core.requests import Status, apply_transition, with_status

    person = session.people.add({"name": "Ana Ejemplo"})
    request = session.requests.create(person.id, "spokeo", "delete")
    session.requests.change_status(request.id, "sent", channel="mail")  # someone else moved it meanwhile
    event = apply_transition(request, Status.WITHDRAWN, session.clock.today())
    with pytest.raises(ConflictError, match="changed elsewhere"):
        session.repos.requests.save_change(request, with_status(request, event), event, "t")
    assert session.requests.get(request.id).status is Status.SENT
    assert len(session.requests.events(request.id)) == 2


def test_future_dates_are_refused(session):
    import datetime as dt

    from borrador.core.errors import ValidationError

    person = session.people.add({"name": "Ana Ejemplo"})
    request = session.requests.create(person.id, "spokeo", "delete")
    with pytest.raises(ValidationError, match="in the future"):
        session.requests.change_status(
            request.id, "sent", channel="mail", on=session.clock.today() + dt.timedelta(1)
        )


def test_batch_is_all_or_nothing(session):
    from borrador.core.errors import ValidationError

    person = session.people.add({"name": "Ana Ejemplo"})
    with pytest.raises(ValidationError, match="recipient"):
        session.requests.create_many(person.id, ["spokeo", "Not A Slug!"], "delete")
    assert session.requests.find() == []


def test_fast_json_listing_matches_the_objects(session):
    import json

    from borrador.cli.output import request_json

    person = session.people.add({"name": "Ana Ejemplo"})
    other = session.people.add({"name": "Bea Ejemplo"})
    first = session.requests.create(
        person.id,
        "spokeo",
        "delete",
        legal_basis="ccpa",
        channel="mail",
        notes='quote " and ñ and \\ backslash',
    )
    session.requests.create(other.id, "spokeo", "opt-out")
    session.requests.change_status(first.id, "sent", channel="mail")
    session.requests.change_status(first.id, "denied", note="not found")
    for who in (None, person.id):
        fast = [json.loads(text) for text in session.requests.find_json(who)]
        slow = [request_json(r) for r in session.requests.find(who)]
        assert fast == slow
        assert list(fast[0]) == list(slow[0])  # same key order
