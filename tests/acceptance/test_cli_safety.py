"""Backup, restore, erase and damaged files, as a person meets them on the command line."""

import pytest

from tests.helpers.cli import run_cli


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def clear_error(result, *phrases):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr
    return result.stderr


def test_backup_restore_erase(run, tmp_path, isolated):
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text('{"name": "Persona Uno"}')
    ok(run("people", "add", "--from-file", str(person)))
    ok(run("backup", str(tmp_path / "b.zip")))
    ok(run("people", "add", "--from-file", str(person)))
    clear_error(run("restore", str(tmp_path / "b.zip")), "typed confirmation")
    ok(run("restore", str(tmp_path / "b.zip"), "--yes"))
    assert ok(run("people", "list")).count("Persona Uno") == 1
    assert "every page checked" in ok(run("check"))
    clear_error(run("erase", "--everything"), "typed confirmation")
    assert "opens nothing" in ok(run("erase", "--everything", "--yes"))
    assert not isolated.exists()
    clear_error(run("people", "list"), "borrador init")


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_damaged_database_is_a_clear_error(run, tmp_path, isolated, damage):
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text('{"name": "Persona Dos"}')
    for _ in range(30):
        ok(run("people", "add", "--from-file", str(person)))
    database = isolated / "borrador.db"
    data = bytearray(database.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x40
    else:
        data = data[: len(data) // 3]
    database.write_bytes(bytes(data))
    first = run("people", "list")
    if first.returncode == 0:  # the damage was in a page this command did not read
        assert "Persona Dos" in first.stdout
        clear_error(run("check"), "damaged", "borrador restore")
    else:
        clear_error(first, "borrador restore")


def test_key_file_of_another_store(run, tmp_path, isolated):
    ok(run("init"))
    other = tmp_path / "other"
    ok(run_cli(other, "init"))
    (isolated / "borrador.key").write_bytes((other / "borrador.key").read_bytes())
    clear_error(run("people", "list"), "another database", "borrador restore")


def test_missing_wal_after_a_crash_is_said(run, tmp_path, isolated):
    ok(run("init"))
    (isolated / "borrador.db-shm").write_bytes(b"\0" * 32768)  # as a crash leaves it
    result = run("people", "list")
    assert result.returncode == 0 and "write-ahead log" in result.stderr
    assert "borrador restore" in result.stderr
