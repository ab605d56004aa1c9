"""Catalog v2: how many distinct brokers the curated catalog reaches, registry reach, and the
corrections of the 2026-12 review (operators, retyped government links, inactive entries)."""

import tomllib

import pytest

from borrador.catalog.loader import load_curated
from borrador.catalog.schema import CatalogError, parse_entry

BASE = tomllib.loads("""
name = "Invented Listings"
categories = ["people-search"]
last_verified = 2026-12-01
sources = ["https://example.org/source"]
[[channels]]
type = "web"
purposes = ["opt-out"]
url = "https://example.org/optout"
""")


@pytest.fixture(scope="module")
def catalog():
    return load_curated()


def own_route_brokers(catalog):
    """Active brokers with their own channels; brands covered by another entry do not count."""
    return [
        e
        for e in catalog.entries.values()
        if e.kind == "broker" and e.status == "active" and not e.covered_by and e.channels
    ]


def test_distinct_curated_brokers_with_their_own_channels(catalog):
    brokers = own_route_brokers(catalog)
    assert len({e.slug for e in brokers}) >= 74  # 28 before catalog v2, 46+ added by it
    for new in ("checkpeople", "clustal", "advancedbackgroundchecks", "ancestry", "familytreenow",
                "data-axle", "liveramp", "unacast", "veraset"):  # fmt: skip
        assert new in {e.slug for e in brokers}


def test_no_entry_has_an_empty_source_list(catalog):
    assert catalog.errors == []
    for entry in catalog.entries.values():
        assert entry.sources, entry.slug
        assert all(s.startswith("https://") for s in entry.sources), entry.slug


def test_one_registrant_with_several_sites_is_the_parent_of_each(catalog):
    mta = [e.slug for e in catalog.entries.values() if e.parent.startswith("Mississippi Tornado")]
    assert {"fastpeoplesearch", "smartbackgroundchecks", "usphonebook",
            "advancedbackgroundchecks", "cyberbackgroundchecks", "searchpeoplefree"} <= set(mta)  # fmt: skip
    assert catalog.covering("anywho").slug == "spokeo"
    assert catalog.entries["thatsthem"].parent == "Spokeo, Inc."
    assert "AnyWho" not in catalog.entries["peopleconnect"].brands


def test_review_corrections(catalog):
    venntel = catalog.entries["venntel"]
    assert venntel.ice_supplier and "epic.org/" not in " ".join(venntel.sources)
    localblox = catalog.entries["localblox"]
    assert localblox.status == "inactive" and not localblox.channels
    assert localblox.registered("vermont") is False and localblox.registered("california") is False
    epsilon = {c.address for c in catalog.entries["epsilon"].channels if c.type == "mail"}
    assert any("Irving, TX 75039" in a for a in epsilon)
    assert not catalog.entries["acxiom"].unverified
    assert catalog.entries["spokeo"].flag("sold_to_law_enforcement")


def test_packs_take_in_the_new_entries(catalog):
    people = {e.slug for e in catalog.pack_members("people-search")}
    assert {"checkpeople", "familytreenow", "pimeyes", "spokeo"} <= people
    assert "freepeopledirectory" not in people and "localblox" not in people
    marketing = {e.slug for e in catalog.pack_members("marketing")}
    assert {"data-axle", "liveramp", "alliant", "zeta-global", "atdata"} <= marketing
    location = {e.slug for e in catalog.pack_members("location")}
    assert {"unacast", "veraset", "mobilewalla", "outlogic", "cuebiq", "venntel"} <= location
    assert {"penlink", "babel-street"} <= {e.slug for e in catalog.pack_members("ice-suppliers")}


# -- the [registries] table --------------------------------------------------------------------


def test_registries_keep_known_answers_only():
    entry = parse_entry(
        "x.toml",
        "x",
        {**BASE, "registries": {"california": True, "vermont": False, "texas": "unknown"}},
    )
    assert entry.registries == (("california", True), ("vermont", False))
    assert entry.registered("texas") is None and entry.registered("oregon") is None
    assert parse_entry("x.toml", "x", BASE).registries == ()


@pytest.mark.parametrize(
    ("registries", "field"),
    [
        ({"nevada": True}, "registries.nevada"),
        ({"california": "yes"}, "registries.california"),
        ({"california": 1}, "registries.california"),
        (["california"], "registries"),
    ],
)
def test_registries_errors_name_the_field(registries, field):
    with pytest.raises(CatalogError) as caught:
        parse_entry("x.toml", "x", {**BASE, "registries": registries})
    assert caught.value.field == field


def test_inactive_needs_no_date_and_stays_out_of_packs(catalog):
    entry = parse_entry("x.toml", "x", {**BASE, "status": "inactive"})
    assert entry.status == "inactive" and entry.status_date is None
    assert not catalog.pack("people-search").includes(entry)
