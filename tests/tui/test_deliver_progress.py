"""Step 5 of New requests shows no moving progress bar before anything is being made: an
idle bar that pulses tells the volunteer work is under way when none is."""

from textual.widgets import Input, ProgressBar, Select, SelectionList

from tests.helpers.tui import settle


async def test_the_bar_appears_only_while_letters_are_made(app, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#who", Select).value = 1
        await pilot.press("ctrl+n")
        screen.query_one("#chosen", SelectionList).select("whitepages")
        for _step in ("kind", "review", "deliver"):
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert screen.step == 4
        bar = screen.query_one("#progress", ProgressBar)
        assert not bar.display
        await settle(pilot, timeout=10)  # the screen holds still: nothing pulses
        screen.query_one("#format", Select).value = "txt"
        screen.query_one("#out", Input).value = str(tmp_path / "out")
        screen.query_one("#make").press()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert bar.display and bar.total == 1 and bar.progress == 1
