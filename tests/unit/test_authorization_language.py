"""The authorisation form a Spanish-speaking resident signs says in Spanish what it lets the
agent ask for, not only in English above a Spanish "the requests above"."""

from borrador.letters.context import Agent
from tests.helpers.people import sample_person

AGENT = Agent(name="Rosa Voluntaria", organisation="Clínica Ejemplo")


def authorization(session, language, state="CA"):
    person = session.people.add(sample_person(state=state) | {"language": language})
    out = session.paths.root / f"out-{language}-{state}"
    session.letters.make(person.id, ["acxiom"], "delete", fmt="txt", agent=AGENT, out_dir=out)
    return (out / "authorization.txt").read_text(encoding="utf-8")


def test_a_spanish_form_lists_every_request_in_spanish(session):
    text = authorization(session, "es")
    spanish = text[text.index("Yo, Xiomara") :]
    for words in (
        "solicitudes para saber qué datos personales tienen sobre mí y recibir una copia",
        "solicitudes para borrar mis datos personales",
        "solicitudes para corregir datos personales inexactos sobre mí",
        "solicitudes para excluirme de la venta de mis datos personales y del tratamiento "
        "de mis datos personales para publicidad dirigida",
    ):
        assert f"  - {words}" in spanish, words
    assert "las solicitudes de arriba" not in text  # the list is right there, in Spanish
    assert "  - requests to delete my personal data" in text  # the English stays, for them


def test_an_english_form_has_no_spanish(session):
    text = authorization(session, "en")
    assert "  - requests to delete my personal data" in text
    assert "solicitudes" not in text and "Firma" not in text
