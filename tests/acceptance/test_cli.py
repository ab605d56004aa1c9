"""The program, run as a person would: exit codes, one-line errors, JSON keys. Most runs are
in this process (`run`); `run_process` starts the real program where a process matters."""

import json

from borrador.home.paths import Paths
from borrador.services import open_store
from tests.helpers.cli import run_cli_at_terminal
from tests.helpers.common import PASSPHRASE, all_files

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
    "after_free_report",
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


def test_version(run_process):
    assert ok(run_process("--version")).startswith("borrador, version ")


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


def test_damaged_and_missing_key_file_exit_2_and_change_nothing(run, run_process, isolated):
    ok(run("init"))
    key_file = isolated / "borrador.key"
    original = key_file.read_bytes()
    key_file.write_bytes(original[:40])
    before = {p: p.read_bytes() for p in all_files(isolated)}
    user_error(run_process("people", "list"), "damaged")  # the exit status of a real process
    assert {p: p.read_bytes() for p in all_files(isolated)} == before
    key_file.unlink()
    user_error(run_process("people", "list"), "missing")
    key_file.write_bytes(original)
    ok(run_process("people", "list"))


def test_stored_text_cannot_drive_the_terminal(run, run_process, tmp_path, isolated):
    """Even text that got into the database past validation is printed inert."""
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text('{"name": "Ana Ejemplo"}')
    ok(run("people", "add", "--from-file", str(person)))
    poison = "Ana\x1b[2J\x1b]8;;http://x\x07\u202eevil\x9b"
    with open_store(Paths(isolated), passphrase=PASSPHRASE) as store, store.db.write() as c:
        c.execute("UPDATE people SET name = ?", (poison,))
    for runner in (run, run_process):  # the sanitizing stdout, in this process and in its own
        for args in (("people", "list"), ("people", "show", "1"), ("people", "list", "--json")):
            out = ok(runner(*args))
            assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
            assert "\x07" not in out and "Ana" in out


def test_at_a_terminal_passphrases_are_asked_and_not_shown(run, isolated):
    """Only a real process on a (pseudo-)terminal takes the typed-passphrase path."""
    ok(run("init"))
    new = "otra frase de paso, nueva"
    status, shown = run_cli_at_terminal(
        isolated,
        "key",
        "change-passphrase",
        replies=[
            ("Current passphrase:", PASSPHRASE),
            ("New passphrase:", new),
            ("Repeat for confirmation:", new),
        ],
    )
    assert status == 0 and "Passphrase changed." in shown, shown
    assert PASSPHRASE not in shown and new not in shown  # typed, never echoed
    status, shown = run_cli_at_terminal(isolated, "people", "list", replies=[("Passphrase:", new)])
    assert status == 0 and "No people yet" in shown and new not in shown, shown
    user_error(run("people", "list"), "passphrase is wrong")
    ok(run("people", "list", passphrase=new))
