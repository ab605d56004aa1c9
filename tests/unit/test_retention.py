"""Retention: closed requests past N days are listed first, then purged with their people."""

import datetime as dt


def test_retention_lists_then_purges(session):
    old = session.people.add({"name": "Persona Antigua"})
    mixed = session.people.add({"name": "Persona Mixta"})
    done = session.requests.create(old.id, "spokeo", "opt-out")
    session.requests.change_status(done.id, "sent", on=dt.date(2025, 1, 2), channel="web")
    session.requests.change_status(done.id, "completed", on=dt.date(2025, 1, 10))
    kept = session.requests.create(mixed.id, "spokeo", "opt-out")  # still open
    gone = session.requests.create(mixed.id, "acxiom", "delete")
    session.requests.change_status(gone.id, "withdrawn", on=dt.date(2025, 2, 1))
    recent = session.requests.create(mixed.id, "epsilon", "delete")
    session.requests.change_status(recent.id, "withdrawn")
    requests, people = session.safety.retention_candidates(365)
    assert requests == [done.id, gone.id] and people == [old.id]
    assert len(session.requests.find()) == 4  # listing changes nothing
    session.safety.purge(requests, people)
    assert [r.id for r in session.requests.find()] == [kept.id, recent.id]
    assert [p.id for p in session.people.all()] == [mixed.id]
    assert session.db.query(
        "SELECT count(*) FROM events WHERE request_id IN (?, ?)", (done.id, gone.id)
    ) == [(0,)]
