"""The first screen offers the language before anything else: a person who reads only Spanish
can start, and the choice is kept for the next start."""

from textual.widgets import Input, Select, Static

from borrador.services.preferences import Preferences
from borrador.tui.app import BorradorApp
from tests.helpers.common import FixedClock
from tests.helpers.tui import SIZE, settle


async def test_the_first_screen_switches_to_spanish_and_keeps_it(paths):
    app = BorradorApp(paths, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "UnlockScreen" and app.screen.first_run
        app.screen.query_one("#language", Select).value = "es"
        await settle(pilot)
        titles = [str(s.render()) for s in app.screen.query(Static)]
        assert any("Le damos la bienvenida a Borrador" in t for t in titles)
        assert app.screen.query_one("#passphrase", Input).placeholder != "New passphrase"
    assert Preferences(paths.config).current.language == "es"  # the next start is in Spanish
    assert not paths.database.exists()  # nothing else was written before a passphrase
