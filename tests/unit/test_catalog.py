"""The curated catalog: every file loads, schema errors name file and field, packs, brands."""

import datetime as dt
import tomllib

import pytest

from borrador.catalog import model
from borrador.catalog.loader import data_folder, load_curated, load_entries
from borrador.catalog.schema import CatalogError, parse_entry

REQUIRED = [
    "lexisnexis-risk",
    "thomson-reuters",
    "equifax",
    "experian",
    "transunion",
    "acxiom",
    "epsilon",
    "corelogic",
    "spokeo",
    "whitepages",
    "beenverified",
    "peopleconnect",
    "peoplefinders",
    "mylife",
    "radaris",
    "fastpeoplesearch",
    "truepeoplesearch",
    "nuwber",
    "thatsthem",
    "usphonebook",
    "pipl",
    "zoominfo",
    "safegraph",
    "venntel",
    "fog-data-science",
    "oracle-advertising",
    "ice-foia",
    "uscis-records",
    "cbp-foia",
    "dhs-privacy-office",
    "state-local-agency",
]


@pytest.fixture(scope="module")
def catalog():
    return load_curated()


def test_every_curated_file_loads(catalog):
    assert catalog.errors == []
    files = [t.name for t in data_folder().iterdir() if t.name.endswith(".toml")]
    assert len(catalog.entries) == len(files)
    brokers = [e for e in catalog.entries.values() if e.kind == "broker"]
    assert len(brokers) >= 40


@pytest.mark.parametrize("slug", REQUIRED)
def test_required_entries_are_present_with_sources(catalog, slug):
    entry = catalog.entries[slug]
    assert entry.sources and entry.last_verified
    assert entry.quality in ("verified", "unverified")


def test_every_entry_is_sourced_and_dated(catalog):
    for entry in catalog.entries.values():
        assert all(s.startswith("https://") for s in entry.sources), entry.slug
        assert entry.last_verified <= dt.date(2026, 12, 1)
        if entry.kind == "broker" and entry.status == "active" and not entry.covered_by:
            no_route = any(w.startswith("No consumer opt-out") for w in entry.warnings)
            assert entry.channels or entry.records_target or no_route, entry.slug


def test_special_cases_are_said_honestly(catalog):
    oracle = catalog.entries["oracle-advertising"]
    assert oracle.status == "exited" and oracle.status_date == dt.date(2024, 9, 30)
    fog = catalog.entries["fog-data-science"]  # its 2026 registration gives an opt-out page
    assert {c.url or c.email for c in fog.channels} >= {"https://fogdatascience.com/opt-out"}
    babel = catalog.entries["babel-street"]
    assert not babel.channels and babel.ice_supplier
    assert babel.warnings[0].startswith("No consumer opt-out")
    lexis = catalog.entries["lexisnexis-risk"]
    assert lexis.ice_supplier and "Accurint" in lexis.agency_products and lexis.fcra_regulated
    assert {"security-freeze", "disclosure"} <= {p for c in lexis.channels for p in c.purposes}
    tr = catalog.entries["thomson-reuters"]
    assert "CLEAR" in tr.agency_products
    assert any("suppression" in c.purposes for c in tr.channels)
    assert catalog.entries["ice-foia"].kind == "agency"


def test_brands_fold_into_the_entry_that_covers_them(catalog):
    covers = {b.slug for b in catalog.covered_brands("peopleconnect")}
    assert {"intelius", "instant-checkmate", "truthfinder", "zabasearch"} <= covers
    assert {b.slug for b in catalog.covered_brands("beenverified")} >= {"peoplelooker", "ownerly"}
    assert catalog.covering("intelius").slug == "peopleconnect"
    listed = {e.slug for e in catalog.listed()}
    assert "peopleconnect" in listed and "intelius" not in listed


def test_packs_resolve(catalog):
    assert set(catalog.packs) >= {
        "ice-suppliers",
        "credit-bureaus",
        "people-search",
        "marketing",
        "location",
        "ca-registry-government",
    }
    ice = {e.slug for e in catalog.pack_members("ice-suppliers")}
    assert {"lexisnexis-risk", "thomson-reuters"} <= ice
    people = {e.slug for e in catalog.pack_members("people-search")}
    assert "peopleconnect" in people and "intelius" not in people  # one request, not nine
    assert "oracle-advertising" not in {e.slug for e in catalog.pack_members("marketing")}
    assert {"equifax", "experian", "transunion"} <= {
        e.slug for e in catalog.pack_members("credit-bureaus")
    }


def test_ice_and_registry_packs_are_split(catalog):
    documented = {e.slug for e in catalog.pack_members("ice-suppliers")}
    assert {"equifax", "transunion", "nctue", "clearview-ai"} <= documented
    said = {e.slug for e in catalog.pack_members("registry-said-government")}
    assert {"experian", "melissa", "interactive-data"} <= said
    assert "melissa" not in documented  # a registry answer alone is not a documented contract
    # companies without a consumer route never join a pack: one letter to them fails the batch
    assert catalog.entries["palantir"].records_target
    assert not any("palantir" in {e.slug for e in catalog.pack_members(p)} for p in catalog.packs)
    assert catalog.entries["equifax"].ice_supplier


def test_credit_pack_covers_specialty_cras_and_types_them(catalog):
    cras = {e.slug for e in catalog.pack_members("credit-bureaus")}
    assert {"innovis", "nctue", "the-work-number", "chexsystems", "sagestream",
            "early-warning", "clarity-services", "verisk", "corelogic"} <= cras  # fmt: skip
    big_three = {s for s, e in catalog.entries.items() if e.cra_type == "nationwide"}
    assert big_three == {"equifax", "experian", "transunion"}
    assert catalog.entries["lexisnexis-risk"].cra_type == "specialty"
    assert all(e.fcra_regulated for e in catalog.entries.values() if e.cra_type)


def test_ice_foia_warns_that_its_phone_was_misused(catalog):
    assert "compromised" in " ".join(catalog.entries["ice-foia"].warnings)


def test_sensitive_requirements_become_warnings(catalog):
    warnings = " ".join(catalog.entries["mylife"].requirement_warnings())
    assert "ID document" in warnings
    assert "advertising ID" in " ".join(catalog.entries["safegraph"].requirement_warnings())


# -- schema errors name the file and the field ----------------------------------------------

VALID = tomllib.loads("""
name = "Example Broker"
categories = ["people-search"]
last_verified = 2026-01-02
sources = ["https://example.org/source"]
[[channels]]
type = "web"
purposes = ["opt-out"]
url = "https://example.org/optout"
""")


def broken(**changes):
    data = {**VALID, **changes}
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (broken(name=None), "name"),
        (broken(name=""), "name"),
        (broken(kind="company"), "kind"),
        (broken(categories=["gossip"]), "categories[0]"),
        (broken(categories=[]), "categories"),
        (broken(website="example.org"), "website"),
        (broken(domains=["not a domain"]), "domains[0]"),
        (broken(sources=None), "sources"),
        (broken(sources=["ftp://x"]), "sources[0]"),
        (broken(last_verified=None), "last_verified"),
        (broken(last_verified="2026-01-02"), "last_verified"),
        (broken(quality="great"), "quality"),
        (broken(status="gone"), "status"),
        (broken(status="exited"), "status_date"),
        (broken(fcra_regulated="yes"), "fcra_regulated"),
        (broken(processing_days=-3), "processing_days"),
        (broken(relist_days="90"), "relist_days"),
        (broken(favourite_color="blue"), "favourite_color"),
        (broken(covered_by="example"), "covered_by"),
        (broken(honours={"delete": ["gdpr"]}), "honours.delete[0]"),
        (broken(honours={"dance": ["policy"]}), "honours.dance"),
        (broken(channels=[{"type": "pigeon", "purposes": ["opt-out"]}]), "channels[0].type"),
        (broken(channels=[{"type": "web", "purposes": ["opt-out"]}]), "channels[0].url"),
        (
            broken(channels=[{"type": "email", "purposes": ["opt-out"], "email": "nope"}]),
            "channels[0].email",
        ),
        (broken(channels=[{"type": "web", "url": "https://x.org"}]), "channels[0].purposes"),
        (
            broken(
                channels=[
                    {
                        "type": "web",
                        "url": "https://x.org",
                        "purposes": ["opt-out"],
                        "requires": ["blood"],
                    }
                ]
            ),
            "channels[0].requires[0]",
        ),
        (
            broken(
                channels=[{"type": "web", "url": "https://x.org", "purposes": ["opt-out"], "x": 1}]
            ),
            "channels[0].x",
        ),
        (broken(channels={"type": "web"}), "channels"),
        (
            broken(gov_links=[{"kind": "ice", "summary": "s", "source": "https://x.org"}]),
            "gov_links[0].kind",
        ),
        (broken(gov_links=[{"kind": "law-enforcement", "summary": "s"}]), "gov_links[0].source"),
        (broken(notes="bad\x1b[31m"), "notes"),
        (broken(cra_type="big"), "cra_type"),
        (broken(cra_type="specialty"), "cra_type"),  # not marked fcra_regulated
        (broken(records_target=True), "records_target"),  # has a channel and no gov link
        (
            broken(
                gov_links=[
                    {
                        "kind": "law-enforcement",
                        "summary": "s",
                        "source": "https://x.org",
                        "self_reported": "yes",
                    }
                ]
            ),
            "gov_links[0].self_reported",
        ),
    ],
)
def test_schema_errors_name_the_field(data, field):
    with pytest.raises(CatalogError) as caught:
        parse_entry("example.toml", "example", data)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"example.toml: {field}: ")


def test_valid_entry_parses():
    entry = parse_entry("example.toml", "example", VALID)
    assert entry.slug == "example" and entry.channels[0].url == "https://example.org/optout"


def test_one_bad_file_does_not_hide_the_rest(tmp_path):
    for item in data_folder().iterdir():
        if item.name.endswith(".toml"):
            (tmp_path / item.name).write_bytes(item.read_bytes())
    (tmp_path / "spokeo.toml").write_text('name = "Spokeo"\ncategories = ["nope"]\n')
    (tmp_path / "broken-syntax.toml").write_text("name = \n")
    (tmp_path / "Bad Name.toml").write_text((tmp_path / "acxiom.toml").read_text())
    (tmp_path / "whitepages.toml").unlink()  # 411.com is covered by it: now dangling
    entries, errors = load_entries(tmp_path)
    messages = sorted(str(e) for e in errors)
    assert any(m.startswith("spokeo.toml: ") for m in messages)
    assert any(m.startswith("broken-syntax.toml: syntax") for m in messages)
    assert any(m.startswith("Bad Name.toml: file name") for m in messages)
    assert any(m.startswith("411-com.toml: covered_by") for m in messages)
    assert "spokeo" not in entries and "411-com" not in entries
    assert "lexisnexis-risk" in entries and len(entries) > 40


def test_flags_combine_curated_links_and_registry_answers():
    entry = model.Broker(
        slug="x", name="X", registry_flags=(("collects_immigration_status", True),)
    )
    assert entry.flag("collects_immigration_status")
    assert not entry.flag("sold_to_federal_government")


# -- fuzzing: any input gives an entry or a CatalogError, never a crash -----------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=20),
        st.dates(),
        st.just("https://x.org"),
        st.just("people-search"),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["type", "url", "purposes", "kind"]), inner, max_size=3),
    ),
    max_leaves=8,
)
keys = st.sampled_from(
    sorted(
        [
            "name",
            "categories",
            "channels",
            "gov_links",
            "honours",
            "sources",
            "last_verified",
            "status",
            "domains",
            "website",
            "extra",
        ]
    )
)


@settings(max_examples=2000, deadline=None)
@given(st.dictionaries(keys, values, max_size=8))
def test_any_table_gives_an_entry_or_a_catalog_error(data):
    try:
        parse_entry("fuzz.toml", "fuzz", {**VALID, **data})
    except CatalogError as exc:
        assert exc.file == "fuzz.toml" and exc.field


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=300))
def test_any_file_bytes_load_or_report(tmp_path_factory, data):
    folder = tmp_path_factory.getbasetemp() / "fuzz-catalog"  # one folder, rewritten: a new
    folder.mkdir(exist_ok=True)  # one per example costs more than the example
    (folder / "fuzz.toml").write_bytes(data)
    entries, errors = load_entries(folder)
    assert len(entries) + len(errors) == 1
