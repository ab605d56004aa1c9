"""Add or edit a person; a refused field is named right under it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Static

from borrador.core.errors import ValidationError
from borrador.core.people import Person
from borrador.i18n import N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.messages import PersonChanged
from borrador.tui.widgets import FieldRow, clear_errors, show_error

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
                yield FieldRow(key, _(label), Input(id=f"f-{key}"))
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.person_id is None:
            self.query_one("#f-language", Input).value = "es"
        else:
            self.fill(self.session.people.get(self.person_id))
        self.query_one("#f-name", Input).focus()

    def fill(self, person: Person) -> None:
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
        clear_errors(self)
        try:
            if self.person_id is None:
                person = self.session.people.add(self.data())
            else:
                person = self.session.people.edit(self.person_id, self.data())
        except ValidationError as exc:
            errors = [exc, *self.other_errors(exc)]
            keys = [key for key, _label in FIELDS]
            errors.sort(key=lambda e: keys.index(self.form_key(e)))  # in screen order
            for error in reversed(errors):  # the first is focused last, so it keeps the focus
                self.show_error(error)
            return
        self.say(_("Saved {name}.").format(name=person.name))
        self.announce(PersonChanged(person.id))
        self.app.pop_screen()

    @staticmethod
    def form_key(exc: ValidationError) -> str:
        """The form field an error is about (an unknown one is shown under the name)."""
        field = exc.field.split("[")[0].split(".")[-1]
        if exc.field.startswith("addresses") and "." in exc.field:
            last = exc.field.rsplit(".", 1)[-1]
            field = {"state": "address_state"}.get(last, last)
        return field if field in dict(FIELDS) else "name"

    def other_errors(self, first: ValidationError) -> list[ValidationError]:
        """Every further refusal: the services stop at the first, so each refused field is
        set aside (blanked) and the rest checked again."""
        trial, error = self.data(), first
        found: list[ValidationError] = []
        for _attempt in range(len(FIELDS)):
            if not _set_aside(trial, error.field):
                break
            try:
                self.session.people.check(trial)
                break
            except ValidationError as exc:
                if any(self.form_key(e) == self.form_key(exc) for e in (first, *found)):
                    break
                found.append(exc)
                error = exc
        return found

    def show_error(self, exc: ValidationError) -> None:
        show_error(self, self.form_key(exc), advice(exc, named=False))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.app.pop_screen()


BLANK: dict[str, Any] = {"name": "?", "other_names": [], "birth_date": None, "state": "",
                         "language": "en", "emails": [], "phones": [], "notes": ""}  # fmt: skip


def _set_aside(data: dict[str, Any], field: str) -> bool:
    """Blank the refused field in `data` (a whole address for an address field)."""
    top = field.split("[")[0].split(".")[0]
    if top == "addresses":
        data["addresses"] = []
        return True
    if top in BLANK:
        data[top] = BLANK[top]
        return True
    return False
