"""`borrador brokers …` and `borrador catalog import-registry` as a person runs them."""

import json

from helpers import registry_files as files


def ok(result):
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_catalog_works_before_a_store_exists(run):
    text = ok(run("brokers", "list"))
    assert text.splitlines()[0].startswith("lexisnexis-risk")
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
