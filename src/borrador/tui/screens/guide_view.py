"""A guide to read (not a letter): scrollable text, closed with Escape."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from borrador.i18n import N_
from borrador.tui.base import BaseModal
from borrador.tui.safe import literal


class GuideView(BaseModal):
    BINDINGS = [Binding("escape", "close", N_("Close"), id="guide-close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text, self.text = title, text

    def compose(self) -> ComposeResult:
        yield Static(literal(self.title_text), classes="title")
        with VerticalScroll(id="guide-box"):
            yield Static(literal(self.text), id="guide-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#guide-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)
