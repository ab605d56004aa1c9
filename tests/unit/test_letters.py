"""Letters: every template for every state, statute and deadline, minimisation, outputs."""

import email
import email.policy
import io

import pypdf
import pytest

from borrador.core.errors import BorradorError, ValidationError
from borrador.laws.table import law_table
from borrador.letters.email_out import build_eml, mailto
from borrador.letters.pdf import UnprintableText, render_pdf
from tests.helpers.people import sample_person

PRIVACY_STATES = sorted(
    r.law.split("-")[1].upper() for r in law_table().rules if r.law.startswith("privacy-")
)
BROKER_KINDS = ("opt-out", "delete", "access")


def person_in(session, state, **extra):
    return session.people.add(sample_person(state=state, **extra))


def letter_for(session, person, slug, kind, fmt="txt", **options):
    made = session.letters.make(
        person.id, [slug], kind, fmt=fmt, out_dir=session.paths.root / "out", options=options
    )
    return made[0]


@pytest.mark.parametrize("state", [*PRIVACY_STATES, "WY", ""])
@pytest.mark.parametrize("kind", BROKER_KINDS)
def test_every_broker_template_for_every_state(session, state, kind):
    person = person_in(session, state or None)
    made = letter_for(session, person, "acxiom", kind)
    text = made.request.letter_text
    law = made.request.legal_basis
    rule = law_table().rule(law, kind)
    if law == "policy":
        assert "I am not claiming one" in text and "45 days" in text
        assert "law requires" not in text
    elif law == "privacy-ca":
        assert {"opt-out": "§1798.120", "delete": "§1798.105", "access": "§1798.110"}[kind] in text
        assert ("15 business days" if kind == "opt-out" else "45 calendar days") in text
    elif law == "privacy-co":
        assert "C.R.S. §6-1-1306" in text and "45 calendar days" in text
    else:
        assert rule.citation in text and rule.name in text
        assert f"within {rule.respond}" in text
    assert text == session.requests.get(made.request.id).letter_text  # stored as sent


def test_oregon_access_asks_for_the_specific_third_parties(session):
    made = letter_for(session, person_in(session, "OR"), "acxiom", "access")
    assert "list of the specific third parties" in made.request.letter_text
    other = letter_for(session, person_in(session, "VA"), "acxiom", "access")
    assert "specific third parties" not in other.request.letter_text


@pytest.mark.parametrize(
    ("state", "slug", "law", "citation"),
    [
        ("CO", "state-local-agency", "records-co", "C.R.S. §24-72-203(3)(b)"),
        ("IL", "state-local-agency", "records-il", "5 ILCS 140/3(d)"),
        ("CA", "state-local-agency", "records-ca", "§7922.535(a)"),
        ("TX", "state-local-agency", "records-state", "Texas Public Information Act"),
        ("TX", "ice-foia", "foia", "5 U.S.C. §552(a)(6)(A)(i)"),
    ],
)
def test_records_letters(session, state, slug, law, citation):
    person = person_in(session, state)
    made = session.letters.make(
        person.id,
        [slug],
        "records",
        fmt="txt",
        out_dir=session.paths.root / "out",
        options={
            "fee_waiver": True,
            "agency_name": "Example County Sheriff",
            "agency_address": "1 Courthouse Sq\nExampleville",
            "agency_state": state,
        },
    )[0]
    text = made.request.letter_text
    assert made.request.legal_basis == law and citation in text
    assert "cite the specific exemption" in text
    assert "742 Calle Ficticia" not in text  # an agency never gets the street address
    assert "1979" not in text and "312-555" not in text


def test_fcra_disclosure_and_dispute(session):
    person = person_in(session, "NY")
    made = letter_for(session, person, "lexisnexis-risk", "disclosure")
    text = made.request.letter_text
    assert "15 U.S.C. §1681g(a)" in text and "within 15 days" in text
    assert "February 28, 1979" in text  # LexisNexis needs the date of birth to find the file
    assert "Social Security number" in text and "not included" in text
    with pytest.raises(ValidationError, match="about"):
        letter_for(session, person, "equifax", "dispute")
    dispute = letter_for(session, person, "equifax", "dispute", about="An address I never had.")
    assert "An address I never had." in dispute.request.letter_text


def test_data_minimisation(session):
    person = person_in(session, "CA", phones=["312-555-0199"])
    spokeo = letter_for(session, person, "spokeo", "delete", fmt="eml")
    # Spokeo's email channel states no requirement: name and address only.
    assert "February 28, 1979" not in spokeo.request.letter_text
    assert "312-555-0199" not in spokeo.request.letter_text
    assert "742 Calle Ficticia" in spokeo.request.letter_text
    thatsthem = letter_for(session, person, "thatsthem", "opt-out", fmt="web")
    assert dict(thatsthem.guide.fields)["Phone"] == "312-555-0199"  # its form asks for a phone
    assert "February 28, 1979" not in thatsthem.guide.text


def test_explainer_in_the_persons_language(session):
    made = letter_for(session, person_in(session, "CA"), "acxiom", "delete")
    explainer = made.files[1].read_text()
    assert made.files[1].name.endswith(".explainer.es.txt")
    assert f"solicitud {made.request.id}" in explainer and "Acxiom" in explainer
    assert "días calendario" in explainer
    english = letter_for(session, person_in(session, "CA", language="en"), "acxiom", "delete")
    assert "ABOUT YOUR LETTER" in english.letter.explainer


NAMES = ["Nguyễn Thị Minh Khai", "José Ñúñez Peña", "Łukasz Żółć", "Ἀλέξανδρος"]


@pytest.mark.parametrize("name", NAMES)
def test_pdf_prints_any_name_exactly(session, name):
    person = session.people.add(sample_person(name=name, state="CA"))
    made = letter_for(session, person, "acxiom", "delete", fmt="pdf")
    reader = pypdf.PdfReader(made.files[0])
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert name in text
    assert "Sent by certified mail, article number" in text


def test_unprintable_name_is_reported_before_anything_is_made(session):
    person = session.people.add(sample_person(name="张伟", state="CA"))
    with pytest.raises(UnprintableText, match="U\\+5F20"):
        letter_for(session, person, "acxiom", "delete", fmt="pdf")
    assert session.requests.find() == []
    assert not (session.paths.root / "out").exists()
    assert letter_for(session, person, "acxiom", "delete", fmt="txt").request.id  # text is fine


def test_combined_pdf_with_cover_sheet(session):
    person = person_in(session, "CO")
    made = session.letters.make(
        person.id,
        ["acxiom", "epsilon", "experian"],
        "delete",
        fmt="pdf",
        combined=True,
        out_dir=session.paths.root / "out",
    )
    reader = pypdf.PdfReader(session.paths.root / "out" / "letters-combined.pdf")
    assert len(reader.pages) >= 4
    cover = reader.pages[0].extract_text()
    assert "Letters to print and mail: 3" in cover and "Epsilon" in cover
    assert len(made) == 3


def test_eml_and_mailto(session):
    person = person_in(session, "CA")
    made = letter_for(session, person, "epsilon", "delete", fmt="eml")
    message = email.message_from_bytes(made.files[0].read_bytes(), policy=email.policy.default)
    assert message["To"] == "privacy@epsilon.com"
    assert message["From"] == "Xiomara Pruebas Inventada <xiomara.pruebas@example.net>"
    assert "§1798.105" in message.get_content() and message["Subject"].startswith("Request")
    attached = email.message_from_bytes(
        build_eml(made.letter, pdf=render_pdf([made.letter])), policy=email.policy.default
    )
    parts = list(attached.iter_attachments())
    assert parts[0].get_content_type() == "application/pdf"
    assert pypdf.PdfReader(io.BytesIO(parts[0].get_content())).pages
    link = mailto(made.letter.to_email, made.letter.subject, made.letter.text)
    assert link.startswith("mailto:privacy@epsilon.com?subject=") and "%C2%A71798.105" in link
    with pytest.raises(BorradorError, match="no email address"):
        letter_for(session, person, "clustal", "opt-out", fmt="eml")  # a web form only


def test_batch_is_all_or_nothing(session):
    person = session.people.add({"name": "Sin Direccion", "state": "CA"})
    with pytest.raises(ValidationError, match="address"):
        session.letters.make(
            person.id,
            ["acxiom", "lexisnexis-risk"],
            "delete",
            fmt="txt",
            out_dir=session.paths.root / "out",
        )
    assert session.requests.find() == []


def test_agent_letters_and_authorization(session):
    from borrador.letters.context import Agent

    person = person_in(session, "CA")
    agent = Agent(name="Rosa Voluntaria", organisation="Clínica Ejemplo", email="rosa@example.org")
    made = session.letters.make(
        person.id, ["acxiom"], "delete", fmt="txt", agent=agent, out_dir=session.paths.root / "out"
    )[0]
    text = made.request.letter_text
    assert "I write as the authorised agent of Xiomara Pruebas Inventada, a resident of " \
        "California" in text
    assert "Authorised agent for Xiomara Pruebas Inventada" in text
    authorization = (session.paths.root / "out" / "authorization.txt").read_text()
    assert (
        "I, Xiomara Pruebas Inventada, a resident of California, authorise Rosa Voluntaria of "
        "Clínica Ejemplo" in authorization
    )
    assert "§7063" in authorization and "Acxiom" in authorization
    assert authorization.count("Signature") == 1


def test_escalations_carry_the_history(session):
    import datetime as dt

    person = person_in(session, "CA")
    original = session.requests.create(person.id, "acxiom", "delete")
    session.requests.change_status(
        original.id, "sent", on=dt.date(2026, 9, 1), channel="mail", confirmation="9400 1234"
    )
    follow = session.letters.escalate(
        original.id, "follow-up", fmt="txt", out_dir=session.paths.root / "out"
    )
    text = follow.request.letter_text
    assert follow.request.parent_id == original.id and follow.request.kind == "follow-up"
    assert "September 1, 2026" in text and "The law required an answer by" in text
    assert "9400 1234" in text
    complaint = session.letters.escalate(
        original.id, "complaint", fmt="txt", out_dir=session.paths.root / "out"
    )
    assert complaint.letter.recipient_lines[0].startswith("California Privacy Protection")
    assert "I file this complaint against Acxiom" in complaint.request.letter_text


def test_sending_a_follow_up_moves_the_original(session):
    import datetime as dt

    person = person_in(session, "CA")
    original = session.requests.create(person.id, "acxiom", "delete")
    session.requests.change_status(original.id, "sent", on=dt.date(2026, 9, 1), channel="mail")
    follow = session.letters.escalate(
        original.id, "follow-up", fmt="txt", out_dir=session.paths.root / "out"
    )
    session.requests.change_status(follow.request.id, "sent", channel="mail")  # the day drafted
    assert session.requests.get(original.id).status == "follow-up-sent"
    complaint = session.letters.escalate(
        original.id, "complaint", fmt="txt", out_dir=session.paths.root / "out"
    )
    session.requests.change_status(complaint.request.id, "sent", channel="web")
    assert session.requests.get(original.id).status == "complaint-filed"


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_previewed_explainer_names_no_missing_request(session, language):
    """Before a request is stored it has no id: the explainer header leaves the id out rather
    than print 'request None' / 'solicitud None'."""
    person = session.people.add(sample_person(state="CA", language=language))
    previews = session.letters.preview(person.id, ["spokeo", "acxiom"], "delete", fmt="txt")
    for _request, letter in previews:
        assert letter.explainer and "None" not in letter.explainer


def test_an_email_draft_has_no_postal_blocks_or_hand_signature(session, tmp_path):
    person = session.people.add(sample_person(state="CO", language="en"))
    [made] = session.letters.make(person.id, ["acxiom"], "delete", fmt="eml", out_dir=tmp_path)
    text = made.request.letter_text
    street = sample_person()["addresses"][0]["street"]
    assert text.startswith("Re: ") and "Sincerely," in text and person.name in text
    assert street not in text.split("To find the records")[0]  # no sender block above
    assert "P.O. Box" not in text and "____" not in text and "certified mail" not in text
    eml = next(p for p in made.files if p.suffix == ".eml").read_text()
    assert "____" not in eml and "certified mail" not in eml
