"""Clinic mode and the hand-off bundle, run as volunteers run them, across two homes."""

import json

import pypdf

from tests.acceptance.test_cli import ok, user_error
from tests.helpers.cli import run_cli
from tests.helpers.common import PASSPHRASE

TOMAS = "frase de tomás bastante larga"
OTHER = "otra clínica, otra frase larga"


def runner(home, passphrase=PASSPHRASE):
    return lambda *args, **extra: run_cli(home, *args, **({"passphrase": passphrase} | extra))


def setup_clinic(tmp_path, home):
    run = runner(home)
    ok(run("init"))
    ok(
        run(
            "clinic",
            "profile",
            "--name",
            "Clínica Ejemplo",
            "--phone",
            "555-0100",
            "--address",
            "9 Calle Inventada\\nFresno, CA 93701",
        )
    )
    assert "Rosa is the first volunteer" in ok(run("clinic", "enable", "--volunteer", "Rosa"))
    ok(run("clinic", "add-volunteer", "Tomás", BORRADOR_NEW_PASSPHRASE=TOMAS))
    person = tmp_path / "p.json"
    person.write_text(
        json.dumps(
            {
                "name": "Residente Inventada",
                "state": "CA",
                "language": "es",
                "emails": ["residente@example.org"],
                "addresses": [
                    {
                        "street": "3 Calle Falsa",
                        "city": "Fresno",
                        "state": "CA",
                        "postal_code": "93701",
                    }
                ],
            }
        )
    )
    ok(run("people", "add", "--from-file", str(person)))
    ok(
        run(
            "letters",
            "make",
            "--person",
            "1",
            "--broker",
            "spokeo",
            "--broker",
            "radaris",
            "--kind",
            "delete",
            "--format",
            "txt",
            "--out",
            str(tmp_path / "out"),
        )
    )
    return run


def test_volunteers_agents_sheets_and_removal(tmp_path):
    home = tmp_path / "clinic"
    run = setup_clinic(tmp_path, home)
    assert ok(run("clinic", "volunteers")).split("\n")[:2] == ["Rosa", "Tomás"]
    marked = run("requests", "mark", "1", "sent", "--channel", "mail", passphrase=TOMAS)
    assert "authorisation is not recorded" in ok(marked) + marked.stderr
    assert "Recorded on 2 request(s): 1, 2" in ok(
        run("clinic", "authorised", "--person", "1", "--date", "2026-11-20")
    )
    progress = ok(run("clinic", "progress", "--volunteer", "Rosa"))
    assert "Residente Inventada" in progress and "0 unsigned" in progress
    ok(run("clinic", "sheet", "--person", "1", str(tmp_path / "sheet.pdf")))
    sheet = pypdf.PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text()
    assert "Sus solicitudes de privacidad" in sheet and "555-0100" in sheet
    ok(run("clinic", "report", "--person", "1", str(tmp_path / "report.pdf")))
    report = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "report.pdf").pages)
    assert "(Tomás)" in report and "(Rosa)" in report
    shown = json.loads(ok(run("requests", "show", "1", "--json")))
    by_status = {e["to"]: e["actor"] for e in shown["events"] if e["from"] != e["to"]}
    assert by_status == {"drafted": "Rosa", "sent": "Tomás"}
    ok(run("clinic", "remove-volunteer", "Tomás"))
    user_error(run("people", "list", passphrase=TOMAS), "passphrase is wrong")
    assert "Residente Inventada" in ok(run("people", "list"))


def test_handoff_round_trip_tamper_and_twice(tmp_path):
    run = setup_clinic(tmp_path, tmp_path / "clinic")
    bundle = tmp_path / "residente.borrador"
    printed = ok(run("handoff", "export", "--person", "1", str(bundle)))
    words = printed.strip().splitlines()[-1]
    assert len(words.split()) == 8 and words.replace(" ", "").isalpha()
    assert b"Residente" not in bundle.read_bytes()
    other = runner(tmp_path / "other", OTHER)
    ok(other("init"))
    user_error(
        other("handoff", "import", str(bundle), BORRADOR_HANDOFF_PASSPHRASE="apple " * 8),
        "does not open",
    )
    first = ok(other("handoff", "import", str(bundle), BORRADOR_HANDOFF_PASSPHRASE=words.upper()))
    assert "added; 2 new request(s)" in first
    again = ok(other("handoff", "import", str(bundle), BORRADOR_HANDOFF_PASSPHRASE=words))
    assert "already here; 0 new request(s), 0 updated, 0 new history entries" in again
    people = json.loads(ok(other("people", "list", "--json")))
    assert [p["name"] for p in people] == ["Residente Inventada"]
    there = json.loads(ok(other("requests", "show", "1", "--json")))
    here = json.loads(ok(run("requests", "show", "1", "--json")))
    assert there["letter_text"] == here["letter_text"] and "Rosa" in there["letter_text"]
    assert there["events"] == here["events"] and {e["actor"] for e in there["events"]} == {"Rosa"}
    for offset in (20, len(bundle.read_bytes()) // 2, -1):
        data = bytearray(bundle.read_bytes())
        data[offset] ^= 0x01
        changed = tmp_path / f"changed{offset}.borrador"
        changed.write_bytes(bytes(data))
        user_error(other("handoff", "import", str(changed), BORRADOR_HANDOFF_PASSPHRASE=words))
    assert len(json.loads(ok(other("requests", "list", "--json")))) == 2


def test_erasing_the_resident_destroys_their_sheet_report_and_bundle(tmp_path):
    run = setup_clinic(tmp_path, tmp_path / "clinic")
    files = [tmp_path / "sheet.pdf", tmp_path / "report.pdf", tmp_path / "resident.borrador"]
    ok(run("clinic", "sheet", "--person", "1", str(files[0])))
    ok(run("clinic", "report", "--person", "1", str(files[1])))
    ok(run("handoff", "export", "--person", "1", str(files[2])))
    assert all(f.exists() for f in files)
    user_error(run("clinic", "sheet", "--person", "1", str(files[0])), "already exists")
    ok(run("erase", "--person", "1", "--yes"))
    assert not any(f.exists() for f in files)
