"""One person and all their requests, grouped by recipient and status."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from borrador.core.errors import NotFoundError
from borrador.i18n import N_, _
from borrador.tui.base import BaseScreen
from borrador.tui.dates import show_date
from borrador.tui.messages import PersonChanged, RequestChanged
from borrador.tui.safe import literal
from borrador.tui.widgets import RowTable


class PersonScreen(BaseScreen):
    BINDINGS = [
        Binding("enter", "open", N_("Open request"), id="open-request"),
        Binding("e", "edit", N_("Edit"), id="edit-person"),
        Binding("n", "new", N_("New requests"), id="new-for-person"),
        Binding("h", "handoff", N_("Hand off"), id="handoff-person"),
        Binding("d", "drop", N_("DROP"), id="person-drop", show=False),
        Binding("f", "freezes", N_("Freezes"), id="person-freezes", show=False),
        Binding("l", "listings", N_("Listings"), id="person-listings", show=False),
        Binding("x", "erase", N_("Erase person"), id="erase-person", show=False),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="who", classes="title")
        yield RowTable(id="requests", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(RowTable).add_columns(
            _("Recipient"), _("Request"), _("Status"), _("Sent"), _("Id")
        )

    def on_screen_resume(self) -> None:
        self.fill()

    def on_request_changed(self, _message: RequestChanged) -> None:
        if self.is_current:
            self.fill()

    def on_person_changed(self, _message: PersonChanged) -> None:
        if self.is_current:
            self.fill()

    def fill(self) -> None:
        try:
            person = self.session.people.get(self.person_id)
        except NotFoundError:  # erased meanwhile: nothing of theirs is left to show
            if self.is_current:
                self.app.pop_screen()
            return
        self.query_one("#who", Static).update(literal(person.name))
        entries = self.session.catalog.catalog().entries

        def name(slug: str) -> str:
            return entries[slug].name if slug in entries else slug

        rows = sorted(
            self.session.requests.find(self.person_id),
            key=lambda r: (name(r.recipient), r.status, r.id or 0),
        )
        table = self.query_one(RowTable)
        table.clear()
        for r in rows:
            table.add_row(
                literal(name(r.recipient)),
                _(str(r.kind)),
                _(str(r.status)),
                show_date(r.sent_on),
                str(r.id),
                key=str(r.id),
            )

    def action_open(self) -> None:
        request_id = self.query_one(RowTable).selected_id()
        if request_id is not None:
            from borrador.tui.screens.request import RequestScreen

            self.host.open(lambda: RequestScreen(request_id))

    def on_data_table_row_selected(self) -> None:
        self.action_open()

    def action_edit(self) -> None:
        from borrador.tui.screens.person_form import PersonFormScreen

        self.host.open(lambda: PersonFormScreen(self.person_id))

    def action_new(self) -> None:
        from borrador.tui.screens.new_requests import NewRequestsScreen

        self.host.open(lambda: NewRequestsScreen(person_id=self.person_id))

    def action_drop(self) -> None:
        from borrador.tui.screens.drop import DropScreen

        self.host.open(lambda: DropScreen(self.person_id))

    def action_freezes(self) -> None:
        from borrador.tui.screens.freezes import FreezesScreen

        self.host.open(lambda: FreezesScreen(self.person_id))

    def action_listings(self) -> None:
        from borrador.tui.screens.listings import ListingsScreen

        self.host.open(lambda: ListingsScreen(self.person_id))

    def action_handoff(self) -> None:
        from borrador.tui.screens import tools

        tools.handoff_export(self, self.person_id)

    def action_erase(self) -> None:
        from borrador.tui.screens import tools

        tools.erase_person(self, self.person_id, lambda: None)  # the screen closes on the news
