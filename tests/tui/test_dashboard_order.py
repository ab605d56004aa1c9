"""The dashboard lists drafted-but-unsent letters first, then denials with the date to appeal
by (from the law table), then what is overdue, with the highlighted row's next step in full."""

import datetime as dt

from textual.widgets import Static

from borrador.tui.widgets import RowTable
from tests.helpers.tui import SIZE, settle


async def test_drafted_first_then_denials_with_their_appeal_date_then_overdue(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        session = app.session
        foia = session.requests.create(1, "ice-foia", "records")
        assert foia.legal_basis == "foia"
        session.requests.change_status(foia.id, "sent", on=dt.date(2026, 9, 1), channel="mail")
        session.requests.change_status(foia.id, "denied", on=dt.date(2026, 10, 1),
                                       reason="exempt", exemption="b7")  # fmt: skip
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "DashboardScreen"
        screen.action_refresh()
        await settle(pilot)
        table = screen.query_one("#due", RowTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        groups = [r[0] for r in rows]
        drafted = [r for r in session.requests.find() if str(r.status) == "drafted"]
        assert groups[: len(drafted)] == ["Drafted, not sent"] * len(drafted)
        assert groups[len(drafted)] == "Denied"
        denied = rows[len(drafted)]
        assert denied[1] == "Dec 30, 2026"  # 1 October + the 90 days FOIA gives to appeal
        assert "Appeal (u) by" in denied[4] and "552(a)(6)(A)" in denied[4]
        assert groups.index("Overdue") > len(drafted)
        table.focus()
        table.move_cursor(row=len(drafted))
        await settle(pilot)
        step = str(screen.query_one("#next-step", Static).render())
        assert "Denied on" in step and "Appeal (u) by" in step
        session.letters.escalate(foia.id, "appeal", fmt="txt", out_dir=tmp_path)
        screen.action_refresh()
        await settle(pilot)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert "Denied" not in [r[0] for r in rows]  # appealed: the appeal's own clock shows


async def test_the_dashboard_says_how_brokers_keep_the_law(app):
    """The compliance scorecard's summary, from this store's own requests (F8 has the rest)."""
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        session = app.session
        late = session.requests.create(1, "spokeo", "delete")
        session.requests.change_status(late.id, "sent", on=dt.date(2026, 6, 1), channel="web")
        await settle(pilot)
        screen = app.screen
        screen.action_refresh()
        await app.workers.wait_for_complete()
        await settle(pilot)
        text = str(screen.query_one("#scorecard", Static).render())
        scores = {s.broker: s for s in session.scorecard.scores()}
        assert scores["spokeo"].overdue_unanswered >= 1  # the store's own fact, then its words
        assert "answered within the legal deadline" in text and "Spokeo" in text
