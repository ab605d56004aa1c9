"""State-registry import: each published format, quirks, idempotence, dedupe, fuzzing."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borrador.catalog.registry import RegistryError, parse_registry
from borrador.catalog.registry_cells import emails, name_key, phone, urls
from tests.helpers import registry_files as files


@pytest.mark.parametrize("fmt", sorted(files.FORMATS))
def test_each_format_reads(fmt):
    parsed = parse_registry(files.FORMATS[fmt]())
    assert parsed.format == fmt
    assert parsed.state == ("vt" if fmt.startswith("vt") else "ca")
    assert [r.name for r in parsed.rows] == [
        "LexisNexis Risk Solutions Inc.",
        "Ejemplo Datos Uno LLC",
        "Fictional Locators, Inc.",
        "Quinta Analytics Corp",
    ]
    assert len(parsed.skipped) == 1 and parsed.skipped[0][1] == "no data broker name"
    lexis, uno, fictional, quinta = parsed.rows
    assert lexis.website == "https://risk.lexisnexis.com"
    assert lexis.emails == ["privacy.information.mgr@lexisnexis.com"]
    assert uno.website == "https://www.datosuno.example"
    assert uno.domains[:2] == ["datosuno.example", "otro-sitio.example"]
    assert uno.emails == ["privacy@datosuno.example", "legal@datosuno.example"]
    assert fictional.emails == ["optout@fictional-locators.example"]
    assert quinta.emails == ["privacy@quinta.example"]
    assert all(r.fields for r in parsed.rows)
    assert "LexisNexis Risk Solutions Inc." in lexis.fields.values()


def test_skipped_rows_give_the_line_where_they_start():
    # The AG format has multi-line cells: each record spans six lines.
    parsed = parse_registry(files.ca_ag_2020_2023())
    assert parsed.skipped == [(20, "no data broker name")]
    assert [r.line for r in parsed.rows] == [2, 8, 14, 26]


def test_cppa_2026_yes_no_answers_and_metrics():
    rows = {r.name: r for r in parse_registry(files.ca_cppa_2026()).rows}
    lexis = rows["LexisNexis Risk Solutions Inc."]
    assert lexis.flags["sold_to_federal_government"] and lexis.flags["fcra_regulated"]
    assert lexis.flags["glba_regulated"] is False  # header written with non-breaking hyphens
    fictional = rows["Fictional Locators, Inc."]
    assert fictional.flags["collects_immigration_status"] is True
    assert fictional.flags["sold_to_federal_government"] is False
    assert fictional.phone == "555 0101 ext 4"
    assert lexis.phone == "(888) 497-0011"
    assert len(lexis.metrics) == 18 and 1000.0 in lexis.metrics.values()
    assert lexis.privacy_url == "https://risk.lexisnexis.com/rights"


def test_vermont_fields():
    rows = parse_registry(files.vermont()).rows
    assert rows[0].registry_id == "0000" and rows[0].status == "Active"
    assert rows[1].status == "Expired"
    assert rows[0].opt_out.startswith("Online at")
    assert "Montpelier" in rows[0].address


def test_not_a_registry_is_a_clear_error():
    with pytest.raises(RegistryError, match="no header row"):
        parse_registry(b"a,b,c\n1,2,3\n")
    with pytest.raises(RegistryError, match="empty"):
        parse_registry(b"")


def test_cell_cleaning():
    # Links written with a scheme or www. come first: they are the ones meant as links.
    assert urls("foo.example;  https://bar.example/x , www.baz.example") == [
        "https://bar.example/x",
        "https://www.baz.example",
        "https://foo.example",
    ]
    assert emails("a [at] b [dot] example; C@D.example") == ["a@b.example", "c@d.example"]
    assert phone("1-800-634-4149") == "(800) 634-4149"
    assert name_key("The LexisNexis Risk Solutions, Inc.") == "lexisnexis risk solutions"
    assert name_key("Ñandú Datos S.A. LLC") == "nandu datos s a"


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_result_or_a_clear_error(data):
    try:
        parsed = parse_registry(data)
    except RegistryError as exc:
        assert exc.message
    else:
        assert all(r.name for r in parsed.rows)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), max_size=8), max_size=6))
def test_any_rows_under_a_real_header(rows):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [
            [
                "Data broker name:",
                "Data broker primary website:",
                "Data broker primary contact email address:",
            ],
            *rows,
        ]
    )
    parsed = parse_registry(buffer.getvalue().encode("utf-8", "surrogatepass"))
    assert len(parsed.rows) + len(parsed.skipped) <= len(rows)
    for row in parsed.rows:
        assert row.key and "\x00" not in row.name
