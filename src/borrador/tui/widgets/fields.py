"""A form field: its label, the control, and the reason it was refused right under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from borrador.tui.safe import literal


class FieldRow(Vertical):
    """`control` is the Input or Select; the error line has id `{error_prefix}-{key}`."""

    DEFAULT_CSS = "FieldRow { height: auto; }"

    def __init__(self, key: str, label: str, control: Widget, error_prefix: str = "err") -> None:
        super().__init__()
        self.key, self.label, self.control = key, label, control
        self.error_id = f"{error_prefix}-{key}"

    def compose(self) -> ComposeResult:
        yield Static(literal(self.label))
        yield self.control
        yield Static("", id=self.error_id, classes="field-error")

    def set_error(self, message: str) -> None:
        self.query_one(f"#{self.error_id}", Static).update(literal(message))


def clear_errors(root: Widget) -> None:
    for row in root.query(FieldRow):
        row.set_error("")


def show_error(root: Widget, key: str, message: str, *, focus: bool = True) -> bool:
    """Name the refusal under field `key`; False when the form has no such field."""
    for row in root.query(FieldRow):
        if row.key == key:
            row.set_error(message)
            if focus:
                row.control.focus()
            return True
    return False
