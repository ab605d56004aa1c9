"""Mail days changed on the Settings screen move a deadline in the same session."""

import datetime as dt

from textual.widgets import Input

from tests.helpers.tui import SIZE


async def test_mail_days_saved_on_settings_move_the_deadline(app):
    from borrador.tui.screens.request import RequestScreen

    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        request = session.requests.create(1, "lexisnexis-risk", "delete")
        session.requests.change_status(request.id, "sent", on=dt.date(2026, 11, 2), channel="mail")
        before = session.tracking.deadlines(session.requests.get(request.id))
        app.open(lambda: RequestScreen(request.id))
        await pilot.pause()
        shown_before = str(app.screen.query_one("#deadlines").render())
        await pilot.press("f5")
        await pilot.pause()
        days = app.screen.query_one("#mail_days", Input)
        assert days.value == str(app.preferences.mail_days)
        days.value = str(app.preferences.mail_days + 10)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.open(lambda: RequestScreen(request.id))
        await pilot.pause()
        shown_after = str(app.screen.query_one("#deadlines").render())
    after = session.tracking.deadlines(session.requests.get(request.id))
    assert before is not None and after is not None
    assert after.respond_by > before.respond_by
    assert shown_before != shown_after
