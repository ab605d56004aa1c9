"""The DROP, freeze, listing and scorecard screens, driven by keys (self-contained: pushed
directly, since their registration in the app's navigation is left to the TUI refactor)."""

import datetime as dt

from textual.widgets import DataTable, Static

from borrador.tui.screens.drop import DropScreen
from borrador.tui.screens.freezes import FreezesScreen
from borrador.tui.screens.listings import ListingsScreen
from borrador.tui.screens.scorecard import ScorecardScreen
from tests.helpers.tui import SIZE

PIN = "TUI-PIN-5521"


def _rows(screen, table_id):
    table = screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_drop_screen_records_the_filing_and_an_outcome_by_key(app):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(DropScreen(1))
        await pilot.pause()
        screen = app.screen
        assert "No DROP filing" in str(screen.query_one("#drop-summary", Static).render())
        screen.query_one("#drop-filed-on").value = "2026-03-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Cycle 3" in str(screen.query_one("#drop-summary", Static).render())
        await pilot.press("d")  # the first broker under the cursor: deleted
        await pilot.pause()
        first = _rows(screen, "#drop-outcomes")[0]
        assert first[1] == "deleted"
        missed = _rows(screen, "#drop-missed")
        assert any(r[0] == "Thomson Reuters" for r in missed)


async def test_freeze_pin_shows_only_while_asked(app):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.session.freezes.add(1, "nctue", pin=PIN, placed_on=dt.date(2026, 11, 2))
        app.push_screen(FreezesScreen(1))
        await pilot.pause()
        screen = app.screen
        assert all(PIN not in " ".join(r) for r in _rows(screen, "#freezes"))
        assert PIN not in str(screen.query_one("#freeze-pin", Static).render())
        await pilot.press("p")
        await pilot.pause()
        assert PIN in str(screen.query_one("#freeze-pin", Static).render())
        await pilot.press("p")
        await pilot.pause()
        assert PIN not in str(screen.query_one("#freeze-pin", Static).render())
        await pilot.press("l")
        await pilot.pause()
        assert _rows(screen, "#freezes")[0][2] == "lifted"


async def test_listings_and_scorecard_screens(app):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(ListingsScreen(1))
        await pilot.pause()
        screen = app.screen
        await pilot.press("f")
        await pilot.pause()
        assert _rows(screen, "#listing-history")[0][2] == "found"
        app.push_screen(ScorecardScreen())
        await pilot.pause()
        brokers = [r[0] for r in _rows(app.screen, "#scorecard")]
        assert "Spokeo" in brokers and "Acxiom" in brokers


async def test_listing_evidence_is_attached_from_the_screen_into_the_store(app, tmp_path):
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(ListingsScreen(1))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#listing-evidence").value = str(shot)
        screen.query_one("#listing-sites").focus()
        await pilot.press("f")
        await pilot.pause()
        [info] = app.session.listings.evidence_list(1)
        _info, data = app.session.listings.evidence(info.id)
        assert data == shot.read_bytes()  # kept inside the encrypted store
        assert screen.query_one("#listing-evidence").value == ""
