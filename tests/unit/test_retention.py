"""Retention: closed requests past N days are listed first, then purged with their people."""

import datetime as dt

from borrador.services.safety import purge, retention_candidates


def test_retention_lists_then_purges(session):
    old = session.add_person({"name": "Persona Antigua"})
    mixed = session.add_person({"name": "Persona Mixta"})
    done = session.create_request(old.id, "spokeo", "opt-out")
    session.change_status(done.id, "sent", on=dt.date(2025, 1, 2), channel="web")
    session.change_status(done.id, "completed", on=dt.date(2025, 1, 10))
    kept = session.create_request(mixed.id, "spokeo", "opt-out")  # still open
    gone = session.create_request(mixed.id, "acxiom", "delete")
    session.change_status(gone.id, "withdrawn", on=dt.date(2025, 2, 1))
    recent = session.create_request(mixed.id, "epsilon", "delete")
    session.change_status(recent.id, "withdrawn")
    requests, people = retention_candidates(session, 365, session.clock.today())
    assert requests == [done.id, gone.id] and people == [old.id]
    assert len(session.list_requests()) == 4  # listing changes nothing
    purge(session, requests, people)
    assert [r.id for r in session.list_requests()] == [kept.id, recent.id]
    assert [p.id for p in session.list_people()] == [mixed.id]
    assert session.db.query(
        "SELECT count(*) FROM events WHERE request_id IN (?, ?)", (done.id, gone.id)
    ) == [(0,)]
