"""`borrador brokers …` and `borrador catalog import-registry` as a person runs them."""

import json

from tests.helpers import registry_files as files


def ok(result):
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_catalog_works_before_a_store_exists(run):
    text = ok(run("brokers", "list"))
    lines = text.splitlines()
    assert "[ICE" in lines[0]  # ICE suppliers are listed first
    assert any(line.startswith("lexisnexis-risk") and "[ICE" in line for line in lines)
    assert "intelius" not in text  # folded into PeopleConnect
    shown = json.loads(ok(run("brokers", "show", "peopleconnect", "--json")))
    assert "Intelius" in shown["covers"] and shown["channels"][0]["type"] == "web"
    assert set(shown) >= {
        "slug",
        "name",
        "flags",
        "ice_supplier",
        "sources",
        "last_verified",
        "quality",
        "status",
        "warnings",
        "honours",
        "gov_links",
    }
    listed = json.loads(ok(run("brokers", "list", "--search", "acurint", "--json")))
    assert listed[0]["slug"] == "lexisnexis-risk" and listed[0]["ice_supplier"]
    pack = json.loads(ok(run("brokers", "list", "--pack", "credit-bureaus", "--json")))
    assert {"equifax", "experian", "transunion"} <= {b["slug"] for b in pack}
    assert "ice-suppliers" in ok(run("brokers", "packs"))
    assert "stopped operating" in ok(run("brokers", "show", "oracle-advertising")).lower()


def test_unknown_slug_and_pack(run):
    result = run("brokers", "show", "spokio")
    assert result.returncode == 2 and "Did you mean 'spokeo'" in result.stderr
    result = run("brokers", "list", "--pack", "nope")
    assert result.returncode == 2 and "Packs:" in result.stderr


def test_import_registry(run, tmp_path):
    ok(run("init"))
    path = tmp_path / "registry.csv"
    path.write_bytes(files.ca_cppa_2026())
    report = json.loads(ok(run("catalog", "import-registry", str(path), "--json")))
    assert report["format"] == "ca-cppa-2026" and report["added"] == 4
    assert report["skipped"] == [{"line": 5, "reason": "no data broker name"}]
    assert report["matched"] == {"LexisNexis Risk Solutions Inc.": ["lexisnexis-risk"]}
    again = json.loads(ok(run("catalog", "import-registry", str(path), "--json")))
    assert again["added"] == 0 and again["unchanged"] == 4
    listed = json.loads(ok(run("brokers", "list", "--pack", "ca-registry-government", "--json")))
    assert {b["slug"] for b in listed} >= {"reg-ca-fictional-locators", "lexisnexis-risk"}
    fictional = json.loads(ok(run("brokers", "show", "reg-ca-fictional-locators", "--json")))
    assert fictional["flags"]["collects_immigration_status"] and fictional["quality"] == "imported"
    text = ok(run("catalog", "import-registry", str(path)))
    assert "line 5: skipped — no data broker name" in text
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"hello,world\n")
    result = run("catalog", "import-registry", str(bad))
    assert result.returncode == 2 and str(bad) in result.stderr and "Traceback" not in result.stderr


def test_list_filters_by_flags(run, tmp_path):
    ice = json.loads(ok(run("brokers", "list", "--flag", "ice-supplier", "--json")))
    assert ice and all(b["ice_supplier"] for b in ice)
    both = json.loads(ok(run("brokers", "list", "--flag", "ice-supplier", "--flag",
                             "fcra-regulated", "--json")))  # fmt: skip
    assert {b["slug"] for b in both} < {b["slug"] for b in ice}  # AND narrows
    assert all(b["flags"]["fcra_regulated"] for b in both)
    assert ok(run("brokers", "list", "--flag", "ca-registry")).startswith("Nothing matches")
    bad = run("brokers", "list", "--flag", "ice")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "'ice' is not one of 'ice-supplier', 'federal-government'" in bad.stderr
    ok(run("init"))
    path = tmp_path / "registry.csv"
    path.write_bytes(files.ca_cppa_2026())
    ok(run("catalog", "import-registry", str(path)))
    listed = json.loads(ok(run("brokers", "list", "--flag", "ca-registry", "--flag",
                               "immigration-status", "--json")))  # fmt: skip
    assert [b["slug"] for b in listed] == ["reg-ca-fictional-locators"]
    assert listed[0]["registries"] == ["ca"] and listed[0]["drop_reaches"] is True
    shown = json.loads(ok(run("brokers", "show", "lexisnexis-risk", "--json")))
    assert shown["reach"]["drop"] is True and shown["reach"]["vt"] is None
    assert len(shown["request_metrics"][0]["metrics"]) == 18
    assert shown["flag_sources"]["sold_to_federal_government"][0]["registrant"] == (
        "LexisNexis Risk Solutions Inc."
    )
    text = ok(run("brokers", "show", "lexisnexis-risk"))
    assert "Yes from: LexisNexis Risk Solutions Inc. (CA registry dated 2026)" in text
    assert "California DROP: reaches it" in text
    assert (
        "Requests last year (CA registry, LexisNexis Risk Solutions Inc.): delete.received 1000"
        in text
    )


def test_catalog_check(run):
    result = run("catalog", "check", "--json")
    report = json.loads(result.stdout)
    assert result.returncode == (1 if report["errors"] else 0)
    assert set(report) == {"today", "errors", "warnings", "findings"}
    text = run("catalog", "check")
    assert text.stdout.strip().splitlines()[-1].endswith(f"(as of {report['today']}).")
