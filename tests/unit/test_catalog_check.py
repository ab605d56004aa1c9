"""`catalog check` (freshness and sources), the list filters' vocabulary, and migration 8."""

import dataclasses
import datetime as dt
import json

import pytest

from borrador.catalog import filters, model
from borrador.catalog.freshness import check_catalog, months_before, reported_links
from borrador.catalog.loader import Catalog, load_curated
from borrador.core.broker_filters import FILTER_NAMES, FILTERS
from borrador.core.errors import ValidationError
from borrador.services.catalog import CatalogService
from tests.helpers import registry_cases as cases
from tests.helpers.common import TODAY

WEB = model.Channel(type="web", purposes=("opt-out",), url="https://www.nimbofinder.example/x")


def catalog_of(*entries):
    return Catalog({e.slug: e for e in entries}, {}, [])


def entry(slug, **changes):
    base = model.Broker(slug=slug, name=slug.title(), sources=(cases.SOURCE,),
                        last_verified=TODAY, categories=("people-search",), channels=(WEB,))  # fmt: skip
    return dataclasses.replace(base, **changes)


def test_stale_future_and_never_verified_entries_are_errors():
    found = check_catalog(catalog_of(
        entry("fresh", last_verified=dt.date(2025, 11, 26)),  # exactly 12 months: still fresh
        entry("stale", last_verified=dt.date(2025, 11, 25)),
        entry("future", last_verified=dt.date(2026, 12, 25)),
        entry("never", last_verified=None),
    ), TODAY)  # fmt: skip
    assert [(f.severity, f.slug, f.field) for f in found] == [
        ("error", "future", "last_verified"),
        ("error", "never", "last_verified"),
        ("error", "stale", "last_verified"),
    ]
    assert "last verified on 2025-11-25, more than 12 months before 2026-11-26" in found[2].problem


def test_entries_and_channels_without_a_source():
    sourced = dataclasses.replace(WEB, source="https://example.org/channel-checked")
    found = check_catalog(catalog_of(
        entry("bare", sources=(), channels=(WEB, sourced)),
        entry("fine"),
    ), TODAY)  # fmt: skip
    assert [(f.slug, f.field) for f in found] == [("bare", "channels[0]"), ("bare", "sources")]
    assert all(f.severity == "error" for f in found)


def test_imported_entries_get_warnings_not_errors(session, tmp_path):
    service = CatalogService(session.catalog.registry, curated=cases.invented_catalog())
    path = tmp_path / "vt.csv"
    path.write_bytes(cases.vermont())  # rows dated 2019 and 2022
    service.import_registry(path, None, TODAY, "now")
    found = service.check(TODAY)
    assert found and {f.severity for f in found} == {"warning"}
    assert {f.slug for f in found} == {"reg-vt-granizo-lists", "reg-vt-nevada-roja-data",
                                       "reg-vt-llovizna-data"}  # fmt: skip
    assert "import a newer one" in found[0].problem


def test_the_packaged_catalog_is_checked_clean_as_of_its_review():
    assert check_catalog(load_curated(), dt.date(2026, 12, 1)) == []
    late = check_catalog(load_curated(), dt.date(2027, 12, 1))
    assert late and all(f.field == "last_verified" and f.severity == "error" for f in late)


def test_the_hook_for_links_users_reported():
    other = dataclasses.replace(WEB, url="https://other.example/optout")
    catalog = catalog_of(entry("nimbo"), entry("other", channels=(other,)))
    found = reported_links(catalog, ["http://nimbofinder.example/x/", "other", "nowhere.example"])
    assert [(f.severity, f.slug, f.field) for f in found] == [
        ("error", "nimbo", "channels[0]"),
        ("error", "other", "channels"),
        ("warning", "nowhere.example", "reported"),
    ]
    assert check_catalog(catalog, TODAY, ["other"])[0].slug == "other"


def test_months_before_handles_short_months():
    assert months_before(dt.date(2028, 2, 29), 12) == dt.date(2027, 2, 28)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)


# -- the list filters -----------------------------------------------------------------------


def test_filter_vocabulary_is_defined_once_and_fully_implemented():
    assert set(filters.TESTS) == set(FILTERS) and tuple(FILTERS) == FILTER_NAMES
    assert CatalogService(None).filters() == FILTERS


def test_filters_combine_with_and_and_refuse_unknown_names():
    service = CatalogService(None)
    ice = {e.slug for e in service.search("", flags=["ice-supplier"])}
    both = {e.slug for e in service.search("", flags=["ice-supplier", "fcra-regulated"])}
    assert "lexisnexis-risk" in both and both < ice
    assert service.search("", flags=["ca-registry"]) == []  # nothing imported yet
    with pytest.raises(ValidationError, match="the filters are: ice-supplier, federal-government"):
        service.search("", flags=["ice"])


# -- migration 8 keeps rows stored by the first importer ------------------------------------


def test_rows_from_before_migration_8_still_load(paths):
    from borrador.keys import FLOOR, KeyFile
    from borrador.services import open_store
    from borrador.storage import migrations
    from borrador.storage.db import Database
    from tests.helpers.common import PASSPHRASE

    paths.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    _key_file, data_key = KeyFile.create(paths.key_file, PASSPHRASE, FLOOR)
    db = Database(paths.database, data_key, create=True)
    migrations.migrate(db, 7)  # a store as version 7 made it, with a row the way it wrote it
    try:
        with db.write() as conn:
            old = {"name": "Old Row Inc", "website": "https://old.example", "emails": [],
                   "flags": {"sold_to_federal_government": True}, "format": "ca-cppa-2026",
                   "state": "ca", "seen": "2026-01-05"}  # fmt: skip
            conn.execute(
                "INSERT INTO registry_entries (state, name_key, slug, data, fields, matched_slug,"
                " source_file, imported_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                ("ca", "old row", "reg-ca-old-row", json.dumps(old),
                 json.dumps({"Data broker name:": "Old Row Inc"}), "spokeo", "f.csv", "t", "t"),
            )  # fmt: skip
    finally:
        db.close()
    with open_store(paths, passphrase=PASSPHRASE) as session:
        assert migrations.schema_version(session.db) == migrations.LATEST
        spokeo = session.catalog.catalog().get("spokeo")
        assert spokeo.flag("sold_to_federal_government")
        assert spokeo.listings[0].registrant == "Old Row Inc"
        assert spokeo.listings[0].dated == ""  # never the day it was imported
        fields = dict(session.catalog.details("spokeo").registry_fields)
        assert fields == {"CA: Data broker name:": "Old Row Inc"}
