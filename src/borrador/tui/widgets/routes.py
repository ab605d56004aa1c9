"""Step 5 of New requests: how each letter goes (mail, email, web form, plain text) and
where to, one row per recipient; the person changes a row's way with a key."""

from __future__ import annotations

import dataclasses

from borrador.i18n import N_, _
from borrador.tui.safe import literal
from borrador.tui.widgets.rows import RowTable

WAYS = (
    ("pdf", N_("PDF to print and mail")),
    ("eml", N_("Email draft (.eml)")),
    ("web", N_("Web-form guide")),
    ("txt", N_("Plain text")),
)


@dataclasses.dataclass
class Route:
    slug: str
    name: str
    way: str
    where: dict[str, str]  # format -> address, email or web address ("" when unknown)

    def destination(self) -> str:
        if self.way == "txt":
            return _("(a text file to print or copy)")
        found = self.where.get(self.way, "").replace("\n", ", ")
        return found or _("⚠ none in the catalog")


class RouteTable(RowTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.routes: dict[str, Route] = {}

    def on_mount(self) -> None:
        self.add_columns(_("Recipient"), _("How"), _("Goes to"))

    def show(self, routes: list[Route]) -> None:
        """Rows for these recipients; a way chosen earlier for one is kept."""
        kept = {slug: r.way for slug, r in self.routes.items()}
        self.routes = {r.slug: dataclasses.replace(r, way=kept.get(r.slug, r.way)) for r in routes}
        self.redraw()

    def redraw(self) -> None:
        cursor = self.cursor_row
        self.clear()
        labels = dict(WAYS)
        for route in self.routes.values():
            self.add_row(literal(route.name), _(labels[route.way]), literal(route.destination()),
                         key=route.slug)  # fmt: skip
        if self.row_count:
            self.move_cursor(row=min(cursor, self.row_count - 1))

    def cycle(self) -> None:
        """The highlighted recipient's next way."""
        slug = self.selected_key()
        if slug is None or slug not in self.routes:
            return
        order = [w for w, _label in WAYS]
        route = self.routes[slug]
        route.way = order[(order.index(route.way) + 1) % len(order)]
        self.redraw()

    def set_all(self, way: str) -> None:
        for route in self.routes.values():
            route.way = way
        self.redraw()

    def drop(self, slugs: list[str]) -> None:
        """Leave these recipients out of this batch."""
        self.routes = {slug: r for slug, r in self.routes.items() if slug not in slugs}
        self.redraw()

    def unmailable(self) -> list[str]:
        """Recipients set to a printed letter with no postal address in the catalog."""
        return [r.name for r in self.routes.values() if r.way == "pdf" and not r.where.get("pdf")]

    def by_way(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for route in self.routes.values():
            groups.setdefault(route.way, []).append(route.slug)
        return groups
