"""Clinic mode: every resident's deadlines (filterable by volunteer), progress per resident,
and one resident at a time in the lower panel. Switching residents clears the panel first,
so the next resident never sees the previous one's requests."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Select, Static

from borrador.i18n import N_, _
from borrador.tui.dates import show_date
from borrador.tui.messages import RequestChanged
from borrador.tui.safe import literal
from borrador.tui.screens.clinic_forms import ClinicForms
from borrador.tui.widgets import RowTable
from borrador.tui.wording import next_step

ALL = "*"


class ClinicScreen(ClinicForms):
    BINDINGS = [
        Binding("s", "switch_resident", N_("Switch resident"), id="switch-resident"),
        Binding("x", "clear_resident", N_("Clear resident"), id="clear-resident"),
        Binding("a", "authorised", N_("Signed authorisation"), id="record-authorisation"),
        Binding("p", "papers", N_("Sheet and report"), id="resident-papers"),
        Binding("v", "add_volunteer", N_("Add volunteer"), id="add-volunteer"),
        Binding("d", "remove_volunteer", N_("Remove volunteer"), id="remove-volunteer"),
        Binding("enter", "open_request", N_("Open"), id="open-clinic-request"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="buttons"):
            yield Select([], prompt=_("All volunteers"), id="volunteer")
            yield Select([], prompt=_("Choose a resident"), id="resident")
        yield Static(_("Every resident's deadlines"), classes="title")
        yield RowTable(id="clinic-due", cursor_type="row", zebra_stripes=True)
        yield Static(_("Progress per resident"), classes="title")
        yield RowTable(id="residents", cursor_type="row")
        yield Static("", id="resident-name", classes="title")
        yield RowTable(id="resident-requests", cursor_type="row")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#clinic-due", DataTable).add_columns(
            _("Date"), _("Resident"), _("Recipient"), _("Volunteer"), _("Next step")
        )
        self.query_one("#residents", DataTable).add_columns(
            _("Resident"), _("Requests"), _("Open"), _("Done"), _("Unsigned"), _("Volunteers")
        )
        self.query_one("#resident-requests", DataTable).add_columns(
            _("Id"), _("Recipient"), _("Kind"), _("Status"), _("Sent"), _("Signed")
        )
        for table_id in ("#clinic-due", "#residents", "#resident-requests"):
            self.query_one(table_id, DataTable).styles.height = 8
        volunteers = [(literal(name), name) for name in self.session.clinic.volunteers()]
        self.query_one("#volunteer", Select).set_options(volunteers)
        self.progress = self.session.progress.per_person()
        self.query_one("#resident", Select).set_options(
            [(literal(p.name), p.person_id) for p in self.progress]
        )
        self.fill()

    def volunteer(self) -> str:
        value = self.query_one("#volunteer", Select).value
        return value if isinstance(value, str) else ""

    def fill(self) -> None:
        """The deadlines and progress tables, for one volunteer or all."""
        who = self.volunteer()
        agents = {r.id: r.agent for r in self.session.requests.find()}
        due = self.query_one("#clinic-due", DataTable)
        due.clear()
        for item in sorted(self.session.tracking.due(), key=lambda i: i.date):
            agent = agents.get(item.request_id, "")
            if who and agent != who:
                continue
            due.add_row(
                show_date(item.date),
                literal(item.initials),
                literal(item.recipient_name),
                literal(agent),
                literal(next_step(item)),
                key=str(item.request_id),
            )
        residents = self.query_one("#residents", DataTable)
        residents.clear()
        for row in self.progress:
            if who and who not in row.volunteers:
                continue
            residents.add_row(
                literal(row.name),
                str(row.requests),
                str(row.open),
                str(row.done),
                str(row.unauthorised),
                literal(", ".join(row.volunteers)),
                key=str(row.person_id),
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "volunteer":
            self.fill()
        elif event.select.id == "resident":
            self.show_resident(event.value if isinstance(event.value, int) else None)

    def show_resident(self, person_id: int | None) -> None:
        """Clear the panel, then (if a resident is chosen) show only theirs."""
        name = self.query_one("#resident-name", Static)
        table = self.query_one("#resident-requests", DataTable)
        table.clear()
        name.update("")
        if person_id is None:
            return
        person = self.session.people.get(person_id)
        name.update(literal(_("Resident: {name}").format(name=person.name)))
        entries = self.session.catalog.catalog().entries
        for request in self.session.requests.find(person_id):
            entry = entries.get(request.recipient)
            table.add_row(
                str(request.id),
                literal(entry.name if entry else request.recipient),
                _(str(request.kind)),
                _(str(request.status)),
                show_date(request.sent_on),
                show_date(request.authorized_on) if request.authorized_on else "—",
                key=str(request.id),
            )

    def action_switch_resident(self) -> None:
        picker = self.query_one("#resident", Select)
        picker.focus()
        picker.expanded = True

    def action_clear_resident(self) -> None:
        self.query_one("#resident", Select).clear()
        self.show_resident(None)

    def action_open_request(self) -> None:
        table = self.focused
        if not isinstance(table, RowTable) or table.id not in ("clinic-due", "resident-requests"):
            return
        request_id = table.selected_id()
        if request_id is not None:
            from borrador.tui.screens.request import RequestScreen

            self.host.open(lambda: RequestScreen(request_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "residents":
            key = event.row_key.value
            self.query_one("#resident", Select).value = int(key or 0)
        else:
            self.action_open_request()

    def on_screen_resume(self) -> None:
        self.refill()

    def on_request_changed(self, _message: RequestChanged) -> None:
        if self.is_current:
            self.refill()

    def refill(self) -> None:
        self.progress = self.session.progress.per_person()
        self.fill()
