"""Stored text is shown literally everywhere (issue 13, break 8): a resident or volunteer
named with Textual markup must not quit the app, write a screenshot or crash it. Every
screen is opened, every selector expanded, with hostile names and notes in the store."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from textual.widgets import Select

from borrador.keys import FLOOR
from borrador.letters.context import Agent
from borrador.services import init_store, open_store
from borrador.tui.app import BorradorApp
from tests.helpers.common import PASSPHRASE, FixedClock

HOSTILE = ["[@click=app.quit]q[/]", "[@click=app.screenshot]s[/]", "x[/]", "[b]bold"]
VOLUNTEER_PASS = "frase del voluntario bastante larga"


@pytest.fixture
def hostile_app(paths):
    with init_store(paths, PASSPHRASE, kdf=FLOOR, clock=FixedClock()) as s:
        s.profile.save(Agent(name="Clinica [@click=app.quit]c[/]", phone="555-0100"))
        s.clinic.enable(PASSPHRASE, "Rosa", FLOOR)
        s.clinic.add_volunteer(HOSTILE[0], VOLUNTEER_PASS, FLOOR)
        for name in HOSTILE:
            person = s.people.add(
                {
                    "name": name,
                    "state": "CA",
                    "notes": HOSTILE[2],
                    "emails": ["p@example.org"],
                    "addresses": [
                        {
                            "street": "1 Calle [/]",
                            "city": "Fresno",
                            "state": "CA",
                            "postal_code": "93701",
                        }
                    ],
                }
            )
            request = s.requests.create(person.id, "spokeo", "delete", notes=HOSTILE[1])
            s.requests.change_status(request.id, "sent", on=dt.date(2026, 9, 1), channel="mail",
                                     note=HOSTILE[2])  # fmt: skip
            s.requests.add_note(request.id, HOSTILE[0])
    session = open_store(paths, passphrase=PASSPHRASE, clock=FixedClock())
    application = BorradorApp(paths, clock=FixedClock(), session=session)
    yield application
    if application.session is not None:
        application.session.close()


def written_outside() -> list[Path]:
    """Files in the user's home (Textual's screenshots go to ~/Downloads or the cwd)."""
    user = Path(os.environ["HOME"])
    return [p for p in user.rglob("*") if p.is_file()] if user.exists() else []


async def test_every_screen_and_selector_shows_hostile_text_literally(hostile_app, paths):
    app = hostile_app
    async with app.run_test(size=(120, 48)) as pilot:
        await app.workers.wait_for_complete()
        for name in ("dashboard", "people", "catalog", "new", "settings", "clinic"):
            app.action_go(name)
            await pilot.pause()
            await app.workers.wait_for_complete()
            for select in app.screen.query(Select):
                select.expanded = True
                await pilot.pause()
                for option in select.query("SelectOverlay"):
                    option.focus()
                await pilot.pause()
                select.expanded = False
                await pilot.pause()
            assert app.is_running, name
        from borrador.tui.screens.request import RequestScreen

        for request_id in range(1, len(HOSTILE) + 1):
            app.open(lambda rid=request_id: RequestScreen(rid))
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert app.is_running
        app.action_go("clinic")
        await pilot.pause()
        picker = app.screen.query_one("#resident", Select)
        picker.expanded = True
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        await open_dialogs(app, pilot)
    assert written_outside() == []  # no screenshot, no file of any kind


async def open_dialogs(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Each dialog that shows stored text, opened and closed again."""
    from borrador.tui.screens.request import RequestScreen

    async def each(actions: list[str]) -> None:
        for action in actions:
            depth = len(app.screen_stack)
            await app.screen.run_action(action)
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert app.is_running, action
            for select in app.screen.query(Select):
                select.expanded = True
                await pilot.pause()
                select.expanded = False
            while len(app.screen_stack) > depth:
                await pilot.press("escape")
                await pilot.pause()

    app.action_go("clinic")
    await pilot.pause()
    app.screen.query_one("#resident", Select).value = 1
    await pilot.pause()
    await each(["authorised", "papers", "add_volunteer", "remove_volunteer"])
    app.open(lambda: RequestScreen(1))
    await pilot.pause()
    await each(["sent", "received", "extended", "denied", "note", "escalate('follow-up')"])
    app.action_go("people")
    await pilot.pause()
    await each(["open", "edit"])


async def test_no_screenshot_command(hostile_app):
    app = hostile_app
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles
        app.action_screenshot()
        await pilot.pause()
    assert written_outside() == []


def test_tui_exits_non_zero_after_an_internal_error(store, monkeypatch):
    """Break 20: the TUI exited with status 0 after an internal error."""
    from borrador.tui import app as tui_app

    def boom(self):
        raise RuntimeError("internal")

    monkeypatch.setattr(tui_app.BorradorApp, "on_mount", boom)
    monkeypatch.setenv("BORRADOR_PASSPHRASE", PASSPHRASE)
    with pytest.raises(SystemExit) as stopped:
        tui_app.run(headless=True)
    assert stopped.value.code == 1
