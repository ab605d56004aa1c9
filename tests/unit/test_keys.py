"""The key file: wrapping, wrong passphrase, damage, the Argon2id floor, the keyring."""

import json

import pytest

from borrador.core.errors import StoreError
from borrador.keys import FLOOR, KdfParams, KeyFile, keyring_available
from borrador.keys.primitives import canonical as _canonical
from borrador.services import init_store, open_store
from tests.helpers.common import PASSPHRASE, all_files


def snapshot(root):
    return {p: p.read_bytes() for p in all_files(root)}


def test_wrong_passphrase_is_refused_and_changes_nothing(session, paths):
    session.close()
    before = snapshot(paths.root)
    with pytest.raises(StoreError, match="passphrase is wrong"):
        open_store(paths, passphrase="not the right one")
    assert snapshot(paths.root) == before


def test_missing_key_file(session, paths):
    session.close()
    paths.key_file.unlink()
    before = snapshot(paths.root)
    with pytest.raises(StoreError, match=r"key file .* is missing"):
        open_store(paths, passphrase=PASSPHRASE)
    assert snapshot(paths.root) == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b"",
        lambda b: b"\xff\xfe garbage",
        lambda b: b.replace(b'"version":1', b'"version":9'),
        lambda b: b.replace(b'"slots":[', b'"slots":[{},'),
    ],
)
def test_damaged_key_file(session, paths, damage):
    session.close()
    paths.key_file.write_bytes(damage(paths.key_file.read_bytes()))
    before = snapshot(paths.root)
    with pytest.raises(StoreError, match="damaged"):
        open_store(paths, passphrase=PASSPHRASE)
    assert snapshot(paths.root) == before


def test_tampered_wrap_is_not_accepted(session, paths):
    session.close()
    data = json.loads(paths.key_file.read_bytes())
    data["slots"][0]["label"] = "someone else"  # authenticated metadata
    paths.key_file.write_bytes(_canonical(data))  # well-formed, so only the AAD can tell
    with pytest.raises(StoreError, match="passphrase is wrong"):
        open_store(paths, passphrase=PASSPHRASE)


def test_weak_kdf_parameters_are_refused(session, paths):
    session.close()
    data = json.loads(paths.key_file.read_bytes())
    data["slots"][0]["kdf"]["memory_cost"] = 1024
    paths.key_file.write_bytes(_canonical(data))
    with pytest.raises(StoreError, match="weaker than the floor"):
        open_store(paths, passphrase=PASSPHRASE)
    with pytest.raises(StoreError, match="weaker"):
        init_store(
            type(paths)(paths.root / "other"),
            PASSPHRASE,
            kdf=KdfParams(iterations=1, lanes=1, memory_cost=FLOOR.memory_cost),
        )


def test_key_file_for_another_database(paths, tmp_path, clock):
    from borrador.home.paths import Paths

    first = Paths(tmp_path / "a")
    second = Paths(tmp_path / "b")
    init_store(first, PASSPHRASE, kdf=FLOOR, clock=clock).close()
    init_store(second, PASSPHRASE, kdf=FLOOR, clock=clock).close()
    first.key_file.write_bytes(second.key_file.read_bytes())
    with pytest.raises(StoreError, match="another database, or the database is damaged"):
        open_store(first, passphrase=PASSPHRASE)


def test_tests_derive_new_keys_at_the_floor():
    """The suite's autouse `floor_kdf` fixture: the cheapest cost the program accepts."""
    assert KdfParams() == FLOOR


@pytest.mark.real_kdf
def test_a_new_store_and_a_new_passphrase_use_the_default_cost(paths, tmp_path):
    default = KdfParams(iterations=3, lanes=4, memory_cost=64 * 1024)
    assert KdfParams() == default
    with init_store(paths, PASSPHRASE) as session:
        session.keys.change_passphrase(PASSPHRASE, "otra frase mas larga")
    slots = json.loads(paths.key_file.read_bytes())["slots"]
    assert [KdfParams(**slot["kdf"]) for slot in slots] == [default]
    with open_store(paths, passphrase="otra frase mas larga") as again:
        assert again.summary().people == 0


def test_short_passphrase_refused(paths):
    with pytest.raises(StoreError, match="at least 8"):
        init_store(paths, "short")
    assert not paths.key_file.exists() and not paths.database.exists()


def test_init_refuses_to_overwrite(session, paths):
    with pytest.raises(StoreError, match="already has data"):
        init_store(paths, PASSPHRASE, kdf=FLOOR)


def test_change_passphrase_rewraps(session, paths):
    person = session.people.add({"name": "Ana Ejemplo"})
    session.keys.change_passphrase(PASSPHRASE, "otra frase mas larga", FLOOR)
    session.close()
    with pytest.raises(StoreError, match="wrong"):
        open_store(paths, passphrase=PASSPHRASE)
    with open_store(paths, passphrase="otra frase mas larga") as again:
        assert again.people.get(person.id).name == "Ana Ejemplo"


def test_no_keyring_backend_works_by_passphrase_only(session, paths):
    assert not keyring_available()
    with pytest.raises(StoreError, match="no system keyring"):
        session.keys.remember_on_device(PASSPHRASE)
    session.close()
    stored = json.loads(paths.key_file.read_bytes())
    assert stored["keyring"] is None
    with pytest.raises(StoreError, match="passphrase is needed"):
        open_store(paths)
    with open_store(paths, passphrase=PASSPHRASE) as again:
        assert again.summary().people == 0


def test_remember_on_device_with_a_real_backend(session, paths, memory_keyring):
    assert keyring_available()
    session.keys.remember_on_device(PASSPHRASE)
    session.close()
    assert len(memory_keyring.secrets) == 1
    with open_store(paths) as again:  # no passphrase needed
        again.keys.forget_on_device()
    assert memory_keyring.secrets == {}
    with pytest.raises(StoreError, match="passphrase is needed"):
        open_store(paths)


def test_keyring_secret_lost_falls_back_to_passphrase(session, paths, memory_keyring):
    session.keys.remember_on_device(PASSPHRASE)
    session.close()
    memory_keyring.secrets.clear()
    with open_store(paths, passphrase=PASSPHRASE) as again:
        assert again.summary().people == 0


def test_key_file_holds_no_key_material_in_clear(session, paths):
    data = json.loads(paths.key_file.read_bytes())
    assert set(data) == {"format", "version", "file_id", "slots", "keyring"}
    assert set(data["slots"][0]) == {"label", "kdf", "salt", "nonce", "wrapped"}
    assert len(KeyFile.load(paths.key_file).unlock(PASSPHRASE)) == 32


def test_any_edit_of_the_key_file_is_detected(session, paths):
    session.close()
    raw = paths.key_file.read_bytes()
    paths.key_file.write_bytes(raw.replace(b'{"file_id"', b'{ "file_id"'))  # still valid JSON
    with pytest.raises(StoreError, match="edited"):
        open_store(paths, passphrase=PASSPHRASE)
