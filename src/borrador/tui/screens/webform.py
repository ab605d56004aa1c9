"""A web-form guide: the steps, a key to copy each value, a key to open the form, a key to
record it as submitted."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from borrador.core.errors import BorradorError
from borrador.i18n import N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.messages import RequestChanged
from borrador.tui.safe import literal
from borrador.tui.screens.modals import FormModal


class WebFormScreen(BaseScreen):
    BINDINGS = [
        Binding("c", "copy", N_("Copy value"), id="copy"),
        Binding("o", "open_form", N_("Open form"), id="open-form"),
        Binding("s", "submitted", N_("Submitted"), id="submitted"),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id
        self.guide: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="steps")
        yield DataTable(id="fields", cursor_type="row")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        request = self.session.requests.get(self.request_id)
        person = self.session.people.get(request.person_id)
        entry = self.session.catalog.catalog().get(request.recipient)
        try:
            self.guide = self.session.letters.build(person, entry, request, "web")
        except BorradorError as exc:
            self.query_one("#steps", Static).update(literal(advice(exc)))
            return
        lines = [f"{self.guide.recipient_name}: {self.guide.url}"]
        lines += [_("Warning: {w}").format(w=w) for w in self.guide.warnings]
        lines += [f"{n}. {step}" for n, step in enumerate(self.guide.steps, 1)]
        self.query_one("#steps", Static).update(literal("\n".join(lines)))
        table = self.query_one(DataTable)
        table.add_columns(_("Field"), _("Value to paste"))
        for n, (label, value) in enumerate(self.guide.fields):
            table.add_row(literal(_(label)), literal(value), key=str(n))

    def action_copy(self) -> None:
        table = self.query_one(DataTable)
        if self.guide is None or not table.row_count:
            return
        label, value = self.guide.fields[table.cursor_row]
        self.app.copy_to_clipboard(value)
        self.say(_("Copied: {label}").format(label=_(label)))

    def action_open_form(self) -> None:
        if self.guide is not None and not self.host.open_link(self.guide.url):
            self.app.copy_to_clipboard(self.guide.url)
            self.say(_("No browser opened here; the form's address is copied: {url}").format(
                url=self.guide.url), "warning", 15)  # fmt: skip

    def action_submitted(self) -> None:
        def save(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            try:
                self.session.requests.change_status(
                    self.request_id, "sent", channel="web", confirmation=values["confirmation"]
                )
            except BorradorError as exc:
                self.say(advice(exc), "error", 10)
                return
            self.say(_("Recorded as submitted."))
            self.announce(RequestChanged(self.request_id))
            self.app.pop_screen()

        self.app.push_screen(
            FormModal(
                _("Submitted"), [("confirmation", _("Confirmation number, if any"), "", None)]
            ),
            save,
        )
