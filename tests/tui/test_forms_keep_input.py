"""Screens keep what was typed: a bad date keeps the dialog and its other fields; US dates
and state names are taken; every refused field of the person form is named at once."""

from textual.widgets import Input

from tests.helpers.tui import SIZE


async def test_a_bad_date_keeps_the_dialog_and_a_us_date_is_taken(app):
    from borrador.tui.screens.request import RequestScreen

    async with app.run_test(size=SIZE) as pilot:
        app.open(lambda: RequestScreen(3))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        modal = app.screen
        modal.query_one("#m-on", Input).value = "13/45/2026"
        modal.query_one("#m-confirmation", Input).value = "ABC-123"
        modal.query_one("#ok").press()
        await pilot.pause()
        assert app.screen is modal  # still open
        assert "calendar date" in str(modal.query_one("#m-err-on").render())
        assert modal.query_one("#m-confirmation", Input).value == "ABC-123"
        assert app.session.requests.get(3).status == "drafted"
        modal.query_one("#m-on", Input).value = "11/20/2026"
        modal.query_one("#ok").press()
        await pilot.pause()
        assert app.screen is not modal
    request = app.session.requests.get(3)
    assert (request.status, str(request.sent_on), request.confirmation) == (
        "sent", "2026-11-20", "ABC-123")  # fmt: skip


async def test_person_form_takes_a_state_name_and_names_every_refusal(app):
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        for key, value in (("name", "Teo Ficticio"), ("state", "Texas"),
                           ("birth_date", "04/02/1990"), ("emails", "not-an-email"),
                           ("street", "1 Elm"), ("city", "Austin"),
                           ("address_state", "Texas"), ("postal_code", "787")):  # fmt: skip
            form.query_one(f"#f-{key}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        refused = {key for key in ("emails", "postal_code")
                   if str(form.query_one(f"#err-{key}").render()).strip()}  # fmt: skip
        assert refused == {"emails", "postal_code"}
        assert app.focused is form.query_one("#f-emails", Input)  # the first, in screen order
        form.query_one("#f-emails", Input).value = "teo@example.org"
        form.query_one("#f-postal_code", Input).value = "78701"
        await pilot.press("ctrl+s")
        await pilot.pause()
    teo = app.session.people.all()[-1]
    assert (teo.name, teo.state, str(teo.birth_date)) == ("Teo Ficticio", "TX", "1990-04-02")
    assert teo.addresses[0].state == "TX"
