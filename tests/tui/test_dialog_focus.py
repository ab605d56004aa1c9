"""A dialog opens with the keyboard in its first field: a volunteer who types straight
away (a name, a passphrase, a date) types into the dialog, not into nothing."""

from textual.widgets import Input, Select

from borrador.tui.screens.modals import FormModal


async def test_a_dialog_starts_in_its_first_field_and_enter_takes_it(clinic_app):
    app = clinic_app
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#resident", Select).value = 1
        await pilot.pause()
        await pilot.press("a")  # signed authorisation: the date is offered
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        assert app.focused is app.screen.query_one("#m-date", Input)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormModal)
        assert all(r.authorized_on for r in app.session.requests.find(1) if r.agent)


async def test_a_dialog_without_fields_keeps_the_keyboard_on_its_note(app):
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(FormModal("Note", [], "Write this down first."))
        await pilot.pause()
        await pilot.press("enter")  # a stray Enter does not close it before it is read
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
