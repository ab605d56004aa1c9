"""Clinic mode at work: agent letters, the authorisation check, resident sheet, case report."""

import datetime as dt
import io

import pypdf
import pytest

from borrador.keys import FLOOR
from borrador.letters.context import Agent
from tests.helpers import smtp_server as srv
from tests.helpers.common import PASSPHRASE, TODAY
from tests.helpers.people import sample_person
from tests.unit.test_mail import certs, server, setup_account  # noqa: F401 (fixtures)

BROKERS = ["epsilon", "acxiom", "spokeo"]


def pdf_text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


@pytest.fixture
def clinic(session):
    session.profile.save(
        Agent(
            name="Clínica Ejemplo",
            organisation="Centro Comunitario Ejemplo",
            address="9 Calle Inventada\nFresno, CA 93701",
            email="ayuda@example.org",
            phone="555-0100",
        )
    )
    session.clinic.enable(PASSPHRASE, "Rosa Voluntaria", FLOOR)
    return session


def make(session, language="en", kind="delete", fmt="eml"):
    person = session.people.add(sample_person(state="CA") | {"language": language})
    made = session.letters.make(
        person.id, BROKERS, kind, fmt=fmt, out_dir=session.paths.root / "out"
    )
    return person, [m.request.id for m in made]


def test_agent_letters_are_chosen_automatically_for_a_volunteer(clinic):
    _person, ids = make(clinic, fmt="pdf")
    for request_id in ids:
        request = clinic.requests.get(request_id)
        assert request.agent == "Rosa Voluntaria" and request.authorized_on is None
        assert "Rosa Voluntaria" in request.letter_text
        assert "Centro Comunitario Ejemplo" in request.letter_text
    out = clinic.paths.root / "out"
    authorization = [p for p in out.iterdir() if "authoriz" in p.name]
    assert authorization, sorted(p.name for p in out.iterdir())
    text = pdf_text(authorization[0].read_bytes())
    assert "authorise Rosa Voluntaria of Centro Comunitario Ejemplo" in text
    assert text.count("Signature") == 1 and "Sincerely" not in text


def test_individuals_never_get_agent_letters(session):
    _person, ids = make(session)
    assert all(session.requests.get(i).agent == "" for i in ids)


@pytest.mark.smtp
def test_no_agent_letter_is_sent_without_a_recorded_authorisation(clinic, server, certs):  # noqa: F811
    handler, controller, security = server
    setup_account(clinic, controller, security, certs[0])
    person, ids = make(clinic)
    results = clinic.mail.send(ids, password=srv.PASSWORD, pause=0)
    assert not any(r.sent for r in results)
    assert all("signed authorisation is not recorded" in r.message for r in results)
    assert handler.messages == []
    changed = clinic.clinic.record_authorization(person.id, TODAY - dt.timedelta(days=1))
    assert {r.id for r in changed} == set(ids)
    assert all(r.authorized_on == TODAY - dt.timedelta(days=1) for r in changed)
    results = clinic.mail.send(ids, password=srv.PASSWORD, pause=0)
    assert [r.sent for r in results] == [True, True, True]
    assert len(handler.messages) == 3
    events = clinic.requests.events(ids[0])
    assert any("authorisation" in e.note for e in events)
    assert {e.actor for e in events} == {"Rosa Voluntaria"}


def test_an_authorisation_cannot_be_dated_in_the_future(clinic):
    person, _ids = make(clinic)
    with pytest.raises(Exception, match="future"):
        clinic.clinic.record_authorization(person.id, TODAY + dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Your privacy requests",
                "Sent on November 26, 2026",
                "By law they must answer by",
                "Watch for",
                "Questions? Call Centro Comunitario Ejemplo: 555-0100",
            ],
        ),
        (
            "es",
            [
                "Sus solicitudes de privacidad",
                "Enviada el 26 de noviembre de 2026",
                "Por ley deben contestar a más tardar el",
                "Esté pendiente de",
                "¿Preguntas? Llame a Centro Comunitario Ejemplo: 555-0100",
            ],
        ),
    ],
)
def test_resident_sheet_in_the_residents_language(clinic, language, expected):

    person, ids = make(clinic, language)
    clinic.clinic.record_authorization(person.id, TODAY)
    clinic.requests.change_status(ids[0], "sent", channel="email")
    data = clinic.reports.resident_sheet(person.id)
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1
    text = pdf_text(data)
    for phrase in expected:
        assert phrase in text, (phrase, text)
    assert "Epsilon" in text and "Acxiom" in text
    # Nothing the resident did not already know: no birth date, address or email.
    for private in ("1990", "Fresno", "@example"):
        assert private not in text.replace("ayuda@example.org", "")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Case report:",
                "Status: sent",
                "Answer due:",
                "Authorised agent: Rosa Voluntaria",
                "Cal. Civ. Code",
            ],
        ),
        (
            "es",
            [
                "Informe del caso:",
                "Estado: enviada",
                "Fecha límite de respuesta:",
                "Agente autorizado: Rosa Voluntaria",
                "Cal. Civ. Code",
            ],
        ),
    ],
)
def test_case_report_has_every_request_and_its_timeline(clinic, language, expected):

    person, ids = make(clinic)
    clinic.requests.change_status(ids[0], "sent", channel="email")
    text = pdf_text(clinic.reports.case_report(person.id, language))
    for phrase in expected:
        assert phrase in text, (phrase, text)
    for request_id in ids:
        assert f" {request_id}:" in text
    assert text.count("(Rosa Voluntaria)") >= len(ids) + 1  # every event names its volunteer


@pytest.mark.parametrize("count", [7, 40])
def test_resident_sheet_stays_one_page_with_many_requests(clinic, count):

    slugs = sorted(clinic.catalog.catalog().entries)
    person = clinic.people.add(sample_person(state="CA") | {"language": "es"})
    for slug in slugs[:count]:
        try:
            clinic.requests.create(person.id, slug, "opt-out")
        except Exception:  # an exited broker or one with no channel: not a request
            continue
    listed = len(clinic.requests.find(person.id))
    data = clinic.reports.resident_sheet(person.id)
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1
    text = pdf_text(data)
    assert "Esté pendiente de" in text
    if count == 40:
        assert listed > 30 and f"y {listed - 30} más" in text
