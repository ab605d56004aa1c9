"""People: the list of everyone; Enter opens one, a adds, e edits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from borrador.i18n import N_, _
from borrador.tui.base import BaseScreen
from borrador.tui.messages import PersonChanged
from borrador.tui.safe import literal
from borrador.tui.screens.person import PersonScreen
from borrador.tui.screens.person_form import PersonFormScreen
from borrador.tui.widgets import RowTable


class PeopleScreen(BaseScreen):
    BINDINGS = [
        Binding("a", "add", N_("Add person"), id="add-person"),
        Binding("e", "edit", N_("Edit"), id="edit-person"),
        Binding("enter", "open", N_("Open"), id="open-person"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("People"), classes="title")
        yield Static(
            _("No one yet. Press a to add the person the letters are for."),
            id="empty",
            classes="hint",
        )
        yield RowTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(RowTable).add_columns(_("Id"), _("Name"), _("State"), _("Language"))

    def on_screen_resume(self) -> None:
        self.fill()

    def on_person_changed(self, _message: PersonChanged) -> None:
        if self.is_current:
            self.fill()

    def fill(self) -> None:
        table = self.query_one(RowTable)
        table.clear()
        everyone = self.session.people.all()
        self.query_one("#empty", Static).display = not everyone
        for person in everyone:
            table.add_row(
                str(person.id),
                literal(person.name),
                person.state or "—",
                person.language,
                key=str(person.id),
            )

    def selected(self) -> int | None:
        return self.query_one(RowTable).selected_id()

    def action_add(self) -> None:
        self.host.open(lambda: PersonFormScreen(None))

    def action_edit(self) -> None:
        person_id = self.selected()
        if person_id is not None:
            self.host.open(lambda: PersonFormScreen(person_id))

    def action_open(self) -> None:
        person_id = self.selected()
        if person_id is not None:
            self.host.open(lambda: PersonScreen(person_id))

    def on_data_table_row_selected(self) -> None:
        self.action_open()
