"""In Spanish, the refusals that come from below the screens read in Spanish: a wrong
passphrase, a bad date in a dialog, a bad email and ZIP in the person form, a status change the
lifecycle refuses. None shows the English template it was made from."""

import pytest
from textual.widgets import Input

from borrador.services import open_store
from borrador.services.preferences import Preferences
from borrador.tui.app import BorradorApp
from tests.helpers.common import PASSPHRASE, FixedClock
from tests.helpers.tui import SIZE, settle


def text_of(widget) -> str:
    return str(widget.render())


def english_free(text: str, *english: str) -> None:
    for words in english:
        assert words not in text, f"{words!r} is English, in {text!r}"


@pytest.fixture
def spanish(store):
    Preferences(store.config).save("language", "es")
    return store


@pytest.fixture
def es_app(spanish):
    session = open_store(spanish, passphrase=PASSPHRASE, clock=FixedClock())
    application = BorradorApp(spanish, clock=FixedClock(), session=session)
    yield application
    if application.session is not None:
        application.session.close()


async def test_a_wrong_passphrase_is_refused_in_spanish(spanish):
    app = BorradorApp(spanish, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "UnlockScreen"
        app.screen.query_one("#passphrase", Input).value = "no es la frase de paso"
        app.screen.query_one("#go").press()
        await settle(pilot)
        said = text_of(app.screen.query_one("#message"))
    assert "la frase de paso no es correcta; no se abrió ni se cambió nada." in said
    assert "Revísela e inténtelo de nuevo." in said
    english_free(said, "passphrase", "nothing was", "Check it")
    assert app.session is None


async def test_a_future_sent_date_is_refused_in_spanish(es_app):
    from borrador.tui.screens.request import RequestScreen

    async with es_app.run_test(size=SIZE) as pilot:
        es_app.open(lambda: RequestScreen(3))
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        modal = es_app.screen
        modal.query_one("#m-on", Input).value = "2030-01-02"
        modal.query_one("#ok").press()
        await settle(pilot)
        assert es_app.screen is modal  # kept open, the date named under its field
        said = text_of(modal.query_one("#m-err-on"))
    assert "2 ene 2030 está en el futuro; anote las cosas cuando hayan ocurrido." in said
    english_free(said, "is in the future", "record things", "date:")
    assert es_app.session.requests.get(3).status == "drafted"


async def test_a_refused_status_change_says_why_in_spanish(es_app):
    from borrador.tui.screens.request import RequestScreen

    async with es_app.run_test(size=SIZE) as pilot:
        es_app.open(lambda: RequestScreen(3))  # drafted: it cannot be completed yet
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        modal = es_app.screen
        modal.query_one("#ok").press()
        await settle(pilot)
        said = text_of(modal.query_one("#m-error"))
    assert "una solicitud en estado «borrador» no puede pasar a «cumplida»." in said
    assert "Desde «borrador» puede pasar a: enviada, retirada." in said
    english_free(said, "cannot become", "drafted", "completed", "sent", "withdrawn")
    assert es_app.session.requests.get(3).status == "drafted"


async def test_the_person_form_names_a_bad_email_and_zip_in_spanish(es_app):
    async with es_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = es_app.screen
        for key, value in (("name", "Teo Ficticio"), ("state", "TX"), ("emails", "sin-arroba"),
                           ("street", "1 Elm"), ("city", "Austin"), ("address_state", "TX"),
                           ("postal_code", "787")):  # fmt: skip
            form.query_one(f"#f-{key}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        email = text_of(form.query_one("#err-emails"))
        postal = text_of(form.query_one("#err-postal_code"))
    assert "'sin-arroba' no es una dirección de correo válida:" in email
    assert postal.strip() == "'787' no es un código postal de EE. UU. (12345)."
    for said in (email, postal):
        english_free(said, "is not a", "valid email", "US ZIP", "emails", "postal_code")
