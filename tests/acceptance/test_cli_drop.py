"""DROP, freezes, listings and the scorecard as a person runs them: the CLI contracts, and the
freeze PIN never in a file, a log or the screen unless asked."""

import json

from tests.helpers.common import all_files

PIN = "QX-4471-PINCANARIO"


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def _person(run, tmp_path):
    ok(run("init"))
    spec = tmp_path / "p.json"
    spec.write_text(
        json.dumps(
            {"name": "Orsola Ficticia Prueba", "state": "CA", "emails": ["orsola@example.org"]}
        )
    )
    ok(run("people", "add", "--from-file", str(spec)))


def test_drop_add_status_and_outcome(run, tmp_path):
    _person(run, tmp_path)
    out = ok(run("drop", "add", "--person", "1", "--filed-on", "2026-03-01", "--drop-id", "DRP-55"))
    assert "First cycle starts 2026-08-01" in out
    assert "values themselves are not stored" in out
    ok(
        run(
            "drop",
            "outcome",
            "--person",
            "1",
            "--broker",
            "acxiom",
            "--outcome",
            "opted-out",
            "--on",
            "2026-11-01",
        )
    )
    status = json.loads(ok(run("drop", "status", "--person", "1", "--json")))
    assert status["cycles"][0]["starts"] == "2026-08-01"
    assert status["filing"]["identifiers"] == {"names": 1, "emails": 1}
    outcomes = {o["broker"]: o["outcome"] for o in status["outcomes"]}
    assert outcomes["acxiom"] == "opted-out" and outcomes["spokeo"] == "pending"
    whys = {(m["broker"], m["why"]) for m in status["not_reached"]}
    assert {
        ("lexisnexis-risk", "fcra-file"),
        ("nctue", "fcra-file"),
        ("thomson-reuters", "public-records-suppression"),
    } <= whys
    assert all(m["command"].startswith("borrador ") for m in status["not_reached"])
    bad = run("drop", "outcome", "--person", "1", "--broker", "acxiom", "--outcome", "gone")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_freeze_pin_is_never_shown_or_written_unless_asked(run, tmp_path, isolated):
    _person(run, tmp_path)
    screens = [
        ok(
            run(
                "freeze",
                "add",
                "--person",
                "1",
                "--bureau",
                "nctue",
                "--placed-on",
                "2026-11-02",
                "--pin-from-stdin",
                input=PIN + "\n",
            )
        )
    ]
    screens += [
        ok(run("requests", "show", "1")),
        ok(run("requests", "show", "1", "--json")),
        ok(run("freeze", "list", "--person", "1")),
        ok(run("freeze", "list", "--person", "1", "--json")),
        ok(run("requests", "list", "--json")),
        ok(run("freeze", "thaw", "1", "--on", "2026-11-05", "--until", "2026-11-09")),
        ok(run("backup", str(tmp_path / "b.zip"))),
    ]
    for shown in screens:
        assert PIN not in shown
    assert "--reveal-pin" in screens[1]
    for path in [*all_files(isolated), tmp_path / "b.zip"]:
        assert PIN.encode() not in path.read_bytes(), path
    revealed = ok(run("requests", "show", "1", "--reveal-pin"))
    assert f"PIN: {PIN}" in revealed
    data = json.loads(ok(run("requests", "show", "1", "--json", "--reveal-pin")))
    assert data["freeze"]["pin"] == PIN and data["freeze"]["pin_stored"] is True
    refused = run("freeze", "add", "--person", "1", "--bureau", "spokeo")
    assert refused.returncode == 2 and "freeze bureaus" in refused.stderr


def test_listings_check_record_and_scorecard(run, tmp_path):
    _person(run, tmp_path)
    url = ok(run("listings", "check", "--person", "1", "--broker", "fastpeoplesearch", "--print"))
    assert url.strip() == "https://www.fastpeoplesearch.com/name/orsola-prueba_ca"
    shot = tmp_path / "s.jpg"
    shot.write_bytes(b"\xff\xd8\xff\xe0 jpeg canary")
    out = ok(
        run(
            "listings",
            "record",
            "--person",
            "1",
            "--broker",
            "spokeo",
            "--found",
            "--evidence",
            str(shot),
        )
    )
    assert "Evidence kept encrypted as file 1" in out
    none = run("listings", "record", "--person", "1", "--broker", "spokeo")
    assert none.returncode == 2 and "--found" in none.stderr
    listed = json.loads(ok(run("listings", "evidence", "list", "--person", "1", "--json")))
    assert listed[0]["media_type"] == "image/jpeg"
    ok(run("listings", "evidence", "export", "1", str(tmp_path / "out.jpg")))
    assert (tmp_path / "out.jpg").read_bytes() == shot.read_bytes()
    assert json.loads(ok(run("scorecard", "--json"))) == []
