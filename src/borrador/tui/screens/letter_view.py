"""One letter at full screen size, to read and edit it; closing hands the text back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, TextArea

from borrador.i18n import N_
from borrador.tui.base import BaseModal
from borrador.tui.safe import literal


class LetterView(BaseModal):
    BINDINGS = [Binding("escape", "done", N_("Back to the review"), id="letter-view-done")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text, self.text = title, text

    def compose(self) -> ComposeResult:
        yield Static(literal(self.title_text), classes="title")
        yield TextArea(self.text, id="full-letter", soft_wrap=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_done(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
