"""Step 6 of New requests: the letters just made, one row each. The person ticks the ones
they have sent (space, or a for all) and marks them sent together; Enter opens one."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from borrador.core.requests import Request
from borrador.i18n import N_, _
from borrador.services.letter_files import Made
from borrador.tui.safe import literal
from borrador.tui.widgets.rows import RowTable
from borrador.tui.wording import channel_label

TICK, BLANK = "☑", "☐"


class MadeLetters(RowTable):
    BINDINGS = [
        Binding("s", "mark_sent", N_("Mark sent"), id="mark-chosen-sent"),
        Binding("space", "tick", N_("Tick"), id="tick-letter"),
        Binding("a", "tick_all", N_("Tick all"), id="tick-all"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.made: dict[int, Made] = {}
        self.names: dict[str, str] = {}  # recipient slug -> the name people know it by
        self.ticked: set[int] = set()

    def on_mount(self) -> None:
        self.add_columns(" ", _("Id"), _("Recipient"), _("How"), _("Files"), _("Status"))

    def show(self, made: list[Made], names: dict[str, str]) -> None:
        self.made = {m.request.id or 0: m for m in made}
        self.names = names
        self.ticked &= set(self.made)
        self.redraw()

    def update_requests(self, changed: list[Request]) -> None:
        """After a status change: the rows show the stored requests again, ticks cleared."""
        for request in changed:
            m = self.made.get(request.id or 0)
            if m is not None:
                self.made[request.id or 0] = Made(request, m.letter, m.guide, m.files)
        self.ticked.clear()
        self.redraw()

    def redraw(self) -> None:
        cursor = self.cursor_row
        self.clear()
        for number, m in self.made.items():
            self.add_row(
                TICK if number in self.ticked else BLANK,
                str(number),
                literal(self.recipient_name(m)),
                channel_label(m.request.channel),
                literal(", ".join(p.name for p in m.files)),
                _(str(m.request.status)),
                key=str(number),
            )
        if self.row_count:
            self.move_cursor(row=min(cursor, self.row_count - 1))

    def recipient_name(self, m: Made) -> str:
        return self.names.get(m.request.recipient, m.request.recipient)

    class MarkSentAsked(Message):
        """The person asked to mark these letters sent (the screen asks the date)."""

        def __init__(self, chosen: list[Made]) -> None:
            super().__init__()
            self.chosen = chosen

    def action_mark_sent(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.post_message(self.MarkSentAsked(chosen))

    def action_tick(self) -> None:
        self.toggle()

    def action_tick_all(self) -> None:
        self.toggle_all()

    def toggle(self) -> None:
        number = self.selected_id()
        if number is None:
            return
        self.ticked ^= {number}
        self.redraw()

    def toggle_all(self) -> None:
        self.ticked = set() if self.ticked == set(self.made) else set(self.made)
        self.redraw()

    def chosen(self) -> list[Made]:
        """The ticked letters, or the highlighted one when none is ticked."""
        if self.ticked:
            return [m for n, m in self.made.items() if n in self.ticked]
        number = self.selected_id()
        return [self.made[number]] if number in self.made else []
