"""The catalog offers exactly the shared filters and shows all it knows about an entry."""

from textual.containers import VerticalScroll
from textual.widgets import Checkbox, DataTable

from borrador.core.broker_filters import FILTERS
from tests.helpers.tui import settle


async def test_catalog_filters_are_the_shared_vocabulary_and_filter_like_the_service(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        ids = [box.id for box in screen.query(Checkbox)]
        assert ids == [f"flag-{name}" for name in FILTERS]
        screen.query_one("#flag-law-enforcement", Checkbox).value = True
        screen.query_one("#flag-fcra-regulated", Checkbox).value = True
        await settle(pilot)
        table = screen.query_one(DataTable)
        shown = {table.get_row_at(i)[0].plain for i in range(table.row_count)}
        expected = app.session.catalog.search("", flags=["law-enforcement", "fcra-regulated"])
        assert shown == {e.name for e in expected[:200]} and shown


async def test_catalog_detail_shows_channels_scorecard_and_reports_and_scrolls(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        session = app.session
        sent = next(r for r in session.requests.find(1) if r.recipient == "spokeo")
        session.corrections.report(sent.id, "dead-link", "invented note")
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#query").value = "spokeo"
        await settle(pilot)
        table = screen.query_one(DataTable)
        table.focus()
        await settle(pilot)
        text = str(screen.query_one("#detail").render())
        entry = session.catalog.details("spokeo")
        for channel in entry.channels:
            for value in (channel.url, channel.email, channel.phone):
                if value:
                    assert value in text
        assert "Sources:" in text and str(entry.last_verified) in text
        assert "California DROP reaches it:" in text
        score = session.scorecard.for_broker("spokeo")
        assert score is not None and f"Scorecard: {score.sent} sent" in text
        assert "dead-link" in text and "invented note" in text
        box = screen.query_one("#detail-box", VerticalScroll)
        assert box.max_scroll_y > 0  # more than fits at 80x24, and it scrolls
        box.focus()
        await pilot.press("end")
        await settle(pilot)
        assert box.scroll_y > 0
