"""The person screen opens the DROP, freeze and listing screens for that person."""

import datetime as dt

from borrador.tui.screens.drop import DropScreen
from borrador.tui.screens.freezes import FreezesScreen
from borrador.tui.screens.listings import ListingsScreen
from borrador.tui.screens.person import PersonScreen
from tests.helpers.tui import SIZE


async def test_person_keys_open_drop_freezes_and_listings_for_that_person(app):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(PersonScreen(1))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DropScreen) and app.screen.person_id == 1
        app.screen.query_one("#drop-filed-on").value = "2026-03-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.drop.filing(1).filed_on in (dt.date(2026, 3, 1), "2026-03-01")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FreezesScreen) and app.screen.person_id == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ListingsScreen) and app.screen.person_id == 1
