"""People: the list, one person's requests, and the form to add or edit someone."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Input, Static

from borrador.core.errors import ValidationError
from borrador.i18n import N_, _
from borrador.tui.base import BaseScreen
from borrador.tui.dates import show_date
from borrador.tui.safe import literal


class PeopleScreen(BaseScreen):
    BINDINGS = [
        Binding("a", "add", N_("Add person"), id="add-person"),
        Binding("e", "edit", N_("Edit"), id="edit-person"),
        Binding("enter", "open", N_("Open"), id="open-person"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("People"), classes="title")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(_("Id"), _("Name"), _("State"), _("Language"))

    def on_screen_resume(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for person in self.session.people.all():
            table.add_row(
                str(person.id),
                literal(person.name),
                person.state or "—",
                person.language,
                key=str(person.id),
            )

    def selected(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or 0)

    def action_add(self) -> None:
        self.borrador.open(lambda: PersonFormScreen(None))

    def action_edit(self) -> None:
        person_id = self.selected()
        if person_id is not None:
            self.borrador.open(lambda: PersonFormScreen(person_id))

    def action_open(self) -> None:
        person_id = self.selected()
        if person_id is not None:
            self.borrador.open(lambda: PersonScreen(person_id))

    def on_data_table_row_selected(self) -> None:
        self.action_open()


class PersonScreen(BaseScreen):
    """One person and all their requests, grouped by recipient and status."""

    BINDINGS = [
        Binding("enter", "open", N_("Open request"), id="open-request"),
        Binding("e", "edit", N_("Edit"), id="edit-person"),
        Binding("n", "new", N_("New requests"), id="new-for-person"),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="who", classes="title")
        yield DataTable(id="requests", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("Recipient"), _("Request"), _("Status"), _("Sent"), _("Id")
        )

    def on_screen_resume(self) -> None:
        person = self.session.people.get(self.person_id)
        self.query_one("#who", Static).update(literal(person.name))
        catalog = self.session.catalog.catalog()
        rows = sorted(
            self.session.requests.find(self.person_id),
            key=lambda r: (
                catalog.entries[r.recipient].name
                if r.recipient in catalog.entries
                else r.recipient,
                r.status,
                r.id or 0,
            ),
        )
        table = self.query_one(DataTable)
        table.clear()
        for r in rows:
            name = (
                catalog.entries[r.recipient].name if r.recipient in catalog.entries else r.recipient
            )
            table.add_row(
                literal(name),
                _(str(r.kind)),
                _(str(r.status)),
                show_date(r.sent_on),
                str(r.id),
                key=str(r.id),
            )

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            from borrador.tui.screens.request import RequestScreen

            request_id = int(
                table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or 0
            )
            self.borrador.open(lambda: RequestScreen(request_id))

    def on_data_table_row_selected(self) -> None:
        self.action_open()

    def action_edit(self) -> None:
        self.borrador.open(lambda: PersonFormScreen(self.person_id))

    def action_new(self) -> None:
        from borrador.tui.screens.new_requests import NewRequestsScreen

        self.borrador.open(lambda: NewRequestsScreen(person_id=self.person_id))


FIELDS = (
    ("name", N_("Full legal name")),
    ("other_names", N_("Other names (comma between)")),
    ("birth_date", N_("Date of birth (YYYY-MM-DD)")),
    ("state", N_("State (e.g. CA)")),
    ("language", N_("Language (en, es)")),
    ("emails", N_("Emails (comma between)")),
    ("phones", N_("Phones (comma between)")),
    ("street", N_("Street")),
    ("unit", N_("Unit")),
    ("city", N_("City")),
    ("address_state", N_("Address state")),
    ("postal_code", N_("ZIP code")),
    ("notes", N_("Notes")),
)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class PersonFormScreen(BaseScreen):
    """Add or edit a person; a refused field is named right under it."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="save-person"),
        Binding("escape", "app.pop_screen", N_("Cancel"), id="cancel"),
    ]

    def __init__(self, person_id: int | None) -> None:
        super().__init__()
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield Header()
        title = _("Add a person") if self.person_id is None else _("Edit person")
        yield Static(title, classes="title")
        yield Static(
            _("Only what a letter needs. Never a Social Security number or an immigration status."),
            classes="hint",
        )
        with VerticalScroll(classes="form"):
            for key, label in FIELDS:
                yield Static(_(label))
                yield Input(id=f"f-{key}")
                yield Static("", id=f"err-{key}", classes="field-error")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        if self.person_id is None:
            self.query_one("#f-language", Input).value = "es"
        else:
            self.fill(self.session.people.get(self.person_id))
        self.query_one("#f-name", Input).focus()

    def fill(self, person: Any) -> None:
        values = {
            "name": person.name,
            "other_names": ", ".join(person.other_names),
            "birth_date": person.birth_date.isoformat() if person.birth_date else "",
            "state": person.state,
            "language": person.language,
            "emails": ", ".join(person.emails),
            "phones": ", ".join(person.phones),
            "notes": person.notes,
        }
        current = next(
            (a for a in person.addresses if a.current),
            person.addresses[0] if person.addresses else None,
        )
        if current:
            values |= {
                "street": current.street,
                "unit": current.unit,
                "city": current.city,
                "address_state": current.state,
                "postal_code": current.postal_code,
            }
        for key, value in values.items():
            self.query_one(f"#f-{key}", Input).value = value

    def data(self) -> dict[str, Any]:
        v = {key: self.query_one(f"#f-{key}", Input).value.strip() for key, _label in FIELDS}
        data: dict[str, Any] = {
            "name": v["name"],
            "other_names": _split(v["other_names"]),
            "birth_date": v["birth_date"] or None,
            "state": v["state"],
            "language": v["language"] or "en",
            "emails": _split(v["emails"]),
            "phones": _split(v["phones"]),
            "notes": v["notes"],
        }
        addresses = []
        if v["street"] or v["city"]:
            addresses.append(
                {
                    "street": v["street"],
                    "unit": v["unit"],
                    "city": v["city"],
                    "state": v["address_state"],
                    "postal_code": v["postal_code"],
                    "current": True,
                }
            )
        if self.person_id is not None:  # keep earlier addresses the form does not show
            from borrador.core.people import person_to_data

            kept = person_to_data(self.session.people.get(self.person_id))["addresses"]
            addresses += [dict(a, current=False) for a in kept if not a["current"]]
        data["addresses"] = addresses
        return data

    def action_save(self) -> None:
        for key, _label in FIELDS:
            self.query_one(f"#err-{key}", Static).update("")
        try:
            if self.person_id is None:
                person = self.session.people.add(self.data())
            else:
                person = self.session.people.edit(self.person_id, self.data())
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.say(_("Saved {name}.").format(name=person.name))
        self.app.pop_screen()

    def show_error(self, exc: ValidationError) -> None:
        field = exc.field.split("[")[0].split(".")[-1]
        if exc.field.startswith("addresses") and "." in exc.field:
            field = {"state": "address_state"}.get(
                exc.field.rsplit(".", 1)[-1], exc.field.rsplit(".", 1)[-1]
            )
        target = f"#err-{field}" if self.query(f"#err-{field}") else "#err-name"
        self.query_one(target, Static).update(
            literal(exc.problem + (" " + exc.hint if exc.hint else ""))
        )
        with_input = self.query(f"#f-{field}")
        if with_input:
            with_input.first(Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()
