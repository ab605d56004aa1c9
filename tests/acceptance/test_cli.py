"""The installed program, run as a person would: subprocesses, exit codes, JSON keys."""

import json
import subprocess
import sys

from conftest import PASSPHRASE, all_files, cli_env

REQUEST_KEYS = {
    "id",
    "person_id",
    "recipient",
    "kind",
    "status",
    "legal_basis",
    "channel",
    "created_on",
    "sent_on",
    "received_on",
    "acknowledged_on",
    "due_on",
    "extended_due_on",
    "closed_on",
    "recheck_on",
    "confirmation",
    "notes",
    "agent",
    "authorized_on",
}
PERSON_KEYS = {
    "id",
    "name",
    "other_names",
    "birth_date",
    "state",
    "language",
    "emails",
    "phones",
    "addresses",
    "notes",
}

PERSON_TOML = """
name = "Rosalba Ficticia Ortega"
other_names = ["Rosalba Ortega"]
birth_date = "1990-07-04"
state = "CA"
language = "es"
emails = ["rosalba@example.com"]
phones = ["+1 415 555 0123"]

[[addresses]]
street = "55 Calle de Prueba"
city = "Oakland"
state = "CA"
postal_code = "94601"
current = true
"""


def ok(result):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def user_error(result, *phrases):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    line = result.stderr.strip()
    assert line.startswith("borrador: ") and "\n" not in line, line
    for phrase in phrases:
        assert phrase in line, line
    return line


def test_whole_flow(run, tmp_path, isolated):
    assert "No data yet" in ok(run())
    assert "Created an encrypted store" in ok(run("init"))
    person_file = tmp_path / "person.toml"
    person_file.write_text(PERSON_TOML)
    added = json.loads(ok(run("people", "add", "--from-file", str(person_file), "--json")))
    assert set(added) == PERSON_KEYS and added["emails"] == ["rosalba@example.com"]
    listed = json.loads(ok(run("people", "list", "--json")))
    assert [p["name"] for p in listed] == ["Rosalba Ficticia Ortega"]
    shown = json.loads(ok(run("people", "show", str(added["id"]), "--json")))
    assert shown == added
    assert "Oakland" in ok(run("people", "show", "1"))

    made = json.loads(
        ok(
            run(
                "requests",
                "add",
                "--person",
                "1",
                "--broker",
                "lexisnexis-risk",
                "--broker",
                "spokeo",
                "--kind",
                "opt-out",
                "--basis",
                "ccpa",
                "--json",
            )
        )
    )
    assert [r["recipient"] for r in made] == ["lexisnexis-risk", "spokeo"]
    assert all(set(r) == REQUEST_KEYS for r in made)
    ok(
        run(
            "requests",
            "mark",
            "1",
            "sent",
            "--on",
            "2026-11-20",
            "--note",
            "certified 9400",
            "--channel",
            "mail",
            "--confirmation",
            "9400 1111 2222",
        )
    )
    user_error(
        run("requests", "mark", "1", "acknowledged", "--on", "2026-11-19"), "before the last"
    )
    ok(run("requests", "mark", "1", "acknowledged", "--on", "2026-11-24"))
    requests = json.loads(ok(run("requests", "list", "--person", "1", "--json")))
    assert [r["status"] for r in requests] == ["acknowledged", "drafted"]
    assert requests[0]["sent_on"] == "2026-11-20"
    detail = json.loads(ok(run("requests", "show", "1", "--json")))
    assert [(e["from"], e["to"]) for e in detail["events"]] == [
        (None, "drafted"),
        ("drafted", "sent"),
        ("sent", "acknowledged"),
    ]
    assert detail["events"][1]["note"] == "certified 9400"

    summary = ok(run())
    assert "People: 1. Requests: 2 (2 open)." in summary
    assert {p.name for p in all_files(isolated)} >= {"borrador.db", "borrador.key"}


def test_version(run):
    assert ok(run("--version")).startswith("borrador, version ")


def test_user_errors_are_one_line_with_exit_2(run, tmp_path):
    user_error(run("people", "list"), "borrador init")
    ok(run("init"))
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "Ana"\nssn = "000-00-0000"\n')
    user_error(run("people", "add", "--from-file", str(bad)), str(bad), "'ssn'")
    bad.write_text('name = "Ana"\nbirth_date = "1990-02-30"\n')
    user_error(run("people", "add", "--from-file", str(bad)), "birth_date", "real calendar date")
    bad.write_text('name = "Ana"\nstate = \n')
    user_error(run("people", "add", "--from-file", str(bad)), str(bad), "line 2")
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"name": "Ana",\n "emails": ["nope"]}')
    user_error(run("people", "add", "--from-file", str(bad_json)), "emails[0]")
    bad_json.write_text('{"name": "Ana",,}')
    user_error(run("people", "add", "--from-file", str(bad_json)), "line 1")
    user_error(run("people", "add", "--from-file", str(tmp_path / "missing.toml")))
    user_error(run("people", "show", "99"), "no person with id 99")
    user_error(run("requests", "mark", "5", "sent"), "no request with id 5")
    user_error(
        run("requests", "add", "--person", "1", "--broker", "spokeo", "--kind", "delete"),
        "no person with id 1",
    )
    user_error(run("requests", "mark", "1", "sent", "--on", "yesterday"), "YYYY-MM-DD")
    user_error(run("people", "list", passphrase="wrong passphrase"), "passphrase is wrong")
    user_error(run("people", "list", passphrase=None), "BORRADOR_PASSPHRASE")
    user_error(run("init"), "already has data")


def test_refused_transition_names_both_states(run, tmp_path):
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text('{"name": "Ana Ejemplo"}')
    ok(run("people", "add", "--from-file", str(person)))
    ok(run("requests", "add", "--person", "1", "--broker", "spokeo", "--kind", "delete"))
    ok(run("requests", "mark", "1", "withdrawn"))
    user_error(run("requests", "mark", "1", "sent"), "'withdrawn'", "'sent'")


def test_damaged_and_missing_key_file_exit_2_and_change_nothing(run, isolated):
    ok(run("init"))
    key_file = isolated / "borrador.key"
    original = key_file.read_bytes()
    key_file.write_bytes(original[:40])
    before = {p: p.read_bytes() for p in all_files(isolated)}
    user_error(run("people", "list"), "damaged")
    assert {p: p.read_bytes() for p in all_files(isolated)} == before
    key_file.unlink()
    user_error(run("people", "list"), "missing")
    key_file.write_bytes(original)
    ok(run("people", "list"))


def test_stored_text_cannot_drive_the_terminal(run, tmp_path, isolated):
    """Even text that got into the database past validation is printed inert."""
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text('{"name": "Ana Ejemplo"}')
    ok(run("people", "add", "--from-file", str(person)))
    poison = "Ana\x1b[2J\x1b]8;;http://x\x07\u202eevil\x9b"
    code = (
        "import sys\nfrom borrador.home.paths import data_paths\nfrom borrador.services import open_store\n"
        "s = open_store(data_paths())\nwith s.db.write() as c:\n"
        f"    c.execute('UPDATE people SET name = ?', ({poison!r},))\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        env=cli_env(isolated, BORRADOR_PASSPHRASE=PASSPHRASE),
        check=True,
    )
    for args in (("people", "list"), ("people", "show", "1"), ("people", "list", "--json")):
        out = ok(run(*args))
        assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out and "\x07" not in out
        assert "Ana" in out
