"""The ten importer problems of the catalog review (§5), each on invented rows in the real
layouts, through the real import (parse, match, encrypted store, catalog)."""

import dataclasses
import datetime as dt
import socket

import pytest

from borrador.catalog import hosts
from borrador.catalog.registry import parse_registry
from borrador.catalog.registry_cells import urls
from borrador.cli.brokers_output import broker_line, broker_text
from borrador.services.catalog import CatalogService
from tests.helpers import registry_cases as cases
from tests.helpers.common import TODAY


@pytest.fixture
def service(session):
    return CatalogService(session.catalog.registry, curated=cases.invented_catalog())


def imported(service, tmp_path, name, data, state=None):
    path = tmp_path / name
    path.write_bytes(data)
    return service.import_registry(path, state, TODAY, f"{TODAY}T12:00:00+00:00")


def web_links(entry):
    return [c.url for c in entry.channels if c.type == "web"]


# (1) -------------------------------------------------------------------------------------


def test_1_no_web_channel_from_an_email_domain(service, tmp_path):
    imported(service, tmp_path, "ca2022.csv", cases.ca_ag_2022())
    catalog = service.catalog()
    ventana = catalog.get("reg-ca-ventana-records")
    assert web_links(ventana) == ["https://privacy.ventana-records.example/request"]
    brisa = catalog.get("reg-ca-brisa-datos")
    assert web_links(brisa) == ["https://www.brisa-datos.example/optout"]  # not the vendor's
    every = [u for e in catalog.entries.values() for u in web_links(e)]
    assert not any("ccpa.optout" in u or "vendor-portal" in u for u in every)


def test_1_hosts_need_a_public_suffix_and_a_preferred_link():
    assert urls("https://ccpa.optout or acme.invalidtld") == []
    assert urls("see form.pdf, v1.2, U.S. law") == []
    assert urls("optout.example.co.uk then https://www.example.com/x") == [
        "https://www.example.com/x",
        "https://optout.example.co.uk",
    ]
    assert hosts.registrable("consumer.risk.lexisnexis.com") == "lexisnexis.com"
    assert hosts.registrable("www.shop.example.co.uk") == "example.co.uk"


def test_1_the_public_suffix_list_never_touches_the_network(monkeypatch, tmp_path):
    import requests

    calls = []
    monkeypatch.setattr(requests.Session, "send", lambda *a, **k: calls.append(a) or 1 / 0)
    monkeypatch.setattr(socket.socket, "connect", lambda *a: calls.append(a) or 1 / 0)
    hosts._extractor.cache_clear()
    hosts.start_import()
    assert hosts.is_public("privacy.ventana-records.example")
    assert hosts.is_public("risk.lexisnexis.com") and not hosts.is_public("ccpa.optout")
    assert calls == []
    written = [p for p in (tmp_path.parent / "user").rglob("*") if "tldextract" in str(p)]
    assert written == []  # no cache folder in the home


# (2) and (3) -----------------------------------------------------------------------------


def test_2_a_yes_from_any_matched_row_sets_the_flag_and_says_who(service, tmp_path):
    report = imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    ventisca_rows = [r[0] for r in cases.VENTISCA_ROWS]
    assert {name for name, slugs in report.matched.items() if "ventisca" in slugs} == set(
        ventisca_rows
    )
    catalog = service.catalog()
    ventisca = catalog.get("ventisca")
    for flag in (cases.FED, cases.POLICE, cases.IMMIGRATION):
        assert ventisca.flag(flag), flag  # the last row said No to all of them
    assert [i.registrant for i in ventisca.said_yes(cases.FED)] == ventisca_rows[:2]
    assert [i.registrant for i in ventisca.said_yes(cases.IMMIGRATION)] == [ventisca_rows[1]]
    assert not ventisca.flag("sold_to_genai_developer")
    text = broker_text(ventisca, catalog)
    assert ("sold data to the federal government — Yes from: Ventisca Information Services "
            "LLC (CA registry dated 2026), Ventisca Workforce Solutions LLC") in text  # fmt: skip
    assert "reg-ca-ventisca" not in " ".join(catalog.entries)  # not listed twice
    found = service.search("", flags=["federal-government", "law-enforcement"])
    assert "ventisca" in {e.slug for e in found}


def test_3_government_ids_state_governments_and_request_metrics(service, tmp_path):
    parsed = parse_registry(cases.ca_cppa_2026())
    analytics = next(r for r in parsed.rows if r.name == "Ventisca Analytics LLC")
    assert analytics.flags["collects_government_ids"] is True
    assert analytics.flags["sold_to_state_government"] is True
    assert analytics.flags["collects_account_logins"] is False
    assert set(analytics.metrics) == set(cases.METRIC_HEADERS)  # 5 families x 6 measures
    assert analytics.metrics["limit.median-days"] == 129.0
    imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    ventisca = service.catalog().get("ventisca")
    assert ventisca.flag("collects_government_ids") and ventisca.flag("sold_to_state_government")
    shown = dict(service.details("ventisca").registry_fields)
    assert shown["CA (Ventisca Analytics LLC): Number of requests to delete received"] == "100"
    reported = {name: numbers for _, name, numbers in service.request_metrics("ventisca")}
    assert len(reported) == 5 and reported["Ventisca Analytics LLC"]["limit.median-days"] == 129


# (4) and (5) -----------------------------------------------------------------------------


def test_4_vermont_status_becomes_the_entry_status(service, tmp_path):
    report = imported(service, tmp_path, "vt.csv", cases.vermont())
    assert report.format == "vt-sos"  # detected from the header, no --state given
    catalog = service.catalog()
    assert catalog.get("reg-vt-granizo-lists").status == "expired"
    assert catalog.get("reg-vt-nevada-roja-data").status == "cancelled"
    assert catalog.get("reg-vt-llovizna-data").status == "active"
    line = broker_line(catalog.get("reg-vt-granizo-lists"))
    assert line.endswith("(registration expired)")


def test_5_vermont_opt_out_links_become_web_channels(service, tmp_path):
    imported(service, tmp_path, "vt.csv", cases.vermont())
    catalog = service.catalog()
    assert web_links(catalog.get("reg-vt-granizo-lists")) == ["https://optout.granizo.example/form"]
    roja = catalog.get("reg-vt-nevada-roja-data")
    assert web_links(roja) == ["https://www.nevadaroja.example/do-not-sell"]
    assert [c.email for c in roja.channels if c.type == "email"] == ["optout@nevadaroja.example"]


# (6) -------------------------------------------------------------------------------------


def test_6_the_registry_date_is_kept_never_the_import_day(service, tmp_path):
    imported(service, tmp_path, "ca2022.csv", cases.ca_ag_2022())
    imported(service, tmp_path, "vt.csv", cases.vermont())
    imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    catalog = service.catalog()
    ventana_2022 = catalog.get("reg-ca-ventana-records")  # the 2026 row replaced it: same key
    assert ventana_2022.last_verified == dt.date(2026, 1, 1)
    assert catalog.get("reg-ca-brisa-datos").last_verified == dt.date(2021, 3, 15)
    assert catalog.get("reg-vt-granizo-lists").last_verified == dt.date(2019, 2, 5)
    assert "registry dated 2021-03-15" in broker_text(catalog.get("reg-ca-brisa-datos"), catalog)
    assert all(e.last_verified != TODAY for e in catalog.entries.values())
    undated = tmp_path / "sub"
    undated.mkdir()
    report = imported(service, undated, "registry2025.csv", cases.ca_cppa_2026([
        cases.cppa_row("Escarcha Data LLC", site="escarcha.example")]))  # fmt: skip
    assert report.added == 1
    escarcha = service.catalog().get("reg-ca-escarcha-data")
    assert escarcha.listings[0].dated == "2025"  # the file's name beats the format's year
    assert "registry dated 2025" in broker_text(escarcha, service.catalog())


# (7) and (8) -----------------------------------------------------------------------------


def test_7_registry_phones_become_phone_channels(service, tmp_path):
    imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    ventana = service.catalog().get("reg-ca-ventana-records")
    assert [c.phone for c in ventana.channels if c.type == "phone"] == ["(559) 555-0142"]


def test_8_no_doubled_name_when_the_dba_repeats_it(service, tmp_path):
    imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    catalog = service.catalog()
    assert catalog.get("reg-ca-ventana-records").name == "Ventana Records LLC"
    assert catalog.get("reg-ca-altamira").name == "Altamira Inc. (Quorum Legal & Professional)"


# (9) -------------------------------------------------------------------------------------


def test_9_a_shared_domain_alone_does_not_merge_companies(service, tmp_path):
    report = imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    assert "Altamira Capital Inc." not in report.matched  # no name in common
    assert "Altamira Inc." not in report.matched  # a name in common, but listed as distinct
    catalog = service.catalog()
    assert {"reg-ca-altamira-capital", "reg-ca-altamira"} <= set(catalog.entries)
    assert not catalog.get("quorum-risk").listings


def test_9_relx_is_not_merged_into_lexisnexis_risk(session, tmp_path):
    row = cases.cppa_row("RELX Inc.", dba="LexisNexis Legal & Professional",
                         site="https://www.lexisnexis.com/global/privacy/en/privacy-center-us.page",
                         yes={cases.FED})  # fmt: skip
    path = tmp_path / "registry.csv"
    path.write_bytes(cases.ca_cppa_2026([row]))
    report = session.registry.import_file(path)
    assert report.matched == {}
    catalog = session.catalog.catalog()
    assert not catalog.get("lexisnexis-risk").listings
    assert catalog.get("reg-ca-relx").name == "RELX Inc. (LexisNexis Legal & Professional)"
    assert any(p.registrant == "RELX Inc." and p.source.startswith("https://")
               for p in session.catalog.curated.distinct)  # fmt: skip


# (10) ------------------------------------------------------------------------------------


def test_10_one_registrant_covers_several_curated_entries(service, tmp_path):
    report = imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    assert sorted(report.matched["Cyclone Lane LLC"]) == [
        "numberbookusa", "pronto-records", "quickpersonfinder", "swiftbackgroundcheck"]  # fmt: skip
    assert sorted(report.matched["Nimbo Media Inc."]) == ["nimbo-finder", "nimbo-lookup"]
    catalog = service.catalog()
    for slug in ("quickpersonfinder", "swiftbackgroundcheck", "numberbookusa", "pronto-records"):
        entry = catalog.get(slug)
        assert entry.listings[0].registrant == "Cyclone Lane LLC", slug
        assert entry.flag(cases.POLICE) and entry.drop_reaches
    assert all(catalog.get(s).flag(cases.FED) for s in ("nimbo-finder", "nimbo-lookup"))
    assert "reg-ca-cyclone-lane" not in catalog.entries


# reach, idempotence ----------------------------------------------------------------------


def test_registry_reach_and_drop(service, tmp_path):
    assert service.reach("nimbo-finder") == {"ca": None, "vt": None, "tx": None, "or": None,
                                             "drop": None}  # fmt: skip
    imported(service, tmp_path, "ca2022.csv", cases.ca_ag_2022())
    assert service.reach("absent-broker")["ca"] is False
    assert service.reach("absent-broker")["drop"] is None  # the AG's registry predates DROP
    imported(service, tmp_path, "registry.csv", cases.ca_cppa_2026())
    assert service.reach("nimbo-finder") == {"ca": True, "vt": None, "tx": None, "or": None,
                                             "drop": True}  # fmt: skip
    assert service.reach("absent-broker")["drop"] is False
    listed = {e.slug for e in service.search("", flags=["ca-registry"])}
    assert {"nimbo-finder", "ventisca", "reg-ca-altamira"} <= listed
    assert "absent-broker" not in listed


def test_every_case_file_imports_idempotently(service, tmp_path):
    for name, data in (("ca2022.csv", cases.ca_ag_2022()), ("vt.csv", cases.vermont()),
                       ("registry.csv", cases.ca_cppa_2026())):  # fmt: skip
        first = imported(service, tmp_path, name, data)
        again = imported(service, tmp_path, name, data)
        assert first.added and (again.added, again.updated) == (0, 0), name
        assert again.unchanged == first.imported
        assert again.matched == first.matched


def test_the_public_suffix_shortcut_agrees_with_tldextract():
    hosts.start_import()
    for host in ("a.com", "x.y.com", "foo.co.uk", "b.a.us", "k12.ca.us", "www.x.example",
                 "1.2.3.4", "ccpa.optout", "a.b.jp", "city.sapporo.jp", "a.b.ck", "com"):  # fmt: skip
        assert hosts._split(host) == hosts._full_split(host), host


def test_records_built_without_init_equal_the_ordinary_ones():
    from borrador.catalog import model

    made = model.build(model.Broker, slug="x", name="X", quality="imported")
    assert made == model.Broker(slug="x", name="X", quality="imported")
    assert hash(made) == hash(model.Broker(slug="x", name="X", quality="imported"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "Y"  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing \\['purposes'\\], unknown \\['typo'\\]"):
        model.build(model.Channel, type="web", typo=1)
