"""The catalog: filter as you type, by pack and flags; the detail of the highlighted entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Select, Static

from borrador.core.errors import BorradorError
from borrador.i18n import N_, _
from borrador.services.catalog import model
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.safe import literal
from borrador.tui.screens.catalog_detail import detail_text
from borrador.tui.screens.modals import FormModal

CATEGORIES = model.CATEGORIES

SHOWN = 200  # rows drawn at once; the count says how many matched
# The shared filter vocabulary (core/broker_filters.py): the short label the row shows, and
# core's meaning, repeated here only so that it is extracted for translation (core is stdlib).
FILTER_LABELS = {
    "ice-supplier": N_("ICE"),
    "federal-government": N_("Federal"),
    "law-enforcement": N_("Police"),
    "immigration-status": N_("Immigration"),
    "fcra-regulated": N_("FCRA"),
    "ca-registry": N_("CA registry"),
}
FILTER_MEANINGS = (
    N_("known to supply immigration enforcement (ICE, CBP, DHS)"),
    N_("sold or shared data with the federal government"),
    N_("sold or shared data with law enforcement"),
    N_("collects immigration or citizenship status"),
    N_("a consumer reporting agency under the FCRA"),
    N_("listed in an imported California data-broker registry"),
)


class CatalogScreen(BaseScreen):
    BINDINGS = [
        Binding("/", "search", N_("Search"), id="search"),
        Binding("escape", "clear", N_("Clear"), id="clear"),
        Binding("ctrl+r", "import_registry", N_("Import registry"), id="import-registry"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder=_("Search: name, product (Accurint), domain, category…"), id="query"
        )
        with Horizontal(classes="row"):
            yield Select([], prompt=_("Any pack"), id="pack")
            yield Select([(_(c), c) for c in CATEGORIES], prompt=_("Any category"), id="category")
        with Horizontal(id="filters"):
            for name, meaning in self.session.catalog.filters().items():
                box = Checkbox(_(FILTER_LABELS.get(name, name)), id=f"flag-{name}")
                box.tooltip = _(meaning)
                yield box
        yield Static("", id="count", classes="hint")
        yield DataTable(id="brokers", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="detail-box"):
            yield Static(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        catalog = self.session.catalog.catalog()
        packs = [(literal(p.title), p.id) for p in catalog.packs.values()]
        self.query_one("#pack", Select).set_options(packs)
        table = self.query_one(DataTable)
        for label, width in ((_("Name"), 38), (_("Kind"), 9), (_("Flags"), 16), (_("Checked"), 10)):
            table.add_column(label, width=width)
        self.refilter()

    def on_input_changed(self) -> None:
        self.refilter()

    def on_select_changed(self) -> None:
        self.refilter()

    def on_checkbox_changed(self) -> None:
        self.refilter()

    def refilter(self) -> None:
        query = self.query_one("#query", Input).value
        pack = self.query_one("#pack", Select).value
        flags = [
            name
            for name in self.session.catalog.filters()
            if self.query_one(f"#flag-{name}", Checkbox).value
        ]
        found = self.session.catalog.search(
            query, pack if isinstance(pack, str) else None, flags=flags
        )
        category = self.query_one("#category", Select).value
        if isinstance(category, str):
            found = [e for e in found if category in e.categories]
        table = self.query_one(DataTable)
        table.clear()
        for entry in found[:SHOWN]:
            marks = " ".join(
                t
                for t, on in (
                    ("ICE", entry.ice_supplier),
                    ("FED", entry.flag("sold_to_federal_government")),
                    ("IMM", entry.flag("collects_immigration_status")),
                    ("FCRA", entry.flag("fcra_regulated")),
                )
                if on
            )
            table.add_row(
                literal(entry.name),
                _(entry.kind),
                marks,
                str(entry.last_verified or ""),
                key=entry.slug,
            )
        more = _(" (showing the first {n})").format(n=SHOWN) if len(found) > SHOWN else ""
        self.query_one("#count", Static).update(_("{n} matching").format(n=len(found)) + more)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        slug = event.row_key.value if event.row_key else None
        if not slug:
            return
        try:
            text = detail_text(self.session, slug)
        except BorradorError as exc:
            text = advice(exc)
        self.query_one("#detail", Static).update(literal(text))
        self.query_one("#detail-box", VerticalScroll).scroll_home(animate=False)

    def action_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_clear(self) -> None:
        self.query_one("#query", Input).value = ""

    def action_import_registry(self) -> None:
        def start(values: dict[str, Any] | None) -> None:
            if values:
                state = values["state"] if values["state"] in ("ca", "vt") else None
                self.say(_("Importing… the screen stays usable."))
                self.import_file(Path(values["file"]).expanduser(), state)

        self.app.push_screen(
            FormModal(
                _("Import a state registry (CSV)"),
                [
                    ("file", _("File"), "", None),
                    (
                        "state",
                        _("Registry"),
                        "auto",
                        [("auto", _("detect")), ("ca", "California"), ("vt", "Vermont")],
                    ),
                ],
            ),
            start,
        )

    @work(thread=True, exclusive=True)
    def import_file(self, path: Path, state: str | None) -> None:
        """In a worker: a registry of hundreds of rows never freezes the screen."""
        try:
            report = self.session.registry.import_file(path, state)
        except BorradorError as exc:
            self.from_worker(self.say, advice(exc), "error", 15)
            return
        message = _(
            "Imported {added} new, {updated} updated, {unchanged} unchanged; "
            "{skipped} rows skipped."
        ).format(
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=len(report.skipped),
        )
        self.from_worker(self.say, message)
        self.from_worker(self.refilter)
