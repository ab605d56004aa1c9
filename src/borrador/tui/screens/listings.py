"""Check before you ask: people-search sites with a search address, opened in the browser only
on a key press, and what the user saw there (found / not found / removed)."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Static

from borrador.core.errors import BorradorError
from borrador.i18n import N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.dates import show_date
from borrador.tui.safe import literal

RESULT_KEYS = {"f": "found", "n": "not-found", "r": "removed"}

# Stored values shown in the user's language (marked here so they are extracted).
SHOWN_VALUES = (N_("found"), N_("not-found"), N_("removed"))


class ListingsScreen(BaseScreen):
    BINDINGS = [
        Binding("o", "open_search", N_("Open search in browser"), id="listing-open"),
        Binding("f", "record('f')", N_("Found"), id="listing-found"),
        Binding("n", "record('n')", N_("Not found"), id="listing-not-found"),
        Binding("r", "record('r')", N_("Removed"), id="listing-removed"),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, person_id: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Check listings"), classes="title")
        yield Static(_("Opening a search tells the site the name searched. To keep evidence, "
                       "give a screenshot or PDF below before recording: it is stored inside "
                       "the encrypted store, never as a loose file."),
                     classes="hint")  # fmt: skip
        yield Input(placeholder=_("Evidence file (optional): a screenshot or PDF"),
                    id="listing-evidence")  # fmt: skip
        yield DataTable(id="listing-sites", cursor_type="row", zebra_stripes=True)
        yield Static("", id="listing-what", markup=False)
        yield Static(_("Checks recorded"), classes="title")
        yield DataTable(id="listing-history", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#listing-sites", DataTable).add_columns(_("Site"), _("Search"))
        self.query_one("#listing-history", DataTable).add_columns(_("Date"), _("Site"),
                                                                  _("Result"))  # fmt: skip
        sites = self.query_one("#listing-sites", DataTable)
        entries = self.session.catalog.catalog().entries.values()
        for e in sorted(entries, key=lambda e: e.name.lower()):
            if "people-search" in e.categories and not e.covered_by and e.status == "active":
                sites.add_row(literal(e.name), _("address known") if e.search_url else "",
                              key=e.slug)  # fmt: skip
        sites.focus()  # the keys (open, found, not found, removed) act on the highlighted site
        self.load()

    def load(self) -> None:
        history = self.query_one("#listing-history", DataTable)
        history.clear()
        for c in self.session.listings.history(self.person_id):
            history.add_row(show_date(c.on), literal(c.broker), literal(_(c.result)))

    def _slug(self) -> str | None:
        table = self.query_one("#listing-sites", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_open_search(self) -> None:
        slug = self._slug()
        if slug is None:
            return
        link = self.session.listings.link(self.person_id, slug)
        what = self.query_one("#listing-what", Static)
        if not link.url:
            what.update(_("No search address known; search the site for: {typed}").format(
                typed=link.what_to_type))  # fmt: skip
            return
        what.update(link.url)
        webbrowser.open(link.url)

    def action_record(self, key: str) -> None:
        slug = self._slug()
        if slug is None:
            return
        given = self.query_one("#listing-evidence", Input).value.strip()
        evidence = Path(given).expanduser() if given else None
        try:
            done = self.session.listings.record(self.person_id, slug, RESULT_KEYS[key],
                                                evidence=evidence)  # fmt: skip
        except BorradorError as exc:
            self.say(advice(exc), severity="error")
            return
        self.query_one("#listing-evidence", Input).value = ""
        self.say(done.what)
        self.load()
