"""Catalog search: case, accents and small typos tolerated; ICE suppliers and exact matches first."""

import time

import pytest

from borrador.catalog import model
from borrador.catalog.loader import load_curated
from borrador.catalog.search import SearchIndex, normalise


@pytest.fixture(scope="module")
def index():
    return SearchIndex(load_curated().listed())


def slugs(index, query):
    return [e.slug for e in index.search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lexisnexis", "lexisnexis-risk"),
        ("LEXIS", "lexisnexis-risk"),
        ("Lexis Nexis", "lexisnexis-risk"),
        ("accurint", "lexisnexis-risk"),
        ("CLEAR", "thomson-reuters"),
        ("tlo", "transunion"),
        ("spokeo.com", "spokeo"),
        ("intelius", "peopleconnect"),
        ("zabasearch", "peopleconnect"),
        ("spokoe", "spokeo"),
        ("acxoim", "acxiom"),
        ("radarys", "radaris"),
        ("beenverifed", "beenverified"),
        ("Équifax", "equifax"),
        ("equifáx", "equifax"),
        ("location", "venntel"),
    ],
)
def test_finds(index, query, expected):
    assert expected in slugs(index, query)[:3]


def test_exact_match_first_then_ice_suppliers(index):
    assert slugs(index, "transunion")[0] == "transunion"
    found = slugs(index, "risk")
    assert found[0] == "lexisnexis-risk"  # ICE supplier before Verisk
    assert found.index("lexisnexis-risk") < found.index("verisk")
    everything = load_curated().listed()
    ranked = index.search("")
    ice = [e for e in ranked if e.ice_supplier and not e.records_target]
    assert ranked[: len(ice)] == ice  # every ICE supplier one can write to comes first
    assert {"lexisnexis-risk", "thomson-reuters"} <= {e.slug for e in ice}
    assert ranked[-1].records_target  # nothing to send to them: listed last
    assert len(ranked) == len(everything)


def test_no_false_friends(index):
    assert slugs(index, "zzzz") == []
    assert "spokeo" not in slugs(index, "radaris")


def test_normalise():
    assert normalise("  Ñúñez-Peña & Co. ") == "nunez pena co"


def test_5000_entries_answer_fast():
    entries = [
        model.Broker(
            slug=f"b{i}",
            name=f"Invented Broker {i} Datos",
            domains=(f"broker{i}.example",),
            categories=("people-search",),
        )
        for i in range(5000)
    ]
    index = SearchIndex(entries)
    for query in ("a", "inv", "datos", "broker 42", "brokr", "zzz"):
        start = time.perf_counter()
        index.search(query)
        assert time.perf_counter() - start < 0.05  # generous here; bench/ measures the real figure
