"""The hand-off bundle at the service level: round trip, updates, refusals."""

import pytest

from borrador.core.errors import BorradorError
from borrador.home.paths import Paths
from borrador.keys import FLOOR
from borrador.services import init_store
from borrador.services.handoff import one_time_passphrase
from borrador.storage.handoff_repo import export_person, import_person
from tests.helpers.common import FixedClock
from tests.helpers.people import sample_person


@pytest.fixture
def other(tmp_path):
    with init_store(
        Paths(tmp_path / "other"), "otra frase de paso", kdf=FLOOR, clock=FixedClock()
    ) as opened:
        yield opened


def test_words_are_eight_from_the_list():
    from borrador.keys.words import handoff_words

    words = one_time_passphrase().split()
    assert len(words) == 8 and all(w in handoff_words() for w in words)
    assert len(set(handoff_words())) == 256


def test_a_newer_copy_updates_and_history_merges(session, other, tmp_path):
    person = session.people.add(sample_person(state="CA"))
    request = session.requests.create(person.id, "spokeo", "delete")
    words = session.handoff.export(person.id, tmp_path / "one.borrador", FLOOR)
    other.handoff.import_file(tmp_path / "one.borrador", words)
    session.requests.change_status(request.id, "sent", channel="mail")
    words = session.handoff.export(person.id, tmp_path / "two.borrador", FLOOR)
    _id, counts = other.handoff.import_file(tmp_path / "two.borrador", "  " + words.upper() + " ")
    assert counts == {"person": 0, "requests": 0, "updated": 1, "events": 1}
    [there] = other.requests.find()
    assert there.status == "sent" and there.uid == request.uid
    assert len(other.requests.events(there.id)) == 2


def test_fields_a_table_does_not_have_are_refused_and_nothing_changes(session, other):
    person = session.people.add(sample_person(state="CA"))
    session.requests.create(person.id, "spokeo", "delete")
    data = export_person(session.db, person.id)
    import_person(other.db, data)
    data["requests"][0] |= {"version": 99, "notes = 'x', status": "sent"}
    with pytest.raises(ValueError, match="does not know"):
        import_person(other.db, data)
    [there] = other.requests.find()
    assert there.status == "drafted" and there.version == 1


def test_a_bundle_is_never_written_over_a_file(session, tmp_path):
    person = session.people.add(sample_person(state="CA"))
    target = tmp_path / "exists.borrador"
    target.write_text("keep me")
    with pytest.raises(BorradorError, match="already exists"):
        session.handoff.export(person.id, target, FLOOR)
    assert target.read_text() == "keep me"


def test_a_file_that_is_not_a_bundle_is_refused_clearly(other, tmp_path):
    for content in (b"", b"not json\n", b'{"format": "other"}\nxx', b"\xff" * 100):
        path = tmp_path / "x.borrador"
        path.write_bytes(content)
        with pytest.raises(BorradorError, match="nothing was imported"):
            other.handoff.import_file(path, "apple " * 8)
    assert other.people.all() == []


def test_an_imported_person_gets_the_same_checks_as_one_typed_in(session, other, tmp_path):
    person = session.people.add(sample_person(state="CA"))
    session.db.conn.execute("UPDATE people SET name = 'Ana\x1b[2J' WHERE id = ?", (person.id,))
    words = session.handoff.export(person.id, tmp_path / "bad.borrador", FLOOR)
    with pytest.raises(BorradorError, match="nothing was imported"):
        other.handoff.import_file(tmp_path / "bad.borrador", words)
    assert other.people.all() == []
