"""The UI end to end with Textual's Pilot: unlock, navigation, people, catalog, the guided
flow, request actions, the web-form guide, language, auto-lock, safety."""

import datetime as dt

from textual.widgets import DataTable, Input, Select, SelectionList, TextArea

from borrador.i18n import _
from borrador.tui.app import BorradorApp
from tests.helpers.common import PASSPHRASE, FixedClock
from tests.helpers.tui import SIZE


async def type_into(pilot, selector, text):
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)


async def test_first_run_creates_the_store(paths):
    app = BorradorApp(paths, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "UnlockScreen" and app.screen.first_run
        await type_into(pilot, "#passphrase", "una frase larga")
        await type_into(pilot, "#again", "otra frase larga")
        await pilot.click("#go")
        await pilot.pause()
        assert "differ" in str(app.screen.query_one("#message").render())
        await type_into(pilot, "#again", "una frase larga")
        await pilot.click("#go")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen"
    assert paths.key_file.exists() and paths.database.exists()


async def test_wrong_passphrase_says_so_and_waits(store):
    app = BorradorApp(store, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_into(pilot, "#passphrase", "not the passphrase")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "UnlockScreen"
        assert "passphrase is wrong" in str(app.screen.query_one("#message").render())
        await type_into(pilot, "#passphrase", PASSPHRASE)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen"


async def test_dashboard_says_what_to_do_and_opens_the_request(app):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#due", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][0] == "Drafted, not sent" and "(s)" in rows[0][4]  # epsilon, unsent
        assert app.session.requests.get(3).status == "drafted"
        assert rows[1][0] == "Overdue" and "send a follow-up letter" in rows[1][4]
        assert any(r[0] == "Waiting on the person" for r in rows)
        progress = app.screen.query_one("#progress", DataTable)
        assert "0 of 3 done" in [str(c) for c in progress.get_row_at(0)]
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "RequestScreen" and app.screen.request_id == 1


async def test_markup_in_stored_text_is_shown_literally(app):
    async with app.run_test(size=SIZE) as pilot:
        app.session.people.add({"name": "[@click=app.quit]x[/]", "state": "CA"})
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "[@click=app.quit]x[/]" in names
        await pilot.click(DataTable, offset=(10, 3))
        await pilot.pause()
        assert app.is_running  # clicking the name ran no action


async def test_add_person_with_inline_validation(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        for key, value in (
            ("name", "Teo Ficticio"),
            ("state", "CO"),
            ("street", "1 Elm"),
            ("city", "Denver"),
            ("address_state", "CO"),
            ("postal_code", "802"),
        ):
            form.query_one(f"#f-{key}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ZIP" in str(form.query_one("#err-postal_code").render())
        form.query_one("#f-postal_code", Input).value = "80202"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PeopleScreen"
    assert [p.name for p in app.session.people.all()][-1] == "Teo Ficticio"


async def test_catalog_filters_as_you_type(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await type_into(pilot, "#query", "acurint")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == "LexisNexis Risk Solutions"
        await type_into(pilot, "#query", "")
        app.screen.query_one("#flag-ice-supplier").value = True
        await pilot.pause()
        names = {str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        ice = {e.name for e in app.session.catalog.search("") if e.ice_supplier}
        assert names == ice  # exactly the documented ICE suppliers, the catalog's own set
        assert {"LexisNexis Risk Solutions", "Thomson Reuters"} <= names
        table.focus()
        await pilot.pause()
        assert "Sources:" in str(app.screen.query_one("#detail").render())


async def test_guided_flow_makes_the_requests_and_files(app, tmp_path):
    out = tmp_path / "letters"
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#who", Select).value = 1
        await pilot.press("ctrl+n")
        chosen = screen.query_one("#chosen", SelectionList)
        chosen.select("whitepages")
        chosen.select("ice-foia")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "tells the agency" in str(screen.query_one("#why").render())
        chosen.deselect("ice-foia")
        screen.explain()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.query_one("#problem").render().plain == ""
        body = screen.query_one("#body", TextArea)
        assert "§1798.105" in body.text
        body.text = body.text + "\n\nEdited by the volunteer."
        await pilot.press("ctrl+n")
        screen.query_one("#format", Select).value = "txt"
        screen.query_one("#out", Input).value = str(out)
        await pilot.click("#make")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one("#made", DataTable).row_count == 1
    made = [r for r in app.session.requests.find() if r.recipient == "whitepages"]
    assert made and "Edited by the volunteer." in made[0].letter_text
    assert sorted(p.suffix for p in out.iterdir()) == [".txt", ".txt"]  # letter and explainer


async def test_request_actions(app):
    async with app.run_test(size=SIZE) as pilot:
        app.open(
            lambda: __import__("borrador.tui.screens.request", fromlist=["x"]).RequestScreen(3)
        )
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        modal = app.screen
        modal.query_one("#m-on", Input).value = "2026-11-20"
        modal.query_one("#m-channel", Select).value = "email"
        modal.query_one("#m-confirmation", Input).value = "ABC-123"
        await pilot.click("#ok")
        await pilot.pause()
        request = app.session.requests.get(3)
        assert (request.status, request.channel, request.confirmation) == (
            "sent",
            "email",
            "ABC-123",
        )
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#m-exemption", Input).value = "public records"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.session.requests.get(3).status == "denied"
        events = app.session.requests.events(3)
        assert dict(events[-1].detail) == {"reason": "exempt", "exemption": "public records"}
        history = app.screen.query_one("#history", DataTable)
        assert history.row_count == len(events)


async def test_web_form_guide_copies_and_records(app):
    from borrador.tui.screens.webform import WebFormScreen

    async with app.run_test(size=SIZE) as pilot:
        request = app.session.requests.create(1, "truepeoplesearch", "opt-out")
        app.open(lambda: WebFormScreen(request.id))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert labels[0] == "Full name"
        table.focus()
        await pilot.press("c")
        assert app.clipboard == "Rosa Inventada Ruiz"
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#m-confirmation", Input).value = "TT-42"
        await pilot.click("#ok")
        await pilot.pause()
    saved = app.session.requests.get(request.id)
    assert (saved.status, saved.channel, saved.confirmation) == ("sent", "web", "TT-42")


async def test_language_switch_applies_without_restart(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#language", Select).value = "es"
        await pilot.pause()
        await pilot.pause()
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Personas" in descriptions and "Ajustes" in descriptions
        await pilot.press("f1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#due", DataTable)
        assert str(table.get_row_at(0)[0]) == "Redactada, sin enviar"
        assert str(table.get_row_at(1)[0]) == "Vencida"
        assert "sept 2026" in str(table.get_row_at(1)[1]) or "2026" in str(table.get_row_at(1)[1])
    assert app.preferences.language == "es"


async def test_idle_auto_lock_with_a_fake_clock(store):
    from borrador.services import open_store

    now = [1000.0]
    session = open_store(store, passphrase=PASSPHRASE, clock=FixedClock())
    app = BorradorApp(store, clock=FixedClock(), session=session, idle_clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        now[0] += 4 * 60
        app.lock_if_idle()
        assert app.session is not None
        await pilot.press("f2")  # activity resets the idle time
        now[0] += 4 * 60
        app.lock_if_idle()
        assert app.session is not None
        now[0] += 2 * 60
        app.lock_if_idle()
        await pilot.pause()
        assert app.session is None and type(app.screen).__name__ == "UnlockScreen"


async def test_crash_shows_no_locals_or_personal_data(app, capsys):
    from borrador.tui.screens import dashboard

    def boom(self):
        secret_local = "Rosa Inventada Ruiz"  # noqa: F841
        raise RuntimeError("Rosa Inventada Ruiz")

    original = dashboard.DashboardScreen.action_refresh
    dashboard.DashboardScreen.action_refresh = boom
    try:
        try:
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
        except RuntimeError:
            pass
    finally:
        dashboard.DashboardScreen.action_refresh = original
    captured = capsys.readouterr()
    shown = captured.out + captured.err
    assert "internal error (RuntimeError)" in shown
    assert "Rosa" not in shown and "secret_local" not in shown


async def test_command_palette_reaches_screens_and_actions(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Dashboard",
            "People",
            "Catalog",
            "New requests",
            "Settings",
            "Lock",
            _("Refresh"),
        ):
            assert title in titles
        app.open(
            lambda: __import__("borrador.tui.screens.request", fromlist=["x"]).RequestScreen(1)
        )
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Follow-up letter" in titles and "Mark sent" in titles
        assert "Copy selected text" not in titles and "Theme" not in titles  # Textual's own
        switch = next(c for c in app.get_system_commands(app.screen) if c.title == "Español")
        switch.callback()
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        assert "Marcar enviada" in [c.title for c in commands]
        assert all("." not in c.help for c in commands)  # no action names ("screen.copy_text")
        assert "English" in [c.title for c in commands] and app.prefs.current.language == "es"


async def test_every_binding_has_an_id(app):
    from borrador.tui.screens import (
        catalog,
        clinic,
        dashboard,
        new_requests,
        people,
        person,
        person_form,
        request,
        settings,
        webform,
    )

    classes = [
        BorradorApp,
        dashboard.DashboardScreen,
        clinic.ClinicScreen,
        people.PeopleScreen,
        person.PersonScreen,
        person_form.PersonFormScreen,
        catalog.CatalogScreen,
        new_requests.NewRequestsScreen,
        request.RequestScreen,
        settings.SettingsScreen,
        webform.WebFormScreen,
    ]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.id, (cls.__name__, binding.key)
    assert dt.date.today()


async def test_keys_help_and_palette_in_both_languages(app):
    from textual.command import CommandPalette

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open(
            lambda: __import__("borrador.tui.screens.request", fromlist=["x"]).RequestScreen(1)
        )
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        listed = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        for description in ("Denied", "Note", "Complaint letter", "Withdraw", "Web-form guide",
                            "Send by email", "Dashboard", "Lock", "Commands"):  # fmt: skip
            assert description in listed
        await pilot.press("escape")
        await pilot.pause()
        app.apply_language("es")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "PeopleScreen"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press("escape")
        await pilot.pause()


async def test_request_screen_says_overdue_and_the_denial(app):
    from borrador.tui.screens.request import RequestScreen

    async with app.run_test(size=SIZE) as pilot:
        app.open(lambda: RequestScreen(1))  # Spokeo, sent 2026-09-01: long overdue
        await pilot.pause()
        assert "OVERDUE" in str(app.screen.query_one("#deadlines").render())
        app.session.requests.change_status(1, "denied", reason="exempt", exemption="public data")
        app.screen.show()
        await pilot.pause()
        said = str(app.screen.query_one("#deadlines").render())
        assert "Denied: exempt. Exemption they named: public data" in said
        app.apply_language("es")
        await pilot.pause()
        history = app.screen.query_one("#history", DataTable)
        cells = [str(c) for i in range(history.row_count) for c in history.get_row_at(i)]
        assert not any("Content-Type" in c or "Project-Id" in c for c in cells)


async def test_a_first_run_says_where_to_begin(paths):
    from borrador.keys import FLOOR
    from borrador.services import init_store

    session = init_store(paths, PASSPHRASE, kdf=FLOOR, clock=FixedClock())
    app = BorradorApp(paths, clock=FixedClock(), session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Start here" in str(app.screen.query_one("#loading").render())
        await pilot.press("p")
        await pilot.pause()
        assert type(app.screen).__name__ == "PeopleScreen"
        assert app.screen.query_one("#empty").display
    session.close()
