"""A person's security freezes: where each stands, thaws and lifts, and the PIN, which is shown
only while the user holds it open with a key (never in a notification or a log)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from borrador.core.errors import BorradorError
from borrador.i18n import N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.dates import show_date
from borrador.tui.safe import literal

# Stored values shown in the user's language (marked here so they are extracted).
SHOWN_VALUES = (N_("requested"), N_("placed"), N_("thawed"), N_("lifted"))


class FreezesScreen(BaseScreen):
    BINDINGS = [
        Binding("p", "toggle_pin", N_("Show or hide PIN"), id="freeze-pin"),
        Binding("l", "lift", N_("Lifted today"), id="freeze-lift"),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, person_id: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.person_id = person_id
        self.pin_shown = False  # the PIN is on screen only between two presses of "p"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Security freezes"), classes="title")
        yield DataTable(id="freezes", cursor_type="row", zebra_stripes=True)
        yield Static("", id="freeze-pin", markup=False)
        yield Static(_("Agencies that offer a freeze"), classes="title")
        yield DataTable(id="freeze-bureaus", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#freezes", DataTable).add_columns(
            _("Request"), _("Agency"), _("State"), _("Until"), _("Re-check"), _("PIN")
        )
        self.query_one("#freeze-bureaus", DataTable).add_columns(_("Agency"), _("Channel"))
        bureaus = self.query_one("#freeze-bureaus", DataTable)
        for entry in self.session.freezes.bureaus():
            for c in entry.channels:
                if "security-freeze" in c.purposes:
                    where = (c.url or c.phone or c.email or c.address).splitlines()[0]
                    bureaus.add_row(literal(entry.name), literal(f"{c.type}: {where}"))
        self.load()

    def load(self) -> None:
        table = self.query_one("#freezes", DataTable)
        table.clear()
        for s in self.session.freezes.for_person(self.person_id):
            recheck = s.request.recheck_on
            table.add_row(str(s.request.id), literal(s.request.recipient), literal(_(s.state)),
                          show_date(s.thawed_until) if s.thawed_until else "",
                          show_date(recheck) if recheck else "",
                          _("stored") if s.pin_stored else "", key=str(s.request.id))  # fmt: skip
        self.query_one("#freeze-pin", Static).update("")
        self.pin_shown = False

    def _selected(self) -> int | None:
        table = self.query_one("#freezes", DataTable)
        if not table.row_count:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def action_toggle_pin(self) -> None:
        shown = self.query_one("#freeze-pin", Static)
        request_id = self._selected()
        if request_id is None or self.pin_shown:
            shown.update("")
            self.pin_shown = False
            return
        pin = self.session.freezes.reveal_pin(request_id)
        shown.update(_("PIN: {pin}").format(pin=pin) if pin else _("No PIN stored."))
        self.pin_shown = True

    def action_lift(self) -> None:
        request_id = self._selected()
        if request_id is None:
            return
        try:
            self.session.freezes.lift(request_id, self.session.clock.today())
        except BorradorError as exc:
            self.say(advice(exc), severity="error")
            return
        self.load()
