"""The documents a Spanish-speaking person gets, in Spanish: each is made for the same person
twice, in Spanish and in English, and no English sentence of the English one may be left in
the Spanish one (names, addresses, statute citations and web addresses excepted)."""

from __future__ import annotations

import re

import pytest

from borrador.catalog.model import SENSITIVE
from borrador.i18n import _, set_language
from borrador.letters.context import Agent

PERSON = {"name": "Rosa Inventada Ruiz", "state": "CA", "emails": ["rosa@example.org"],
          "addresses": [{"street": "10 Calle Falsa", "city": "Oakland", "state": "CA",
                         "postal_code": "94601", "current": True}]}  # fmt: skip
KEPT = re.compile(r"§|@|https?://|www\.|\.gov|Rosa Inventada|Calle Falsa|Code|U\.S\.C|CCPA")


def english_left(english: str, spanish: str) -> list[str]:
    """Sentences (of three words or more) of `english` that `spanish` still holds."""
    sentences = re.split(r"(?<=[.:;!?])\s+|\n", english)
    return [s.strip() for s in sentences
            if len(re.findall(r"[A-Za-z]{2,}", s)) >= 3 and s.strip() in spanish
            and not KEPT.search(s)]  # fmt: skip


@pytest.fixture
def twins(session):
    """The same person twice: one reads Spanish, one English; a request of each kind sent."""
    es = session.people.add({**PERSON, "language": "es"})
    en = session.people.add({**PERSON, "language": "en"})
    for person in (es, en):
        request = session.requests.create(person.id, "spokeo", "delete")
        session.requests.change_status(request.id, "sent", channel="mail")
        session.requests.create(person.id, "acxiom", "access")
    return session, es.id, en.id


def pages(monkeypatch, make):
    """The text blocks of a PDF report, as the report service hands them to the renderer."""
    from borrador.services import reports

    seen: list[str] = []
    monkeypatch.setattr(reports, "render_document",
                        lambda blocks, **_kw: seen.extend(t for _k, t in blocks) or b"")  # fmt: skip
    make()
    return "\n".join(seen)


def test_the_resident_sheet(twins, monkeypatch):
    session, es, en = twins
    spanish = pages(monkeypatch, lambda: session.reports.resident_sheet(es))
    english = pages(monkeypatch, lambda: session.reports.resident_sheet(en))
    assert spanish != english and not english_left(english, spanish)


def test_the_case_report_and_its_history_notes(twins, monkeypatch):
    session, es, _en = twins
    spanish = pages(monkeypatch, lambda: session.reports.case_report(es, "es"))
    english = pages(monkeypatch, lambda: session.reports.case_report(es, "en"))
    assert not english_left(english, spanish)
    assert "Estado:" in spanish  # the facts are labelled in Spanish


def test_explainers_and_guides_for_a_spanish_reader(twins):
    session, es, en = twins
    for kind, slug in (("delete", "whitepages"), ("access", "acxiom"), ("opt-out", "spokeo")):
        [(_d, spanish)] = session.letters.preview(es, [slug], kind)
        [(_d, english)] = session.letters.preview(en, [slug], kind)
        assert spanish.explainer and not english_left(english.explainer, spanish.explainer)
    for topic in ("drop", "own-file"):
        assert not english_left(session.letters.guide(en, topic), session.letters.guide(es, topic))


def test_web_form_and_drop_guides_and_legal_basis_lines(twins):
    session, es, _en = twins
    request = session.requests.create(es, "truepeoplesearch", "opt-out")
    person, entry = session.people.get(es), session.catalog.catalog().get("truepeoplesearch")

    def documents() -> str:
        guide = session.letters.build(person, entry, request, "web")
        drop = session.letters.drop_guide(es)
        _law, why = session.requests.explain_basis(es, "whitepages", "delete")
        return "\n".join((guide.text, drop.text, why))

    english = documents()
    set_language("es")
    spanish = documents()
    assert not english_left(english, spanish)


def test_catalog_warnings_are_translated():
    set_language("es")
    assert [w for w in SENSITIVE.values() if _(w) == w] == []


@pytest.mark.xfail(strict=True, reason="the English date, subject and kind lines of this "
                   "bilingual form have no Spanish line of their own (the kinds are given in "
                   "Spanish as one list, the subject only in English)")  # fmt: skip
def test_the_authorisation_form_gives_each_english_line_in_spanish_too(twins, tmp_path):
    """The form is bilingual on purpose (the recipient reads English): each English line of
    prose is followed by its Spanish before the next English one."""
    session, es, en = twins
    agent = Agent(name="Clínica Ejemplo", organisation="Clínica Ejemplo")
    texts = {}
    for who in (es, en):
        out = tmp_path / str(who)
        session.letters.make(who, ["whitepages"], "delete", fmt="txt", out_dir=out, agent=agent)
        texts[who] = (out / "authorization.txt").read_text()
    english_lines = {line.strip() for line in texts[en].splitlines() if line.strip()}
    missing, waiting = [], None
    for line in (x.strip() for x in texts[es].splitlines() if x.strip()):
        prose = line in english_lines and len(line.split()) >= 3 and not KEPT.search(line)
        if line in english_lines and waiting and prose:
            missing.append(waiting)
        if prose:
            waiting = line
        elif line not in english_lines:
            waiting = None
    assert not missing, missing
