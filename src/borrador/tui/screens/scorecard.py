"""The compliance scorecard: how each broker answered this store's own requests."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from borrador.i18n import N_, _
from borrador.tui.base import BaseScreen
from borrador.tui.safe import literal


class ScorecardScreen(BaseScreen):
    BINDINGS = [
        Binding("r", "refresh", N_("Refresh"), id="scorecard-refresh"),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Compliance scorecard"), classes="title")
        yield Static(_("'In time' and 'late' count only requests with a legal deadline."),
                     classes="hint")  # fmt: skip
        yield DataTable(id="scorecard", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#scorecard", DataTable).add_columns(
            _("Broker"), _("Sent"), _("Answered"), _("In time"), _("Late"), _("Overdue"),
            _("Median days"), _("Denied"), _("Re-listed"))  # fmt: skip
        self.action_refresh()

    def action_refresh(self) -> None:
        table = self.query_one("#scorecard", DataTable)
        table.clear()
        for s in self.session.scorecard.scores():
            median = s.median_days_to_answer
            table.add_row(literal(s.name), s.sent, s.answered, s.answered_in_time,
                          s.answered_late, s.overdue_unanswered,
                          f"{median:g}" if median is not None else "", s.denials,
                          s.relistings)  # fmt: skip
