"""`letters make --kind appeal --request ID`, `--agency-state`, and `requests show --json`."""

import json


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_appeal_agency_state_and_legal_basis(run, tmp_path):
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text(json.dumps({
        "name": "Inventa Persona", "state": "CO", "language": "en",
        "emails": ["inventa@example.org"],
        "addresses": [{"street": "1 Made Up St", "city": "Denver", "state": "CO",
                       "postal_code": "80205"}],
    }))  # fmt: skip
    ok(run("people", "add", "--from-file", str(person)))
    out = tmp_path / "letters"
    made = ok(run("letters", "make", "--person", "1", "--broker", "state-local-agency",
                  "--kind", "records", "--agency-state", "IL", "--agency-name",
                  "Example Police Department", "--format", "txt", "--yes", "--out", str(out)))
    assert "(records-il)" in made
    assert "Illinois Freedom of Information Act" in ok(run("letters", "show", "1"))
    ok(run("letters", "make", "--person", "1", "--broker", "acxiom", "--kind", "delete",
           "--format", "txt", "--out", str(out)))
    shown = json.loads(ok(run("requests", "show", "2", "--json")))
    assert shown["legal_basis"] == "privacy-co"
    ok(run("requests", "mark", "2", "sent", "--channel", "mail"))  # today: the day it was drafted
    ok(run("requests", "mark", "2", "denied"))
    appeal = ok(run("letters", "make", "--kind", "appeal", "--request", "2", "--format", "txt",
                    "--out", str(out)))
    assert "appeal about 2" in appeal
    text = ok(run("letters", "show", "3"))
    assert "I appeal your handling" in text and "you denied it" in text
    early = run("letters", "make", "--kind", "complaint", "--request", "2", "--format", "txt",
                "--out", str(out))
    assert early.returncode != 0 and "appeal first" in early.stderr
