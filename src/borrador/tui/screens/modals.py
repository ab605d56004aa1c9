"""Small dialogs: a form of a few fields, and a typed confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static

from borrador.core.errors import BorradorError, ValidationError
from borrador.i18n import N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseModal
from borrador.tui.safe import literal
from borrador.tui.widgets import FieldRow, clear_errors, show_error

# (key, label, default, choices): choices None means a text input.
Field = tuple[str, str, str, list[tuple[str, str]] | None]
# Given the values, does the work; a BorradorError keeps the dialog open with what was typed.
Submit = Callable[[dict[str, Any]], object]


class FormModal(BaseModal):
    """Returns a dict of the field values, or None when cancelled. With `submit`, the work is
    done before closing: a refusal is named under its field (dates under the date) and the
    dialog stays, with everything typed kept."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-modal")]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        note: str = "",
        password: tuple[str, ...] = (),
        submit: Submit | None = None,
    ) -> None:
        super().__init__()
        self.title_text, self.fields, self.note, self.password = title, fields, note, password
        self.submit = submit

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box"):
            yield Static(literal(self.title_text), classes="title")
            if self.note:
                yield Static(literal(self.note), classes="warning")
            for key, label, default, choices in self.fields:
                control: Input | Select[str]
                if choices is None:
                    control = Input(default, id=f"m-{key}", password=key in self.password)
                else:
                    control = Select(
                        [(literal(t), v) for v, t in choices],
                        value=default or choices[0][0],
                        allow_blank=False,
                        id=f"m-{key}",
                    )
                yield FieldRow(key, label, control, error_prefix="m-err")
            yield Static("", id="m-error", classes="field-error")
            with Horizontal(classes="buttons"):
                yield Button(_("OK"), variant="primary", id="ok")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        # The keyboard starts in the first field: what is typed straight away lands there.
        # A dialog without fields keeps it on its box, so a long note scrolls with the arrows.
        if self.fields:
            self.query_one(f"#m-{self.fields[0][0]}").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.finish()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.finish()

    def finish(self) -> None:
        values = self.values()
        if self.submit is not None and isinstance(values, dict):
            clear_errors(self)
            self.query_one("#m-error", Static).update("")
            try:
                self.submit(values)
            except BorradorError as exc:
                self.refused(exc)
                return
        self.dismiss(values)

    def refused(self, exc: BorradorError) -> None:
        """Under the field it names (a date error under the dialog's date), else below all."""
        if isinstance(exc, ValidationError):
            field = exc.field.split("[")[0].split(".")[-1]
            dates = [
                k for k, _l, _d, c in self.fields if c is None and k in ("on", "until", "date")
            ]
            key = field if any(k == field for k, *_rest in self.fields) else None
            if key is None and field == "date" and dates:
                key = dates[0]
            if key and show_error(self, key, advice(exc, named=False)):
                return
        self.query_one("#m-error", Static).update(literal(advice(exc)))

    def values(self) -> Any:
        out: dict[str, Any] = {}
        for key, _label, _default, _choices in self.fields:
            out[key] = self.query_one(f"#m-{key}").value  # type: ignore[attr-defined]
        return out

    def action_cancel(self) -> None:
        self.dismiss(None)


class TypedConfirmModal(FormModal):
    """Dismisses True only when the user typed the word exactly."""

    def __init__(self, title: str, word: str, note: str) -> None:
        super().__init__(
            title, [("word", _("Type {word} to go on").format(word=word), "", None)], note
        )
        self.word = word

    def values(self) -> Any:
        return self.query_one("#m-word", Input).value.strip() == self.word
