"""Replies: pick .eml files or .mbox mailboxes, import them, read what matched, and accept a
suggested next step (after a confirmation) or dismiss a message. Everything a message says is
shown literally: nothing is rendered, loaded, followed or opened."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, DirectoryTree, Footer, Header, Static
from textual.worker import Worker

from borrador.core.errors import BorradorError
from borrador.i18n import N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseModal, BaseScreen
from borrador.tui.safe import literal

MAIL_FILES = (".eml", ".mbox", ".mbx")


class MailFiles(DirectoryTree):
    """Folders, and only the files a mail program exports."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if p.is_dir() or p.suffix.lower() in MAIL_FILES]


class ConfirmStatus(BaseModal):
    """Dismisses True only when the user presses Apply."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-confirm")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(literal(self.question), classes="title")
            with Horizontal(classes="buttons"):
                yield Button(_("Apply"), variant="primary", id="apply")
                yield Button(_("Cancel"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "apply")

    def action_cancel(self) -> None:
        self.dismiss(False)


class RepliesScreen(BaseScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        start = start or Path.home()
        self.start = start if start.is_dir() else Path.cwd()
        self.chosen: list[Path] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="form"):
            yield Static(_("Replies by email"), classes="title")
            yield Static(_("Pick .eml files or .mbox mailboxes exported from your mail program."))
            yield MailFiles(self.start, id="files")
            yield Static("", id="chosen")
            with Horizontal(classes="buttons"):
                yield Button(_("Import"), variant="primary", id="import")
                yield Button(_("Clear"), id="clear")
            yield Static("", id="summary")
            yield DataTable(id="replies", cursor_type="row", zebra_stripes=True)
            yield Static("", id="detail")
            with Horizontal(classes="buttons"):
                yield Button(_("Accept suggestion…"), id="accept")
                yield Button(_("Dismiss"), id="dismiss")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#files", MailFiles).styles.height = 10
        table = self.query_one("#replies", DataTable)
        table.add_columns(_("Reply"), _("Request"), _("Sure"), _("Suggests"), _("From"),
                          _("Subject"))  # fmt: skip
        table.styles.height = 10
        self.refresh_replies()

    # -- picking files ------------------------------------------------------------------
    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        if event.path not in self.chosen:
            self.chosen.append(event.path)
        self.show_chosen()

    def show_chosen(self) -> None:
        names = ", ".join(p.name for p in self.chosen) or _("none yet")
        self.query_one("#chosen", Static).update(literal(_("Chosen: ") + names))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"import": self.action_import_files, "clear": self.clear,
                   "accept": self.accept, "dismiss": self.dismiss_reply}  # fmt: skip
        action = actions.get(event.button.id or "")
        if action:
            action()

    def clear(self) -> None:
        self.chosen = []
        self.show_chosen()

    def action_import_files(self) -> Worker[None] | None:
        if not self.chosen:
            self.say(_("Pick a file first."), "warning")
            return None
        self.query_one("#import", Button).disabled = True
        return self.import_files(list(self.chosen))

    @work(thread=True, exclusive=True)
    def import_files(self, files: list[Path]) -> None:
        """In a worker: a big mailbox does not freeze the screen."""
        try:
            result = self.session.replies.import_files(files)
        except BorradorError as exc:
            self.app.call_from_thread(self.after_import, None, advice(exc))
            return
        self.app.call_from_thread(self.after_import, result, "")

    def after_import(self, result: Any, problem: str) -> None:
        self.query_one("#import", Button).disabled = False
        if problem:
            self.say(problem, "error")
            return
        summary = _(
            "{m} matched, {u} unmatched, {s} skipped, {a} already stored. No request's "
            "status was changed."
        )
        counts = {"m": len(result.matched), "u": len(result.unmatched),
                  "s": len(result.skipped), "a": result.already}  # fmt: skip
        lines = [summary.format(**counts)]
        lines += [f"{s.file} {s.position}: {s.reason}".strip() for s in result.skipped[:20]]
        self.query_one("#summary", Static).update(literal("\n".join(lines)))
        self.clear()
        self.refresh_replies()

    # -- reading and deciding -----------------------------------------------------------
    def rows(self) -> list[Any]:
        return [*self.session.replies.pending(), *self.session.replies.unmatched()]

    def refresh_replies(self) -> None:
        table = self.query_one("#replies", DataTable)
        table.clear()
        for row in self.rows():
            table.add_row(
                literal(row.id),
                literal(row.request_id or _("unmatched")),
                literal(f"{row.confidence:.0%}" if row.request_id else ""),
                literal(row.suggested or "—"),
                literal(row.from_address),
                literal(row.subject[:80]),
                key=str(row.id),
            )
        self.show_detail()

    def selected(self) -> Any | None:
        table = self.query_one("#replies", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.session.replies.get(int(key or 0))

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        row = self.selected()
        text = "" if row is None else (
            f"{row.from_name} <{row.from_address}> — {row.sent_at}\n{row.subject}\n"
            f"{row.reason}\n\n{row.body[:4000]}")  # fmt: skip
        self.query_one("#detail", Static).update(literal(text))

    def accept(self) -> None:
        row = self.selected()
        if row is None or row.request_id is None or not row.suggested:
            self.say(_("Choose a matched reply with a suggestion (or use the command line "
                       "to give another status)."), "warning")  # fmt: skip
            return
        question = _("Mark request {request} {status}, from the reply of {date}?").format(
            request=row.request_id, status=row.suggested, date=row.sent_at[:10] or "?"
        )

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                accepted = self.session.replies.accept(row.id)
            except BorradorError as exc:
                self.say(advice(exc), "error")
                return
            self.say(_("Request {id} is now {status}.").format(
                id=accepted.request.id, status=accepted.request.status))  # fmt: skip
            if accepted.appeal:
                self.say(accepted.appeal, timeout=12)
            self.refresh_replies()

        self.app.push_screen(ConfirmStatus(question), done)

    def dismiss_reply(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.session.replies.dismiss(row.id)
        self.say(_("Dismissed reply {id}; its text was erased.").format(id=row.id))
        self.refresh_replies()
