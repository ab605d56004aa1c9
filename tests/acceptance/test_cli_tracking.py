"""`borrador deadlines`, `due`, `calendar export`, `settings` as a person runs them."""

import json


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_deadlines_compute_json_keys_and_examples(run):
    foia = json.loads(
        ok(
            run(
                "deadlines",
                "compute",
                "--law",
                "foia",
                "--kind",
                "records",
                "--received",
                "2026-12-14",
                "--json",
            )
        )
    )
    assert {k: foia[k] for k in ("acknowledge_by", "respond_by", "extended_respond_by")} == {
        "acknowledge_by": None,
        "respond_by": "2027-01-13",
        "extended_respond_by": "2027-01-28",
    }
    assert foia["citation"].startswith("5 U.S.C. §552")
    ccpa = json.loads(
        ok(
            run(
                "deadlines",
                "compute",
                "--law",
                "ccpa",
                "--kind",
                "delete",
                "--received",
                "2026-11-30",
                "--json",
            )
        )
    )
    assert (ccpa["acknowledge_by"], ccpa["respond_by"]) == ("2026-12-14", "2027-01-14")
    text = ok(
        run(
            "deadlines",
            "compute",
            "--law",
            "policy",
            "--kind",
            "delete",
            "--received",
            "2026-11-30",
        )
    )
    assert "Target date (no statute sets one)" in text
    laws = json.loads(ok(run("deadlines", "laws", "--json")))
    assert {"foia", "fcra", "records-co", "records-il", "records-ca", "privacy-ia"} <= {
        r["law"] for r in laws
    }
    bad = run(
        "deadlines", "compute", "--law", "gdpr", "--kind", "delete", "--received", "2026-01-01"
    )
    assert bad.returncode == 2 and "deadlines laws" in bad.stderr


def test_due_and_calendar(run, tmp_path):
    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text('{"name": "Teodora Inventada", "state": "CO"}')
    ok(run("people", "add", "--from-file", str(person)))
    ok(
        run(
            "requests",
            "add",
            "--person",
            "1",
            "--broker",
            "spokeo",
            "--broker",
            "acxiom",
            "--kind",
            "delete",
        )
    )
    ok(run("requests", "mark", "1", "sent", "--on", "2026-09-01", "--channel", "web"))
    out = ok(run("requests", "mark", "2", "sent", "--on", "2026-11-20", "--channel", "mail"))
    assert "receipt date estimated" in out
    items = json.loads(ok(run("due", "--json")))
    assert items[0]["request_id"] == 1 and items[0]["overdue"]
    assert "send a follow-up letter" in items[0]["action"]
    assert set(items[0]) >= {
        "request_id",
        "initials",
        "recipient",
        "recipient_name",
        "what",
        "date",
        "days_left",
        "overdue",
        "legal",
        "citation",
        "action",
    }
    assert "OVERDUE" in ok(run("due"))
    ics = tmp_path / "deadlines.ics"
    assert "Wrote 2 events" in ok(run("calendar", "export", str(ics)))
    assert "Teodora" not in ics.read_text()
    assert (ics.stat().st_mode & 0o777) == 0o600
    ok(run("settings", "set", "mail_days", "3"))
    assert "mail_days         3" in ok(run("settings", "show"))
    bad = run("settings", "set", "mail_days", "300")
    assert bad.returncode == 2 and "0 to 30" in bad.stderr
    out = ok(run("requests", "received", "2", "--on", "2026-11-24"))
    assert "received on 2026-11-24" in out
