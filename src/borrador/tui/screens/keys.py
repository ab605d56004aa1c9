"""`?`: every key of the screen underneath, with what it does (the footer shows only the
most important ones)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from borrador.i18n import N_, _
from borrador.tui.base import BaseModal
from borrador.tui.safe import literal


class KeysScreen(BaseModal):
    BINDINGS = [
        Binding("escape", "dismiss", N_("Close"), id="close-keys"),
        Binding("question_mark", "dismiss", N_("Close"), id="close-keys-again", show=False),
    ]

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.rows = title, rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box keys-box"):
            yield Static(literal(self.title_text), classes="title")
            yield DataTable(id="keys", cursor_type="row", show_header=False)
            yield Static(_("Esc closes. Ctrl+P finds any action by name."), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Key"), _("What it does"))
        for key, description in self.rows:
            table.add_row(literal(key), literal(description))
        table.focus()
