"""`borrador deadlines compute|laws`: the keys external checks read, with roll and date facts."""

import json


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def compute(run, *args):
    return json.loads(ok(run("deadlines", "compute", *args, "--json")))


def test_compute_reports_moves_and_dates_in_force(run):
    ccpa = compute(run, "--law", "ccpa", "--kind", "delete", "--received", "2026-11-30")
    assert (ccpa["acknowledge_by"], ccpa["respond_by"], ccpa["extended_respond_by"]) == (
        "2026-12-14", "2027-01-14", "2027-03-01")  # fmt: skip
    assert ccpa["in_force"] is True
    [moved] = ccpa["rolled"]
    assert (moved["what"], moved["from"], moved["to"]) == (
        "extended_respond_by", "2027-02-28", "2027-03-01")  # fmt: skip
    assert "Code Civ. Proc. §12a" in moved["reason"] and "Sunday" in moved["reason"]
    va = compute(run, "--law", "privacy-va", "--kind", "delete", "--received", "2026-11-30")
    assert va["rolled"] in (None, []) and va["extended_respond_by"] == "2027-02-28"
    ok_law = compute(run, "--law", "privacy-ok", "--kind", "delete", "--received", "2026-12-01")
    assert ok_law["in_force"] is False and ok_law["effective_from"] == "2027-01-01"
    drop = compute(run, "--law", "drop", "--kind", "delete", "--received", "2026-05-01")
    assert (drop["clock_start"], drop["respond_by"]) == ("2026-08-01", "2026-10-30")


def test_after_free_report_flag(run):
    plain = compute(run, "--law", "fcra", "--kind", "dispute", "--received", "2026-12-20")
    after = compute(run, "--law", "fcra", "--kind", "dispute", "--received", "2026-12-20",
                    "--after-free-report")  # fmt: skip
    assert (plain["respond_by"], plain["extended_respond_by"]) == ("2027-01-19", "2027-02-03")
    assert (after["respond_by"], after["extended_respond_by"]) == ("2027-02-03", None)
    assert after["citation"] == "15 U.S.C. §1681j(a)(3)"
    bad = run("deadlines", "compute", "--law", "ccpa", "--kind", "delete", "--received",
              "2026-12-01", "--after-free-report")  # fmt: skip
    assert bad.returncode == 2 and "only to FCRA disputes" in bad.stderr
    text = ok(run("deadlines", "compute", "--law", "ccpa", "--kind", "delete", "--received",
                  "2026-11-30"))  # fmt: skip
    assert "Moved: 2027-02-28 is Sunday" in text


def test_laws_lists_every_row_with_its_facts(run):
    rows = json.loads(ok(run("deadlines", "laws", "--json")))
    keys = {"effective_from", "rights", "deletion_scope", "appeal", "agent_kinds", "regulator",
            "roll", "calendar_source", "source_quality", "cites", "auto"}  # fmt: skip
    assert all(keys <= set(r) for r in rows)
    by = {(r["law"], tuple(r["kinds"]), r["variant"]): r for r in rows}
    ut = by[("privacy-ut", ("access", "delete", "correct", "opt-out"), "")]
    assert ut["deletion_scope"] == "provided-only" and ut["appeal"] is None
    assert ut["rights_from"] == {"correct": "2026-07-01"} and ut["agent_kinds"] == []
    co = by[("privacy-co", ("access", "delete", "correct", "opt-out"), "")]
    assert co["roll"]["statute"] == "C.R.S. §2-4-108(2)" and co["agent_kinds"] == ["opt-out"]
    assert co["appeal"] == {"days": 45, "business": False}
    assert by[("privacy-va", ("appeal",), "")]["respond"] == {"days": 60, "business": False}
    fl = by[("privacy-fl", ("access", "delete", "correct", "opt-out"), "")]
    assert fl["auto"] is False and fl["extension"]["days"] == 15
    assert by[("fcra", ("dispute",), "after-free-report")]["respond"]["days"] == 45
    foia = by[("foia", ("records",), "")]
    assert foia["calendar_source"]["source"].startswith("5 U.S.C. §6103")
    assert foia["appeal_filing"] == {"days": 90, "business": False}
    assert foia["regulator"]["name"].startswith("Office of Government Information Services")
    assert by[("privacy-va", ("access", "delete", "correct", "opt-out"), "")]["roll"][
        "statute"] == "none known"  # fmt: skip
