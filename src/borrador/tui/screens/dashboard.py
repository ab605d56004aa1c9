"""Home: what is overdue, due this week, waiting on the person, or due for a re-check, each
with what to do next; and each person's progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from borrador.i18n import N_, _
from borrador.tui.base import BaseScreen
from borrador.tui.dates import show_date
from borrador.tui.messages import PersonChanged, RequestChanged
from borrador.tui.safe import literal
from borrador.tui.screens.dashboard_rows import Row, denied_rows, drafted_rows
from borrador.tui.widgets import RowTable
from borrador.tui.wording import next_step

if TYPE_CHECKING:
    from borrador.services.progress import PersonProgress
    from borrador.services.scorecard import BrokerScore

SHOWN = 100  # the most urgent rows; the rest wait their turn (see `borrador due`)
SHOWN_PEOPLE = 50  # people with the most overdue work first
GROUPS = (N_("Overdue"), N_("Waiting on the person"), N_("Due this week"), N_("Re-check due"))
# Listed first: drafted letters (nothing runs until they are sent), then denials to appeal.


def group_of(item: object, soon: int) -> str | None:
    what, left = getattr(item, "what"), getattr(item, "days_left")  # noqa: B009
    if what == "verification":
        return GROUPS[1]
    if left < 0:
        return GROUPS[0] if what != "re-check" else GROUPS[3]
    if left <= soon:
        return GROUPS[3] if what == "re-check" else GROUPS[2]
    return None


class DashboardScreen(BaseScreen):
    steps: dict[str, str] = {}  # row key -> its next step, shown in full under the table

    BINDINGS = [
        Binding("enter", "open_request", N_("Open"), id="open"),
        Binding("n", "app.go('new')", N_("New requests"), id="dashboard-new"),
        Binding("p", "app.go('people')", N_("People"), id="dashboard-people"),
        Binding("r", "refresh", N_("Refresh"), id="refresh"),
        Binding("ctrl+l", "app.lock", N_("Lock"), id="dashboard-lock"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("What needs doing"), classes="title")
        yield RowTable(id="due", cursor_type="row", zebra_stripes=True)
        yield Static("", id="next-step", classes="hint")
        yield Static("", id="loading", classes="hint")
        yield Static(_("Progress per person"), classes="title")
        yield RowTable(id="progress", cursor_type="row")
        yield Static("", id="scorecard", classes="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        due = self.query_one("#due", RowTable)
        due.add_columns(_("Status"), _("Date"), _("Person"), _("Recipient"), _("Next step"))
        progress = self.query_one("#progress", RowTable)
        progress.add_columns(_("Person"), _("Done"), _("Waiting"), _("Overdue"), _("Drafted"))
        progress.styles.height = 8

    def action_refresh(self) -> None:
        self.query_one("#loading", Static).update(_("Loading…"))
        self.call_after_refresh(self.load)  # the screen is drawn first, then filled

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Deadlines for thousands of requests are worked out off the UI thread: the screen
        shows at once and fills in."""
        if self.host.session is None:  # locked meanwhile
            return
        soon = self.host.preferences.due_soon_days
        due = self.session.tracking.due()
        clocks = [(GROUPS.index(g), item, g) for item in due if (g := group_of(item, soon))]
        clocks.sort(key=lambda r: (r[0], r[1].date))
        requests = self.session.requests.find()
        rows = drafted_rows(self.session, requests) + denied_rows(self.session, requests)
        rows += [Row(g, item.date, item.initials, item.recipient_name, next_step(item),
                     f"{item.request_id}:{item.what}") for _o, item, g in clocks]  # fmt: skip
        people = sorted(self.session.progress.per_person(due),
                        key=lambda r: (-r.overdue, -r.waiting))  # fmt: skip
        self.from_worker(self.fill, rows, people)
        self.from_worker(self.show_scorecard, self.session.scorecard.scores())

    def show_scorecard(self, scores: list[BrokerScore]) -> None:
        """How the brokers written to are keeping the law, from this store's own requests."""
        timed = sum(s.with_legal_deadline for s in scores)
        if not timed:
            self.query_one("#scorecard", Static).update("")
            return
        in_time = sum(s.answered_in_time for s in scores)
        late = sorted((s for s in scores if s.answered_late + s.overdue_unanswered),
                      key=lambda s: -(s.answered_late + s.overdue_unanswered))[:3]  # fmt: skip
        text = _("Scorecard (F8): {n} of {total} answered within the legal deadline.").format(
            n=in_time, total=timed
        )
        if late:
            names = ", ".join(f"{s.name} ({s.answered_late + s.overdue_unanswered})" for s in late)
            text += " " + _("Late or unanswered most: {names}.").format(names=names)
        self.query_one("#scorecard", Static).update(literal(text))

    def fill(self, rows: list[Row], people: list[PersonProgress]) -> None:
        table = self.query_one("#due", RowTable)
        table.clear()
        self.steps = {row.key: row.step for row in rows[:SHOWN]}
        for row in rows[:SHOWN]:
            table.add_row(literal(_(row.group)), show_date(row.date), literal(row.initials),
                          literal(row.recipient), literal(row.step), key=row.key)  # fmt: skip
        self.show_step()
        if not rows:
            table.add_row(_("Nothing is due."), "", "", "", "")
        progress_table = self.query_one("#progress", RowTable)
        progress_table.clear()
        for person in people[:SHOWN_PEOPLE]:
            done = _("{done} of {total} done").format(done=person.done, total=person.requests)
            progress_table.add_row(literal(person.name), done, str(person.waiting),
                                   str(person.overdue), str(person.drafted),
                                   key=str(person.person_id))  # fmt: skip
        more = len(rows) - SHOWN
        self.query_one("#loading", Static).update(
            _("{n} more: each person's are on the People screen (F2).").format(n=more)
            if more > 0
            else ""
        )
        if not people:  # a first run: say where to begin
            self.query_one("#loading", Static).update(
                _(
                    "Start here: press p, then a, to add the person the letters are for. "
                    "Then press n to choose recipients, review the letters and make them."
                )
            )

    def action_open_request(self) -> None:
        table = self.query_one("#due", RowTable)
        if table.row_count == 0 or self.focused is not table:
            if self.focused is self.query_one("#progress", RowTable):
                self.open_person()
            return
        request_id = table.selected_id()
        if request_id is not None:
            from borrador.tui.screens.request import RequestScreen

            self.host.open(lambda: RequestScreen(request_id))

    def open_person(self) -> None:
        person_id = self.query_one("#progress", RowTable).selected_id()
        if person_id is not None:
            from borrador.tui.screens.person import PersonScreen

            self.host.open(lambda: PersonScreen(person_id))

    def show_step(self) -> None:
        """The highlighted row's next step in full: the column may cut it."""
        key = self.query_one("#due", RowTable).selected_key()
        self.query_one("#next-step", Static).update(literal(self.steps.get(key or "", "")))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "due":
            self.show_step()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "due":
            self.action_open_request()
        else:
            self.open_person()

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def on_request_changed(self, _message: RequestChanged) -> None:
        self.stale = True  # refreshed when shown again (on_screen_resume)

    def on_person_changed(self, _message: PersonChanged) -> None:
        self.stale = True
