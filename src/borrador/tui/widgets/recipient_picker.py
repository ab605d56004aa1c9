"""Step 2 of New requests: tick the brokers and agencies to write to. A pack ticks a group; the
find box narrows a long catalog by name, and what was ticked stays ticked while it is hidden."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from borrador.i18n import _
from borrador.tui.safe import literal


class RecipientPicker(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[tuple[str, str]] = []  # (name, slug) in catalog order
        self.packs: dict[str, list[str]] = {}  # pack id -> its members' slugs
        self.ticked: set[str] = set()

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Select([], prompt=_("Add a pack…"), id="pack")
            yield Input(placeholder=_("Find by name…"), id="find")
        yield Static(_("Enter ticks or unticks the highlighted one."), classes="hint")
        yield SelectionList[str](id="chosen")
        yield Static(id="picked", classes="hint")

    def fill(self, entries: list[tuple[str, str]], packs: list[tuple[str, str, list[str]]]) -> None:
        """The catalog's entries (name, slug) and packs (title, id, member slugs)."""
        self.entries = entries
        self.packs = {pack_id: members for _title, pack_id, members in packs}
        self.query_one("#pack", Select).set_options(
            [(literal(title), pack_id) for title, pack_id, _m in packs]
        )
        self.show_matching("")

    def picked(self) -> list[str]:
        """Every ticked slug, shown or hidden by the find box, in catalog order."""
        self.remember()
        return [slug for _name, slug in self.entries if slug in self.ticked]

    def tell(self) -> None:
        """The ticked ones named below the list: the find box may hide them."""
        names = [name for name, slug in self.entries if slug in self.ticked]
        text = _("Chosen ({n}): {names}").format(n=len(names), names=", ".join(names))
        self.query_one("#picked", Static).update(literal(text) if names else "")

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        self.remember()
        self.tell()

    def remember(self) -> None:
        listing = self.query_one("#chosen", SelectionList)
        shown = {listing.get_option_at_index(i).value for i in range(listing.option_count)}
        self.ticked = (self.ticked - shown) | set(listing.selected)

    def show_matching(self, text: str) -> None:
        listing = self.query_one("#chosen", SelectionList)
        words = text.casefold().split()
        listing.clear_options()
        listing.add_options(
            [Selection(literal(name), slug, slug in self.ticked) for name, slug in self.entries
             if all(w in f"{name} {slug}".casefold() for w in words)]
        )  # fmt: skip
        if listing.option_count:  # Enter works on the first match at once
            listing.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "find":
            event.stop()
            self.remember()
            self.show_matching(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "find":  # Enter in the find box: go pick from what it found
            event.stop()
            self.query_one("#chosen", SelectionList).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "pack" and isinstance(event.value, str):
            event.stop()
            self.remember()
            self.ticked |= set(self.packs.get(event.value, []))
            self.show_matching(self.query_one("#find", Input).value)
            self.tell()
