"""A person's California DROP filing: its 45-day cycles, each broker's reported outcome (set
with one key), and what DROP does not reach with the direct request to make instead."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Static

from borrador.core.errors import BorradorError
from borrador.core.text import parse_date
from borrador.i18n import N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.dates import show_date
from borrador.tui.safe import literal

# Keys that record the outcome of the broker under the cursor (the platform's four answers).
OUTCOME_KEYS = {"d": "deleted", "o": "opted-out", "x": "exempted", "n": "not-found"}
WHY = {"not-registered": N_("Not in California's registry"), "fcra-file": N_("FCRA file"),
       "public-records-suppression": N_("Public-records suppression")}  # fmt: skip

# Stored values shown in the user's language (marked here so they are extracted).
SHOWN_VALUES = (N_("deleted"), N_("opted-out"), N_("exempted"), N_("not-found"), N_("pending"))


class DropScreen(BaseScreen):
    BINDINGS = [
        Binding("ctrl+s", "file", N_("Record filing"), id="drop-file"),
        Binding("d", "outcome('d')", N_("Deleted"), id="drop-deleted"),
        Binding("o", "outcome('o')", N_("Opted out"), id="drop-opted-out"),
        Binding("x", "outcome('x')", N_("Exempted"), id="drop-exempted"),
        Binding("n", "outcome('n')", N_("Not found"), id="drop-not-found"),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, person_id: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("California DROP"), classes="title")
        yield Static("", id="drop-summary", markup=False)
        yield Input(placeholder=_("Filed on (YYYY-MM-DD)"), id="drop-filed-on")
        yield Input(placeholder=_("DROP ID (optional)"), id="drop-id")
        yield DataTable(id="drop-outcomes", cursor_type="row", zebra_stripes=True)
        yield Static(_("What DROP does not reach: ask these directly"), classes="title")
        yield DataTable(id="drop-missed", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#drop-outcomes", DataTable).add_columns(_("Broker"), _("Outcome"),
                                                                _("Date"))  # fmt: skip
        self.query_one("#drop-missed", DataTable).add_columns(_("Recipient"), _("Why"),
                                                              _("Ask for"), _("How"))  # fmt: skip
        self.load()

    def load(self) -> None:
        summary = self.query_one("#drop-summary", Static)
        try:
            status = self.session.drop.status(self.person_id)
        except BorradorError:
            summary.update(_("No DROP filing recorded. Type the date it was filed and press "
                             "Ctrl+S."))  # fmt: skip
            return
        now = status.current
        summary.update(
            _("Filed {filed}. Cycle {n}: brokers retrieve it by {retrieve}, act by {act}.")
            .format(filed=show_date(status.filing.filed_on), n=now.number,
                    retrieve=show_date(now.retrieve_by), act=show_date(now.act_by))
            if now else _("The first cycle starts {start}.").format(
                start=show_date(status.cycles[0].starts)))  # fmt: skip
        outcomes = self.query_one("#drop-outcomes", DataTable)
        outcomes.clear()
        for o in status.outcomes:
            outcomes.add_row(literal(o.name), literal(_(o.outcome)),
                             show_date(o.on) if o.on else "", key=o.slug)  # fmt: skip
        missed = self.query_one("#drop-missed", DataTable)
        missed.clear()
        for m in status.not_reached:
            missed.add_row(literal(m.name), literal(_(WHY[m.why])), literal(m.request),
                           literal(m.how))  # fmt: skip

    def action_file(self) -> None:
        try:
            filed = parse_date("filed_on", self.query_one("#drop-filed-on", Input).value)
            self.session.drop.add(self.person_id, filed,
                                  self.query_one("#drop-id", Input).value)  # fmt: skip
        except BorradorError as exc:
            self.say(advice(exc), severity="error")
            return
        self.say(_("DROP filing recorded."))
        self.load()
        self.query_one("#drop-outcomes", DataTable).focus()  # the outcome keys act there

    def action_outcome(self, key: str) -> None:
        table = self.query_one("#drop-outcomes", DataTable)
        if not table.row_count:
            return
        slug = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        try:
            self.session.drop.record_outcome(self.person_id, slug, OUTCOME_KEYS[key])
        except BorradorError as exc:
            self.say(advice(exc), severity="error")
            return
        self.load()
