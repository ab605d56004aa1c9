"""Public records follow the agency; agents speak as agents only where the state allows;
the DROP and own-file guides."""

from __future__ import annotations

import pytest

from borrador.catalog.schema import CatalogError, parse_entry
from borrador.core.errors import ValidationError
from borrador.laws.records_acts import all_records_acts
from borrador.letters.context import Agent
from tests.helpers.people import sample_person

AGENT = Agent(name="Rosa Voluntaria", organisation="Clínica Ejemplo", email="rosa@example.org")


def _records(session, state, agency_state, **extra):
    person = session.people.add(sample_person(state=state, **extra))
    options = {"agency_name": "Example Police Department", "agency_state": agency_state}
    return session.letters.make(person.id, ["state-local-agency"], "records", fmt="txt",
                                out_dir=session.paths.root / f"r{person.id}",
                                options=options)[0]  # fmt: skip


def test_a_colorado_resident_writing_to_an_illinois_agency_gets_illinois_foia(session):
    made = _records(session, "CO", "IL")
    text = made.request.letter_text
    assert made.request.legal_basis == "records-il"
    assert "Illinois Freedom of Information Act" in text and "5 ILCS 140/3(d)" in text
    assert "Colorado" not in text and "C.R.S." not in text
    explainer = made.letter.explainer
    assert "Example Police Department" in explainer and "you fill in" not in explainer


def test_the_generic_agency_asks_for_its_state(session):
    person = session.people.add(sample_person(state="CO"))
    with pytest.raises(ValidationError, match="agency-state"):
        session.letters.make(person.id, ["state-local-agency"], "records", fmt="txt",
                             out_dir=session.paths.root / "x")  # fmt: skip
    with pytest.raises(ValidationError, match="not a US state code"):
        _records(session, "CO", "QQ")


@pytest.mark.parametrize(("state", "named"), [
    ("AR", "Under the Arkansas Freedom of Information Act (Ark. Code Ann. §§25-19-101"),
    ("NY", "Under the New York Freedom of Information Law"),
    ("TX", "Under the Texas Public Information Act (Tex. Gov't Code ch. 552)"),
    ("GA", "Under the public records law of Georgia"),  # act recalled, not confirmed
])  # fmt: skip
def test_the_generic_letter_names_the_agencys_act(session, state, named):
    made = _records(session, "CO", state)
    assert made.request.legal_basis == "records-state"
    assert named in made.request.letter_text
    explainer = made.letter.explainer
    assert "no law sets" not in explainer.lower() and "ninguna ley fija" not in explainer


def test_records_explainers_never_say_no_law_sets_a_deadline(session):
    for state in [*sorted(all_records_acts()), "WY"]:
        for language in ("en", "es"):
            made = _records(session, "CO", state, language=language)
            assert "no law sets" not in made.letter.explainer.lower()
            assert "ninguna ley fija" not in made.letter.explainer.lower()


def test_federal_agencies_carry_their_jurisdiction(session):
    catalog = session.catalog.catalog()
    for slug in ("ice-foia", "uscis-records", "cbp-foia", "dhs-privacy-office"):
        assert catalog.get(slug).jurisdiction == "federal"
    assert catalog.get("state-local-agency").jurisdiction == "state"
    base = {"name": "X", "kind": "agency", "categories": ["government-agency"],
            "last_verified": __import__("datetime").date(2026, 1, 1),
            "sources": ["https://example.org"]}  # fmt: skip
    assert parse_entry("x.toml", "x", {**base, "jurisdiction": "state:IL"}).agency_state == "IL"
    with pytest.raises(CatalogError, match="jurisdiction"):
        parse_entry("x.toml", "x", {**base, "jurisdiction": "Illinois"})


def _letters(session, state, kind, recipients=("acxiom",), **extra):
    person = session.people.add(sample_person(state=state, **extra))
    out = session.paths.root / f"a{person.id}{kind}"
    return person, out, session.letters.make(person.id, list(recipients), kind, fmt="txt",
                                             agent=AGENT, out_dir=out)  # fmt: skip


def test_colorado_agent_makes_opt_outs_only(session):
    _p, out, made = _letters(session, "CO", "opt-out", ("acxiom", "epsilon"))
    text = made[0].request.letter_text
    assert (
        "I write as the authorised agent of Xiomara Pruebas Inventada, a resident of "
        "Colorado" in text
    )
    assert made[0].request.agent == "Rosa Voluntaria"
    form = (out / "authorization.txt").read_text()
    assert "C.R.S. §6-1-1306(1)(a)(II)" in form and "§1798.135" not in form
    assert "Acxiom" in form and "Epsilon" in form
    assert "requests to opt out of" in form and "delete" not in form
    assert "Yo, Xiomara Pruebas Inventada" in form  # Spanish beside English
    assert form.count("Signature") == 1
    # A deletion is the person's own letter: the clinic is named as helper, no authorisation.
    _p, out, made = _letters(session, "CO", "delete")
    text = made[0].request.letter_text
    assert "authorised agent" not in text and "I live in Colorado." in text
    assert "Clínica Ejemplo helped me prepare this letter" in text
    assert made[0].request.agent == "" and not (out / "authorization.txt").exists()
    assert made[0].letter.signer == "Xiomara Pruebas Inventada"


def test_virginia_recognises_no_agent(session):
    _p, out, made = _letters(session, "VA", "opt-out")
    text = made[0].request.letter_text
    assert "authorised agent" not in text and "I live in Virginia." in text
    assert not (out / "authorization.txt").exists()


def test_english_only_authorisation_for_an_english_speaker(session):
    _p, out, _made = _letters(session, "CA", "delete", language="en")
    form = (out / "authorization.txt").read_text()
    assert "Cal. Civ. Code §1798.135(e)" in form or "§7063" in form
    assert "Yo, " not in form and "requests to delete my personal data" in form


def test_drop_guide_for_californians(session):
    person = session.people.add(sample_person(state="CA"))
    guide = session.letters.drop_guide(person.id)
    assert guide.url == "https://privacy.ca.gov/drop/"
    assert "NCTUE" in guide.warnings[0] and "Fair Credit Reporting Act" in guide.warnings[0]
    sheet = session.letters.guide(person.id, "drop")
    for missing in ("NCTUE", "Thomson Reuters", "FCRA", "registradas"):
        assert missing in sheet
    other = session.people.add(sample_person(state="CO"))
    with pytest.raises(ValidationError, match="only for California"):
        session.letters.drop_guide(other.id)


def test_california_delete_explainer_points_to_drop_first(session):
    person = session.people.add(sample_person(state="CA", language="en"))
    made = session.letters.make(person.id, ["acxiom"], "delete", fmt="txt",
                                out_dir=session.paths.root / "d")[0]  # fmt: skip
    assert "DROP (privacy.ca.gov/drop)" in made.letter.explainer
    assert "not reach brokers that are not registered" in made.letter.explainer
    colorado = session.people.add(sample_person(state="CO", language="en"))
    made = session.letters.make(colorado.id, ["acxiom"], "delete", fmt="txt",
                                out_dir=session.paths.root / "e")[0]  # fmt: skip
    assert "DROP" not in made.letter.explainer


def test_own_immigration_file_is_an_explainer_only(session):
    person = session.people.add(sample_person(state="TX", language="en"))
    sheet = session.letters.guide(person.id, "own-file")
    assert "immigration attorney" in sheet and "DOJ-accredited representative" in sheet
    assert "5 U.S.C. §552a(a)(2)" in sheet
    assert not [n for n in session.letters.templates.infos if n.startswith("letters/own-file")]
