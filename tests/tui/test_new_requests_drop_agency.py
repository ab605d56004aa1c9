"""New requests: DROP offered first to a Californian deleting at brokers (never blocking the
letters), and the generic state or local agency asks for the agency's state."""

from textual.widgets import Input, RadioSet, Select, SelectionList, Static

from borrador.tui.screens.guide_view import GuideView
from tests.helpers.tui import settle


def _choose_kind(screen, key):
    for button in screen.query_one("#what", RadioSet).query("RadioButton"):
        if button.name == key:
            button.value = True


async def test_drop_is_offered_with_its_guide_and_the_letters_are_still_made(app, tmp_path):
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#who", Select).value = 1  # Rosa, California
        await pilot.press("ctrl+n")
        screen.query_one("#chosen", SelectionList).select("whitepages")
        await pilot.press("ctrl+n")
        await settle(pilot)
        note = str(screen.query_one("#drop-note", Static).render())
        assert "DROP" in note and "Ctrl+G" in note
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, GuideView)
        guide = str(app.screen.query_one("#guide-text", Static).render())
        assert app.session.letters.drop_guide(1).url in guide
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+n")  # review
        await settle(pilot)
        await pilot.press("ctrl+n")  # deliver
        screen.query_one("#format", Select).value = "txt"
        screen.query_one("#out", Input).value = str(tmp_path)
        await pilot.click("#make")
        await settle(pilot)
    assert any(r.recipient == "whitepages" for r in app.session.requests.find(1))


async def test_the_generic_agency_asks_for_its_state_and_the_letter_is_made(app, tmp_path):
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#who", Select).value = 1
        await pilot.press("ctrl+n")
        screen.query_one("#chosen", SelectionList).select("state-local-agency")
        await pilot.press("ctrl+n")
        await settle(pilot)
        _choose_kind(screen, "records")
        await settle(pilot)
        place = screen.query_one("#agency-state", Input)
        assert place.display
        assert not str(screen.query_one("#drop-note", Static).render())  # records: no DROP
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "agency" in str(screen.query_one("#problem", Static).render()).lower()
        place.value = "Illinois"
        await pilot.press("ctrl+n")  # review
        await settle(pilot)
        assert "Illinois" in screen.query_one("#body").text
        await pilot.press("ctrl+n")  # deliver
        screen.query_one("#format", Select).value = "txt"
        screen.query_one("#out", Input).value = str(tmp_path)
        await pilot.click("#make")
        await settle(pilot)
        assert not str(screen.query_one("#problem", Static).render())
    [made] = [r for r in app.session.requests.find(1) if r.recipient == "state-local-agency"]
    assert "Illinois" in (made.letter_text or "")
