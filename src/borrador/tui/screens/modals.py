"""Small dialogs: a form of a few fields, and a typed confirmation."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static

from borrador.i18n import N_, _
from borrador.tui.base import BaseModal
from borrador.tui.safe import literal

# (key, label, default, choices): choices None means a text input.
Field = tuple[str, str, str, list[tuple[str, str]] | None]


class FormModal(BaseModal):
    """Returns a dict of the field values, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-modal")]

    def __init__(
        self, title: str, fields: list[Field], note: str = "", password: tuple[str, ...] = ()
    ) -> None:
        super().__init__()
        self.title_text, self.fields, self.note, self.password = title, fields, note, password

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box"):
            yield Static(literal(self.title_text), classes="title")
            if self.note:
                yield Static(literal(self.note), classes="warning")
            for key, label, default, choices in self.fields:
                yield Static(literal(label))
                if choices is None:
                    yield Input(default, id=f"m-{key}", password=key in self.password)
                else:
                    yield Select(
                        [(literal(t), v) for v, t in choices],
                        value=default or choices[0][0],
                        allow_blank=False,
                        id=f"m-{key}",
                    )
            yield Static("", id="m-error", classes="field-error")
            with Horizontal(classes="buttons"):
                yield Button(_("OK"), variant="primary", id="ok")
                yield Button(_("Cancel"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.dismiss(self.values())
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.dismiss(self.values())

    def values(self) -> dict[str, Any]:
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
