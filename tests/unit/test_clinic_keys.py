"""Clinic mode key slots: each volunteer opens the store; a removed one opens nothing new."""

import json

import pytest

from borrador.core.errors import BorradorError, StoreError
from borrador.keys import FLOOR, KeyFile
from borrador.letters.context import Agent
from borrador.services import open_store
from borrador.storage.db import Database
from tests.helpers.common import PASSPHRASE

ROSA = "rosa frase de paso uno"
TOMAS = "tomas frase de paso dos"


def clinic(session):
    session.profile.save(Agent(name="Clínica Ejemplo", organisation="Clínica Ejemplo",
                                    address="1 Calle Inventada\nDenver, CO 80202"))  # fmt: skip
    session.clinic.enable(PASSPHRASE, "Rosa", FLOOR)
    session.clinic.add_volunteer("Tomás", TOMAS, FLOOR)
    return session


def test_clinic_needs_the_organisation_first(session):
    with pytest.raises(BorradorError, match="clinic's details"):
        session.clinic.enable(PASSPHRASE, "Rosa", FLOOR)
    assert not session.clinic.on


def test_each_volunteer_opens_and_is_recorded_on_events(session, paths, clock):
    clinic(session)
    person = session.people.add({"name": "Residente Inventada", "state": "CA"})
    session.requests.create(person.id, "spokeo", "opt-out")
    session.close()
    for passphrase, name, status in (
        (PASSPHRASE, "Rosa", "sent"),
        (TOMAS, "Tomás", "acknowledged"),
    ):
        with open_store(paths, passphrase=passphrase, clock=clock) as opened:
            assert opened.actor == name
            [request] = opened.requests.find()
            opened.requests.change_status(request.id, status, channel="mail" if status == "sent" else None)
    with open_store(paths, passphrase=TOMAS, clock=clock) as opened:
        actors = [e.actor for e in opened.requests.events(request.id)]
    assert actors == ["Rosa", "Rosa", "Tomás"]


def test_a_wrong_passphrase_opens_nothing(session, paths):
    clinic(session)
    session.close()
    with pytest.raises(StoreError, match="passphrase is wrong"):
        open_store(paths, passphrase="no es de nadie aquí")


def test_removed_volunteer_and_old_key_open_nothing_after_rekey(session, paths, clock):
    clinic(session)
    person = session.people.add({"name": "Residente Inventada", "state": "CA"})
    for slug in ("spokeo", "radaris", "whitepages"):
        session.requests.create(person.id, slug, "opt-out")
    old_key = session.keys.data_key
    session.clinic.remove_volunteer("Tomás")
    assert session.clinic.volunteers() == ["Rosa"]
    assert session.keys.data_key != old_key
    session.close()
    with pytest.raises(StoreError):
        open_store(paths, passphrase=TOMAS)
    with pytest.raises(StoreError):  # a copy of the old key file + old key: nothing opens
        Database(paths.database, old_key)
    with open_store(paths, passphrase=PASSPHRASE, clock=clock) as opened:
        assert len(opened.requests.find()) == 3
    slots = json.loads(paths.key_file.read_bytes())["slots"]
    assert all("data_old" not in s for s in slots)


def test_a_volunteer_cannot_remove_themself_or_the_last(session):
    clinic(session)
    with pytest.raises(BorradorError, match="yourself"):
        session.clinic.remove_volunteer("Rosa")
    session.clinic.remove_volunteer("Tomás")
    with pytest.raises(BorradorError, match="no volunteer called"):
        session.clinic.remove_volunteer("Tomás")


def test_a_volunteer_changes_only_their_own_passphrase(session, paths):
    clinic(session)
    session.keys.change_passphrase(TOMAS, ROSA + " nueva", FLOOR)
    session.close()
    with open_store(paths, passphrase=ROSA + " nueva") as opened:
        assert opened.actor == "Tomás"
    with open_store(paths, passphrase=PASSPHRASE) as opened:
        assert opened.actor == "Rosa"
    with pytest.raises(StoreError):
        KeyFile.load(paths.key_file).unlock(TOMAS)


def test_the_key_file_names_no_volunteer(session, paths):
    clinic(session)
    raw = paths.key_file.read_bytes()
    for name in ("Rosa", "Tom", "Clínica"):
        assert name.encode() not in raw and name.encode("unicode_escape") not in raw


def test_clinic_mode_turns_off_remember_on_this_device(session, memory_keyring):
    session.keys.remember_on_device(PASSPHRASE)
    assert session.key_file.keyring_slot is not None
    clinic(session)
    assert session.key_file.keyring_slot is None
    with pytest.raises(BorradorError, match="clinic mode"):
        session.keys.remember_on_device(PASSPHRASE)


def test_an_edited_volunteer_slot_is_detected(session, paths):
    clinic(session)
    data = json.loads(paths.key_file.read_bytes())
    data["slots"][1]["label"] = data["slots"][0]["label"]
    from borrador.keys.primitives import canonical as _canonical

    paths.key_file.write_bytes(_canonical(data))
    key_file = KeyFile.load(paths.key_file)
    with pytest.raises(StoreError):
        key_file.unlock(TOMAS)


@pytest.mark.parametrize("stopped_after", ["key file", "database"])
def test_a_rekey_cut_short_at_either_step_is_finished_on_opening(
    session, paths, clock, stopped_after
):
    import secrets

    clinic(session)
    person = session.people.add({"name": "Residente Inventada", "state": "CA"})
    session.requests.create(person.id, "spokeo", "opt-out")
    old_key, new_key = session.keys.data_key, secrets.token_bytes(32)
    [tomas] = [slot for slot, name in session.clinic._names().items() if name == "Tomás"]
    session.key_file.prepare_rekey(old_key, new_key, tomas)  # step 1 of remove_volunteer
    if stopped_after == "database":
        session.db.rekey(new_key)  # step 2; the crash comes before step 3
    session.db.conn.close()  # as a crash would leave it: no tidy close
    with open_store(paths, passphrase=PASSPHRASE, clock=clock) as opened:
        assert opened.keys.data_key == new_key and len(opened.requests.find()) == 1
    assert "data_old" not in paths.key_file.read_text()
    with pytest.raises(StoreError):
        Database(paths.database, old_key)
    with pytest.raises(StoreError):
        open_store(paths, passphrase=TOMAS)


def test_a_session_open_elsewhere_during_a_rekey_is_told_and_changes_nothing(session, paths, clock):
    clinic(session)
    person = session.people.add({"name": "Residente Inventada", "state": "CA"})
    with open_store(paths, passphrase=TOMAS, clock=clock) as elsewhere:
        assert len(elsewhere.people.all()) == 1
        session.clinic.add_volunteer("Lucía", ROSA, FLOOR)
        session.clinic.remove_volunteer("Lucía")
        with pytest.raises(StoreError, match="re-encrypted elsewhere"):
            elsewhere.people.all()
        with pytest.raises(StoreError, match="re-encrypted elsewhere"):
            elsewhere.people.edit(person.id, {"name": "Cambio Perdido", "state": "CA"})
    with open_store(paths, passphrase=TOMAS, clock=clock) as again:
        assert [p.name for p in again.people.all()] == ["Residente Inventada"]


def test_removal_names_the_backups_that_still_open_with_the_old_key(session, tmp_path):

    clinic(session)
    same_key = session.safety.backup(tmp_path / "same.zip")
    own_key = session.safety.backup(tmp_path / "own.zip", backup_passphrase="frase de la copia")
    gone = session.safety.backup(tmp_path / "gone.zip")
    gone.unlink()
    assert session.clinic.remove_volunteer("Tomás") == [same_key]
    assert own_key.exists()
