"""Privacy on every path around the store: attacks on erasure, interrupted writes, restore
and the folders written into. Each test performs the attack; see issue 13."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from borrador.core.errors import BorradorError, StoreError
from borrador.keys import FLOOR
from borrador.letters.context import Agent
from borrador.services import open_store
from borrador.services.files import write_export
from borrador.services.safety import erase_everything, restore_backup
from tests.helpers.common import PASSPHRASE
from tests.helpers.kills import holding, logged_paths, run_killed
from tests.helpers.people import sample_person

CANARY = "Kanarienvogel13Qzx"
OTHER = "Zorzalino13Wyv"


def person(session, name=CANARY, state="CA"):
    return session.people.add(sample_person(name=f"{name} Inventada", state=state,
                                            other_names=[]))  # fmt: skip


def reopen(paths, clock):
    return open_store(paths, passphrase=PASSPHRASE, clock=clock)


def test_erase_person_removes_combined_pdf_authorization_and_exports(session, paths, tmp_path):
    """Break 1: the combined PDF, the clinic authorisation and CSV exports named the person
    but were logged without a request, so erase --person left them."""
    mine, theirs = person(session), person(session, OTHER)
    agent = Agent(name="Rosa Voluntaria", organisation="Clinica Ejemplo", email="r@example.org")
    out = tmp_path / "letters"
    session.letters.make(mine.id, ["acxiom", "epsilon"], "delete", fmt="pdf", combined=True,
                         agent=agent, out_dir=out)  # fmt: skip
    session.letters.make(mine.id, ["acxiom"], "delete", fmt="txt", agent=agent,
                         out_dir=tmp_path / "txt")  # fmt: skip
    session.letters.make(theirs.id, ["acxiom"], "delete", fmt="txt", out_dir=tmp_path / "theirs")
    exports = tmp_path / "exports"
    write_export(paths, exports / "mine.csv", session.exports.requests_csv(mine.id).encode(),
                 kind="csv")  # fmt: skip
    write_export(paths, exports / "all.csv", session.exports.requests_csv().encode(), kind="csv")
    assert holding(CANARY.encode(), tmp_path) or list((tmp_path / "letters").iterdir())
    erased = session.safety.erase_person(mine.id)
    left = [
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and p.parent.name != "theirs" and paths.root not in p.parents
    ]
    assert left == [], left
    assert exports / "all.csv" in erased.shared  # held the other person too: removed, and said
    assert list((tmp_path / "theirs").iterdir())  # the other person's own letters stay
    assert holding(CANARY.encode(), tmp_path, paths.root) == []


def test_killed_letter_batch_leaves_nothing_unlogged(session, paths, clock, tmp_path):
    """Breaks 2, 18, 19: a kill while letters are written left unlogged plaintext letters
    and predictable .tmp files; the requests were already saved."""
    pid = person(session).id
    session.close()
    out = tmp_path / "out"

    def batch():
        with reopen(paths, clock) as child:
            child.letters.make(pid, ["acxiom", "epsilon"], "delete", fmt="txt", out_dir=out)

    assert run_killed("file.before-rename", batch)
    found = holding(CANARY.encode(), out)
    assert found, "the kill came after the first letter was in a temp file"
    logged = logged_paths(paths.exports_log)
    assert [p for p in found if str(p) not in logged] == []  # every plaintext file is logged
    with reopen(paths, clock) as again:  # the opening removes what the kill left
        assert again.requests.find() == []  # and no request was stored without its files
    assert holding(CANARY.encode(), out) == []


def test_write_error_midway_leaves_no_requests_and_no_files(session, tmp_path):
    """Break 19: requests were saved before their files were written."""
    pid = person(session).id
    out = tmp_path / "out"
    (out / "request-00002-epsilon-delete.txt").mkdir(parents=True)  # the second write fails
    with pytest.raises(BorradorError, match="cannot be written"):
        session.letters.make(pid, ["acxiom", "epsilon"], "delete", fmt="txt", out_dir=out)
    assert session.requests.find() == []
    assert [p for p in out.rglob("*") if p.is_file()] == []


def test_killed_backup_leaves_nothing_after_panic_erase(session, paths, clock, tmp_path):
    """Breaks 4 and 11: a kill during backup left a complete backup in a .tmp file, and a
    .work-* folder with a full copy of the store, that panic erase and erase --person missed."""
    pid = person(session).id
    session.close()
    target = tmp_path / "backups" / "b.zip"

    def backup():
        with reopen(paths, clock) as child:
            child.safety.backup(target)

    assert run_killed("backup.during-zip", backup)
    left = list(target.parent.iterdir())
    assert left and all(str(p) in logged_paths(paths.exports_log) for p in left)
    erase_everything(paths)
    assert list(target.parent.iterdir()) == []
    assert not paths.root.exists()
    del pid


def test_killed_backup_work_folder_goes_with_erase_person(session, paths, clock, tmp_path):
    """Break 11: the work folder of a killed backup holds a full copy of the store."""
    pid = person(session).id
    session.close()

    def backup():
        with reopen(paths, clock) as child:
            child.safety.backup(tmp_path / "b.zip")

    assert run_killed("backup.after-copy", backup)
    assert list(paths.root.glob(".work-*"))
    with reopen(paths, clock) as again:
        again.safety.erase_person(pid)
    assert list(paths.root.glob(".work-*")) == []


@pytest.mark.parametrize("point", ["restore.after-journal", "restore.setting-aside",
                                   "restore.between-files", "restore.after-swap",
                                   "restore.after-done"])  # fmt: skip
def test_killed_restore_is_finished_or_rolled_back(session, paths, clock, tmp_path, point):
    """Break 6: a kill during restore left the store unopenable, and the hint (init, then
    restore again) overwrote the set-aside originals."""
    person(session, "Antes Delrespaldo")
    session.safety.backup(tmp_path / "b.zip")
    person(session, "Despues Delrespaldo")
    session.close()
    assert run_killed(point, lambda: restore_backup(paths, tmp_path / "b.zip", PASSPHRASE))
    with reopen(paths, clock) as again:  # opens: finished (backup) or rolled back (both)
        names = {p.name.split()[0] for p in again.people.all()}
    assert names in ({"Antes"}, {"Antes", "Despues"})
    assert names == {"Antes"} if point == "restore.after-done" else True
    assert not list(paths.root.glob("*.before-restore")) and not list(paths.root.glob(".work-*"))


def test_restore_refused_while_open_elsewhere(session, paths, tmp_path):
    """Break 9: restore while another instance had the store open silently lost that
    instance's later writes."""
    person(session, "Antes Delrespaldo")
    session.safety.backup(tmp_path / "b.zip")
    with pytest.raises(StoreError, match="open in another"):
        restore_backup(paths, tmp_path / "b.zip", PASSPHRASE)
    session.people.add({"name": "Later Write"})  # the open instance keeps working
    assert {p.name for p in session.people.all()} >= {"Later Write"}


def test_panic_erase_overwrites_whole_files(session, paths, tmp_path):
    """Break 7: only the first 64 KiB of each file were overwritten before unlinking."""
    big = (CANARY.encode() + b" ") * 20_000  # ~380 KB, the canary all through it
    target = tmp_path / "out" / "big.csv"
    write_export(paths, target, big, kind="csv")
    keep = tmp_path / "same-inode"
    os.link(target, keep)  # a second name for the same blocks: what a disk keeps after unlink
    erase_everything(paths)
    assert not target.exists()
    assert CANARY.encode() not in keep.read_bytes()


def test_unwritable_folder_is_a_clear_error(session, paths, tmp_path):
    """Break 10: in a folder the user does not own, exporting was an internal error."""
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    with pytest.raises(BorradorError, match="cannot be written"):
        write_export(paths, not_a_folder / "x.csv", b"a,b\r\n", kind="csv")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if not os.access(locked, os.W_OK):  # (as root every folder is writable)
        with pytest.raises(BorradorError, match="cannot be written"):
            write_export(paths, locked / "x.csv", b"a,b\r\n", kind="csv")


def test_existing_folder_mode_is_never_changed(session, paths, tmp_path):
    """Break 10: any folder written into was chmod'ed to 0700 (as root: /tmp itself)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    write_export(paths, shared / "calendar.ics", b"BEGIN:VCALENDAR\r\n", kind="calendar")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    made = tmp_path / "new" / "deeper"
    write_export(paths, made / "x.csv", b"a,b\r\n", kind="csv")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700  # folders Borrador creates are private


def test_planted_symlink_at_temp_name_is_not_followed(session, paths, tmp_path):
    """Break 18: temp names were predictable (name.PID.tmp) and opened without O_NOFOLLOW,
    so a planted symlink redirected a letter into any file the user can write."""
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("x.csv",):
        (out / f".{name}.{os.getpid()}.tmp").symlink_to(victim)
    write_export(paths, out / "x.csv", CANARY.encode(), kind="csv")
    assert victim.read_text() == "untouched"
    from borrador.home.paths import write_private_file

    with pytest.raises(BorradorError):  # a symlink at the exact temp name is refused, not followed
        write_private_file(out / "y.csv", b"data", tmp=out / f".x.csv.{os.getpid()}.tmp")
    assert victim.read_text() == "untouched"


def test_purge_removes_the_purged_requests_letters(session, clock, tmp_path):
    """Break 16: retention purge left the purged requests' letters on disk."""
    pid = person(session).id
    made = session.letters.make(pid, ["acxiom"], "delete", fmt="txt", out_dir=tmp_path / "out")
    session.safety.purge([made[0].request.id], [pid])
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


def test_key_file_with_huge_kdf_cost_is_refused_at_once(session, paths):
    """Break 14: a header asking for iterations = 2**32-1 hung (Ctrl-C ignored)."""
    import json

    from borrador.keys import KeyFile

    session.close()
    data = json.loads(paths.key_file.read_bytes())
    data["slots"][0]["kdf"]["iterations"] = 2**32 - 1
    paths.key_file.write_bytes(
        json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode() + b"\n"
    )
    with pytest.raises(StoreError, match="beyond"):
        KeyFile.load(paths.key_file)


def test_backup_member_bomb_is_refused_streaming(session, paths, tmp_path, monkeypatch):
    """Weakness: a backup whose members decompress to gigabytes was read into memory."""
    import borrador.services.restore as restore

    session.close()
    monkeypatch.setattr(restore, "MAX_SMALL", 1024)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "{" + " " * 100_000 + "}")
        zf.writestr("borrador.key", "x")
        zf.writestr("borrador.db", "x")
    with pytest.raises(BorradorError, match="larger than any"):
        restore_backup(paths, bomb, PASSPHRASE)
    assert not list(paths.root.glob(".work-*"))
    Path(bomb).unlink()


from keyring.backend import KeyringBackend  # noqa: E402


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt's PlaintextKeyring (not installed here): same module and
    class name, and it keeps secrets base64-encoded in a file, as the real one does."""

    priority = 0.5  # type: ignore[assignment]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.file = (folder or Path("/nonexistent")) / "keyring_pass.cfg"

    def set_password(self, service: str, user: str, secret: str) -> None:
        import base64

        with self.file.open("a") as handle:
            handle.write(f"{service}:{user}={base64.b64encode(secret.encode()).decode()}\n")

    def get_password(self, service: str, user: str) -> str | None:
        return None

    def delete_password(self, service: str, user: str) -> None:
        self.file.unlink(missing_ok=True)


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_plaintext_keyring_is_refused_with_the_reason(session, paths, tmp_path, monkeypatch):
    """Break 3: "remember on this device" accepted keyrings.alt's plaintext keyring, so the
    key lay base64-encoded in ~/.local/share/python_keyring/."""
    import keyring

    plain = PlaintextKeyring(tmp_path)
    keyring.set_keyring(plain)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="does not encrypt"):
        session.keys.remember_on_device(PASSPHRASE)
    assert not plain.file.exists()
    session.close()
    with pytest.raises(StoreError, match="passphrase is needed"):
        open_store(paths)


def test_registry_of_millions_of_tiny_cells_is_refused_early(session, tmp_path):
    """Weakness: registry imports could take gigabytes of memory before refusing."""
    source = tmp_path / "cells.csv"
    source.write_bytes(b"name,website,email\n" + (b"a," * 3_000_000) + b"a\n")
    with pytest.raises(BorradorError, match="cells"):
        session.registry.import_file(source)


def test_a_store_kept_busy_elsewhere_is_said_plainly(session, paths):
    """A long letter batch holds the write lock while its files are written (so requests
    and files are one unit); another instance then hears why, not "database damaged"."""
    from borrador.storage.db import Database

    other = Database(paths.database, session.keys.data_key)
    other.conn.execute("PRAGMA busy_timeout = 100")
    try:
        with session.db.write(), pytest.raises(StoreError, match="busy"), other.write():
            pass
    finally:
        other.close()


def test_opening_during_a_restore_waits_for_it(session, paths, clock, tmp_path):
    """An instance opened while a restore swaps the files must not read them half-swapped:
    it waits for the restore, then opens the restored store."""
    import threading
    import time

    from borrador.home.lock import StoreLock

    person(session, "Antes Delrespaldo")
    session.safety.backup(tmp_path / "b.zip")
    person(session, "Despues Delrespaldo")
    session.close()
    held = StoreLock(paths)
    assert held.alone()  # stands in for a restore holding the store alone
    opened: list[set[str]] = []

    def opener() -> None:
        with reopen(paths, clock) as s:
            opened.append({p.name.split()[0] for p in s.people.all()})

    thread = threading.Thread(target=opener)
    thread.start()
    time.sleep(0.5)
    assert opened == []  # still waiting
    held.close()
    thread.join(10)
    assert opened == [{"Antes", "Despues"}]


def test_init_after_a_killed_restore_never_overwrites_the_originals(session, paths, clock,
                                                                    tmp_path):  # fmt: skip
    """Break 6, the hint: 'borrador init', then restore again, overwrote the set-aside
    originals. Now init first puts them back, and then refuses: the store exists."""
    from borrador.services import init_store

    person(session, "Antes Delrespaldo")
    session.safety.backup(tmp_path / "b.zip")
    person(session, "Despues Delrespaldo")
    session.close()
    assert run_killed("restore.setting-aside",
                      lambda: restore_backup(paths, tmp_path / "b.zip", PASSPHRASE))  # fmt: skip
    assert not paths.database.exists()  # the kill left the database set aside
    with pytest.raises(StoreError, match="already has data"):
        init_store(paths, PASSPHRASE, kdf=FLOOR, clock=clock)
    with reopen(paths, clock) as again:
        assert len(again.people.all()) == 2
