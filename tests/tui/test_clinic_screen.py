"""The clinic dashboard with Pilot: every resident's deadlines, the volunteer filter, and a
resident switch that clears the previous resident from the screen."""

import pytest
from textual.widgets import DataTable, Select, Static

from borrador.services import open_store
from tests.helpers.common import PASSPHRASE
from tests.helpers.tui import SIZE, TOMAS


def cells(table):
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_all_deadlines_filter_by_volunteer_and_switch_resident(clinic_app):
    app = clinic_app
    async with app.run_test(size=(120, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f6")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClinicScreen"
        due = app.screen.query_one("#clinic-due", DataTable)
        assert sorted(r[3] for r in cells(due)) == ["Rosa", "Tomás"]
        residents = cells(app.screen.query_one("#residents", DataTable))
        assert [r[0] for r in residents] == ["Amparo Inventada", "Benito Inventado"]
        assert residents[0][1:5] == ["1", "1", "0", "1"]  # 1 request, open, none done, unsigned

        app.screen.query_one("#volunteer", Select).value = "Tomás"
        await pilot.pause()
        assert [r[3] for r in cells(due)] == ["Tomás"]
        assert [r[0] for r in cells(app.screen.query_one("#residents", DataTable))] == [
            "Benito Inventado"
        ]

        picker = app.screen.query_one("#resident", Select)
        picker.value = 1
        await pilot.pause()
        panel = app.screen.query_one("#resident-requests", DataTable)
        name = app.screen.query_one("#resident-name", Static)
        assert "Amparo Inventada" in str(name.render())
        assert [r[1] for r in cells(panel)] == ["Spokeo"]
        picker.value = 2  # the switch: nothing of Amparo's is left on the screen
        await pilot.pause()
        assert "Amparo" not in str(name.render()) and "Benito Inventado" in str(name.render())
        assert [r[1] for r in cells(panel)] == ["Radaris"]
        await pilot.press("x")
        await pilot.pause()
        assert panel.row_count == 0 and str(name.render()) == ""


async def test_switch_key_opens_the_resident_picker(clinic_app):
    app = clinic_app
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        picker = app.screen.query_one("#resident", Select)
        assert picker.expanded and app.focused is not None


async def test_someone_alone_never_sees_the_clinic(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen"
        assert "Clinic" not in [c.title for c in app.get_system_commands(app.screen)]
        footer_keys = [
            b.binding.key
            for b in app.screen.active_bindings.values()
            if app.check_action(
                b.binding.action.split("(")[0], ("clinic",) if "clinic" in b.binding.action else ()
            )
        ]
        assert "f6" not in footer_keys


async def test_record_authorisation_and_save_the_papers(clinic_app, tmp_path):
    from textual.widgets import Input

    app = clinic_app
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        await pilot.press("a")  # no resident chosen yet: nothing opens
        await pilot.pause()
        assert app.screen is screen
        screen.query_one("#resident", Select).value = 1
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#m-date", Input).value = "2026-11-25"
        await pilot.click("#ok")
        await pilot.pause()
        residents = cells(screen.query_one("#residents", DataTable))
        assert residents[0][4] == "0"  # Amparo: nothing unsigned now
        assert cells(screen.query_one("#resident-requests", DataTable))[0][5] == "Nov 25, 2026"
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#m-folder", Input).value = str(tmp_path / "papers")
        await pilot.click("#ok")
        await pilot.pause()
        names = sorted(p.name for p in (tmp_path / "papers").iterdir())
        assert names == ["resident-1-case-report-2026-11-26.pdf", "resident-1-sheet-2026-11-26.pdf"]


async def test_add_and_remove_a_volunteer_from_the_screen(clinic_app, paths):
    from textual.widgets import Input

    app = clinic_app
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        for key, value in (
            ("name", "Lucía"),
            ("passphrase", "la frase de lucía"),
            ("again", "la frase de lucía"),
        ):
            app.screen.query_one(f"#m-{key}", Input).value = value
        await pilot.click("#ok")
        await pilot.pause()
        assert app.session.clinic.volunteers() == ["Rosa", "Tomás", "Lucía"]
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#m-name", Select).value = "Tomás"
        app.screen.query_one("#m-word", Input).value = "REMOVE"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.session.clinic.volunteers() == ["Rosa", "Lucía"]
    app.session.close()
    app.session = None
    from borrador.core.errors import StoreError

    with pytest.raises(StoreError):
        open_store(paths, passphrase=TOMAS)
    with open_store(paths, passphrase="la frase de lucía") as s:
        assert s.actor == "Lucía" and len(s.people.all()) == 2


async def test_settings_turn_clinic_mode_on(app):
    from textual.widgets import Input

    async with app.run_test(size=(100, 60)) as pilot:
        assert not app.clinic_on()
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#c-name", Input).value = "Clínica Ejemplo"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#clinic-mode").press()
        await pilot.pause()
        app.screen.query_one("#m-name", Input).value = "Rosa"
        app.screen.query_one("#m-passphrase", Input).value = PASSPHRASE
        await pilot.click("#ok")
        await pilot.pause()
        assert app.clinic_on() and app.sub_title == "Rosa"
        await pilot.press("f6")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClinicScreen"


async def test_new_requests_in_clinic_mode_are_always_agent_letters(clinic_app):
    from textual.widgets import Checkbox

    app = clinic_app
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        as_agent = app.screen.query_one("#as-agent", Checkbox)
        assert as_agent.value and as_agent.disabled
        agent = app.screen.agent()
        assert agent.name == "Rosa" and agent.organisation == "Clínica Ejemplo"
