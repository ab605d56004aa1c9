"""Importing into the encrypted store: idempotent, deduplicated against the curated catalog."""

import pytest

from tests.helpers import registry_files as files


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_import_then_reimport_is_idempotent(session, tmp_path):
    path = write(tmp_path, "registry.csv", files.ca_cppa_2026())
    first = session.registry.import_file(path)
    assert (first.added, first.updated, first.unchanged) == (4, 0, 0)
    assert first.skipped == [(5, "no data broker name")]
    again = session.registry.import_file(path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    rows = [dict(r) for r in files.ROWS]
    rows[1]["email"] = "new-privacy@datosuno.example"
    rows.append({"name": "Sexta Datos Inc", "website": "sexta.example", "email": "", "phone": ""})
    newer = session.registry.import_file(write(tmp_path, "registry2.csv", files.ca_cppa_2026(rows)))
    assert (newer.added, newer.updated, newer.unchanged) == (1, 1, 3)
    assert session.catalog.registry.count() == 5


def test_matched_rows_enrich_curated_entries_instead_of_duplicating(session, tmp_path):
    report = session.registry.import_file(write(tmp_path, "registry.csv", files.ca_cppa_2026()))
    assert report.matched == {"LexisNexis Risk Solutions Inc.": ["lexisnexis-risk"]}
    catalog = session.catalog.catalog()
    found = [e for e in session.catalog.search("lexisnexis")]
    # matched, not duplicated (SageStream, a LexisNexis subsidiary, also matches the word)
    assert found[0].slug == "lexisnexis-risk"
    assert not any(e.slug.startswith("reg-") for e in found)
    lexis = catalog.entries["lexisnexis-risk"]
    assert lexis.registry_answer("sold_to_federal_government")
    assert ("ca", "LexisNexis Risk Solutions Inc.") in lexis.registry_ids
    imported = catalog.entries["reg-ca-fictional-locators"]
    assert imported.quality == "imported" and imported.flag("collects_immigration_status")
    assert imported.channels[0].url == "http://fictional-locators.example/rights"


def test_registry_pack_and_filters(session, tmp_path):
    session.registry.import_file(write(tmp_path, "registry.csv", files.ca_cppa_2026()))
    members = {e.slug for e in session.catalog.catalog().pack_members("ca-registry-government")}
    assert members == {"lexisnexis-risk", "reg-ca-fictional-locators", "reg-ca-quinta-analytics"}
    assert {e.slug for e in session.catalog.search("", "ca-registry-government")} == members


@pytest.mark.parametrize("fmt", sorted(files.FORMATS))
def test_every_format_imports(session, tmp_path, fmt):
    report = session.registry.import_file(write(tmp_path, f"{fmt}.csv", files.FORMATS[fmt]()))
    assert report.format == fmt and report.added == 4


def test_vermont_and_california_entries_coexist(session, tmp_path):
    session.registry.import_file(write(tmp_path, "ca.csv", files.ca_cppa_2025()))
    session.registry.import_file(write(tmp_path, "vt.csv", files.vermont()), "vt")
    slugs = set(session.catalog.catalog().entries)
    assert {"reg-ca-quinta-analytics", "reg-vt-quinta-analytics"} <= slugs


def test_bad_file_imports_nothing(session, tmp_path):
    from borrador.core.errors import BorradorError

    with pytest.raises(BorradorError, match="no header row"):
        session.registry.import_file(write(tmp_path, "x.csv", b"\x00\xff\xfe garbage"))
    with pytest.raises(BorradorError, match="cannot be read"):
        session.registry.import_file(tmp_path / "missing.csv")
    assert session.catalog.registry.count() == 0


def test_requests_resolve_brands_and_refuse_dead_ends(session):
    from borrador.core.errors import BorradorError, ValidationError

    person = session.people.add({"name": "Ana Ejemplo", "state": "CA"})
    assert session.requests.create(person.id, "intelius", "opt-out").recipient == "peopleconnect"
    with pytest.raises(BorradorError, match="stopped operating on 2024-09-30"):
        session.requests.create(person.id, "oracle-advertising", "opt-out")
    with pytest.raises(BorradorError, match="no consumer opt-out"):
        session.requests.create(person.id, "babel-street", "opt-out")
    with pytest.raises(BorradorError, match="no consumer opt-out"):
        session.requests.create(person.id, "localblox", "opt-out")  # inactive, no route left
    with pytest.raises(ValidationError, match="public-records requests go to agencies"):
        session.requests.create(person.id, "spokeo", "records")
    with pytest.raises(ValidationError, match="public-records requests go to agencies"):
        session.requests.create(person.id, "ice-foia", "delete")
    with pytest.raises(BorradorError, match="Did you mean 'spokeo'"):
        session.requests.create(person.id, "spokio", "opt-out")
    assert session.requests.create(person.id, "ice-foia", "records").recipient == "ice-foia"


def test_registry_columns_are_kept_and_shown_on_details(session, tmp_path):
    session.registry.import_file(write(tmp_path, "vt.csv", files.vermont()))
    fields = dict(session.catalog.details("reg-vt-quinta-analytics").registry_fields)
    assert fields["VT: Registration ID:"] == "0004"
    assert fields["VT: Method for a consumer to opt out:"].startswith("Online at")
    lexis = dict(session.catalog.details("lexisnexis-risk").registry_fields)
    assert lexis["VT: Data Broker Name:"] == "LexisNexis Risk Solutions Inc."
