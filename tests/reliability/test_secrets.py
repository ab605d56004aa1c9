"""Nothing leaks and nothing survives an erase: canaries, tampering, permissions, panic erase."""

import os
import random
import signal
import stat
import subprocess
import sys

import pytest

from borrador.core.errors import StoreError
from borrador.keys import FLOOR, KeyFile
from borrador.services import open_store
from borrador.services.safety import erase_everything, restore_backup
from borrador.storage.backup import problems
from borrador.storage.db import Database, is_sqlite_error
from tests.helpers.cli import cli_env
from tests.helpers.common import PASSPHRASE, all_files

CANARIES = [f"Kanarienvogel{n:02d}Zqx" for n in range(50)]


def hits(root, canaries=CANARIES):
    found = []
    for path in all_files(root):
        data = path.read_bytes()
        for canary in canaries:
            if canary.encode() in data or canary.encode("utf-16-le") in data:
                found.append((path.name, canary))
    return found


def test_fifty_canaries_through_use_crash_backup_restore_erase_and_rekey(
    session, paths, tmp_path, figure
):
    for n in range(0, 50, 2):  # each person carries two canaries: a name and a note
        person = session.people.add(
            {
                "name": f"{CANARIES[n]} Persona",
                "state": "CA",
                "notes": CANARIES[n + 1],
                "addresses": [
                    {
                        "street": "1 Fake St",
                        "city": "Oakland",
                        "state": "CA",
                        "postal_code": "94601",
                    }
                ],
            }
        )
        made = session.letters.make(
            person.id, ["acxiom"], "delete", fmt="txt", out_dir=tmp_path / "exports"
        )
        session.requests.change_status(made[0].request.id, "sent", channel="mail")
    counts = {"normal use": len(hits(paths.root))}
    session.close()
    writer = subprocess.Popen(  # a crash in the middle of writing
        [
            sys.executable,
            "-c",
            "from borrador.home.paths import data_paths\n"
            "from borrador.services import open_store\ns = open_store(data_paths())\n"
            "print('go', flush=True)\nwhile True:\n"
            "    s.people.add({'name': 'Kanarienvogel00Zqx Otra'})\n    print('added', flush=True)",
        ],
        env=cli_env(paths.root, BORRADOR_PASSPHRASE=PASSPHRASE),
        stdout=subprocess.PIPE,
    )
    assert writer.stdout.readline() == b"go\n"
    for _ in range(20):  # twenty people committed, then a kill in the middle of writing
        assert writer.stdout.readline() == b"added\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    counts["crash"] = len(hits(paths.root))
    with open_store(paths, passphrase=PASSPHRASE) as again:
        again.safety.backup(paths.root / "inside-backup.zip")
    counts["backup"] = len(hits(paths.root))
    restore_backup(paths, paths.root / "inside-backup.zip", PASSPHRASE)
    counts["restore"] = len(hits(paths.root))
    with open_store(paths, passphrase=PASSPHRASE) as again:
        again.safety.erase_person(1)
        again.keys.change_passphrase(PASSPHRASE, "a different long passphrase", FLOOR)
    counts["erase one, new passphrase"] = len(hits(paths.root))
    crash = subprocess.run(  # a forced internal error: what reaches the terminal
        [
            sys.executable,
            "-c",
            "import borrador.services.people as s\n"
            "def boom(self): raise RuntimeError('Kanarienvogel02Zqx in a local variable')\n"
            "s.PeopleService.all = boom\nfrom borrador.main import main\nmain()",
            "people",
            "list",
        ],
        env=cli_env(paths.root, BORRADOR_PASSPHRASE="a different long passphrase"),
        capture_output=True,
        text=True,
    )
    counts["forced crash output"] = sum(c in crash.stdout + crash.stderr for c in CANARIES)
    assert crash.returncode == 1 and "internal error (RuntimeError)" in crash.stderr
    assert "Traceback" not in crash.stderr
    figure(
        "canaries: 50 planted; plaintext hits " + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    assert set(counts.values()) == {0}


def _flip(data: bytes, rng: random.Random) -> bytes:
    position = rng.randrange(len(data))
    new = rng.randrange(256)
    while new == data[position]:
        new = rng.randrange(256)
    return data[:position] + bytes([new]) + data[position + 1 :]


def _detected_db(path, key) -> bool:
    try:
        db = Database(path, key)
    except StoreError:
        return True
    try:
        return bool(problems(db))
    except Exception as exc:
        return is_sqlite_error(exc)
    finally:
        db.close()


@pytest.mark.parametrize(
    ("db_flips", "key_flips"),
    [
        pytest.param(1000, 150, id="fast"),
        pytest.param(1000, 1000, id="slow", marks=pytest.mark.slow),
    ],
)
def test_random_byte_flips_are_all_detected(session, paths, tmp_path, figure, db_flips, key_flips):
    person = session.people.add({"name": "Persona Intacta", "state": "CA"})
    session.requests.create_many(person.id, ["spokeo", "acxiom", "epsilon"], "delete")
    key = session.keys.data_key
    session.close()
    rng = random.Random(20261126)
    pristine_db = paths.database.read_bytes()
    missed = 0
    target = tmp_path / "flipped.db"
    for _ in range(db_flips):
        for side in ("-wal", "-shm"):
            target.with_name(target.name + side).unlink(missing_ok=True)
        target.write_bytes(_flip(pristine_db, rng))
        missed += not _detected_db(target, key)
    pristine_key = paths.key_file.read_bytes()
    key_missed = 0
    for _ in range(key_flips):
        paths.key_file.write_bytes(_flip(pristine_key, rng))
        try:
            KeyFile.load(paths.key_file).unlock(PASSPHRASE)
            key_missed += 1
        except StoreError:
            pass
    paths.key_file.write_bytes(pristine_key)
    figure(
        f"tampering: {db_flips} database byte flips, {missed} undetected; "
        f"{key_flips} key-file byte flips, {key_missed} undetected"
    )
    assert missed == 0 and key_missed == 0


def test_everything_written_is_private(session, paths, tmp_path, memory_keyring, figure):
    person = session.people.add(
        {
            "name": "Persona Privada",
            "state": "CA",
            "addresses": [
                {"street": "1 Fake St", "city": "Oakland", "state": "CA", "postal_code": "94601"}
            ],
        }
    )
    session.keys.remember_on_device(PASSPHRASE)
    session.letters.make(
        person.id, ["acxiom"], "delete", fmt="pdf", out_dir=paths.root / "letters", combined=True
    )
    session.safety.backup(paths.root / "backup.zip")
    from borrador.home.paths import write_private_file

    write_private_file(paths.root / "requests.csv", session.exports.requests_csv().encode())
    session.close()
    files = all_files(paths.root)
    folders = [paths.root, *(p for p in paths.root.rglob("*") if p.is_dir())]
    wrong = [p for p in files if stat.S_IMODE(p.stat().st_mode) != 0o600]
    wrong += [p for p in folders if stat.S_IMODE(p.stat().st_mode) != 0o700]
    figure(
        f"permissions: {len(files)} files and {len(folders)} folders written, "
        f"{len(wrong)} not 0600/0700"
    )
    assert wrong == []


def test_panic_erase(session, paths, tmp_path, memory_keyring, figure):
    person = session.people.add(
        {
            "name": "Persona Borrada",
            "state": "CA",
            "addresses": [
                {"street": "1 Fake St", "city": "Oakland", "state": "CA", "postal_code": "94601"}
            ],
        }
    )
    session.keys.remember_on_device(PASSPHRASE)
    outside = tmp_path / "letters"
    session.letters.make(person.id, ["acxiom"], "delete", fmt="txt", out_dir=outside)
    session.safety.backup(tmp_path / "same-key-backup.zip")
    session.safety.backup(tmp_path / "own-key-backup.zip", backup_passphrase="backup passphrase x", kdf=FLOOR
    )
    (paths.user_templates / "letters").mkdir(parents=True)
    (paths.user_templates / "letters" / "mine.j2").write_text("x")
    session.close()
    assert memory_keyring.secrets
    erased = erase_everything(paths)
    assert not paths.root.exists()
    assert memory_keyring.secrets == {}
    assert list(outside.iterdir()) == []  # the letters it wrote are gone too
    assert not (tmp_path / "same-key-backup.zip").exists()  # it held a copy of the key
    assert (tmp_path / "own-key-backup.zip").exists()  # its own key: kept on purpose
    with pytest.raises(StoreError):
        open_store(paths, passphrase=PASSPHRASE)
    figure(
        f"panic erase: {erased.files} files destroyed in {erased.seconds:.3f} s; data folder "
        "and keyring entries gone; the old passphrase opens nothing"
    )
    assert erased.seconds < 2


def test_backup_with_its_own_passphrase_restores_only_with_it(session, paths, tmp_path):
    session.people.add({"name": "Persona Respaldada"})
    session.safety.backup(tmp_path / "b.zip", backup_passphrase="the backup passphrase", kdf=FLOOR)
    session.people.add({"name": "Added After"})
    session.close()
    with pytest.raises(StoreError, match="passphrase is wrong"):
        restore_backup(paths, tmp_path / "b.zip", PASSPHRASE)
    with open_store(paths, passphrase=PASSPHRASE) as still:  # nothing changed by the attempt
        assert len(still.people.all()) == 2
    restore_backup(paths, tmp_path / "b.zip", "the backup passphrase")
    with open_store(paths, passphrase="the backup passphrase") as restored:
        assert [p.name for p in restored.people.all()] == ["Persona Respaldada"]


def test_damaged_backup_changes_nothing(session, paths, tmp_path):
    session.people.add({"name": "Persona Actual"})
    session.safety.backup(tmp_path / "b.zip")
    session.close()
    import zipfile

    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    db = bytearray(members["borrador.db"])
    db[5000] ^= 0xFF
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as zf:
        for name, data in members.items():
            zf.writestr(name, bytes(db) if name == "borrador.db" else data)
    with pytest.raises(StoreError, match="damaged"):
        restore_backup(paths, tmp_path / "bad.zip", PASSPHRASE)
    (tmp_path / "junk.zip").write_bytes(b"not a zip at all")
    from borrador.core.errors import BorradorError

    with pytest.raises(BorradorError, match="cannot be read as a backup"):
        restore_backup(paths, tmp_path / "junk.zip", PASSPHRASE)
    with open_store(paths, passphrase=PASSPHRASE) as still:
        assert [p.name for p in still.people.all()] == ["Persona Actual"]


def test_backup_while_another_process_writes(session, paths, tmp_path):
    session.close()
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from borrador.home.paths import data_paths\n"
            "from borrador.services import open_store\ns = open_store(data_paths())\n"
            "print('go', flush=True)\nwhile True: s.people.add({'name': 'Persona Activa'})",
        ],
        env=cli_env(paths.root, BORRADOR_PASSPHRASE=PASSPHRASE),
        stdout=subprocess.PIPE,
    )
    writer.stdout.readline()
    try:
        with open_store(paths, passphrase=PASSPHRASE) as reader:
            for n in range(3):
                reader.safety.backup(tmp_path / f"live-{n}.zip")
    finally:
        writer.kill()
        writer.wait()
    restore_backup(paths, tmp_path / "live-2.zip", PASSPHRASE)
    with open_store(paths, passphrase=PASSPHRASE) as restored:
        assert problems(restored.db) == [] and restored.people.all()
    assert os.path.getsize(tmp_path / "live-0.zip") > 0


@pytest.mark.parametrize(
    "flips", [pytest.param(150, id="fast"), pytest.param(1000, id="slow", marks=pytest.mark.slow)]
)
def test_clinic_key_file_flips_are_all_detected(session, paths, figure, flips):
    from borrador.letters.context import Agent

    session.profile.save(Agent(name="Clínica Ejemplo"))
    session.clinic.enable(PASSPHRASE, "Rosa", FLOOR)
    session.clinic.add_volunteer("Tomás", "frase de tomás bastante larga", FLOOR)
    key = session.keys.data_key
    session.close()
    pristine = paths.key_file.read_bytes()
    rng = random.Random(9)
    missed = 0
    for n in range(flips):
        paths.key_file.write_bytes(_flip(pristine, rng))
        passphrase = PASSPHRASE if n % 2 else "frase de tomás bastante larga"
        try:  # anything but a clean refusal (or the right key, untouched) is a miss
            keys, _label = KeyFile.load(paths.key_file).unlock_candidates(passphrase)
            missed += keys != [key]
        except StoreError:
            pass
    paths.key_file.write_bytes(pristine)
    figure(f"clinic key file: {flips} byte flips, {missed} opened with a wrong key, 0 crashes")
    assert missed == 0
