"""One request: its deadlines with the rule that set them, its history, its letter, and every
action on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from borrador.core.errors import BorradorError
from borrador.core.requests import CLOCK_RUNNING
from borrador.core.text import parse_date
from borrador.i18n import N_, _
from borrador.services.event_notes import event_note
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.dates import show_date
from borrador.tui.messages import RequestChanged
from borrador.tui.safe import literal
from borrador.tui.screens.modals import Field, FormModal
from borrador.tui.wording import CHANNELS

REASONS = [
    ("not-found", N_("not found")),
    ("exempt", N_("exempt")),
    ("could-not-verify", N_("could not verify")),
    ("other", N_("other")),
]


class RequestScreen(BaseScreen):
    # The footer shows the usual next actions first; `?` and the palette list them all.
    BINDINGS = [
        Binding("s", "sent", N_("Mark sent"), id="mark-sent"),
        Binding("r", "received", N_("Received"), id="received"),
        Binding("d", "denied", N_("Denied"), id="denied"),
        Binding("t", "note", N_("Note"), id="note"),
        Binding("f", "escalate('follow-up')", N_("Follow-up letter"), id="follow-up"),
        Binding("c", "status('completed')", N_("Completed"), id="completed"),
        Binding("e", "email", N_("Send by email"), id="send-email"),
        Binding("g", "webform", N_("Web-form guide"), id="webform"),
        Binding("k", "status('acknowledged')", N_("Acknowledged"), id="acknowledged", show=False),
        Binding(
            "v",
            "status('verification-requested')",
            N_("Verification asked"),
            id="verify",
            show=False,
        ),
        Binding("x", "extended", N_("Extended"), id="extended", show=False),
        Binding("p", "status('partially-completed')", N_("Partly done"), id="partial", show=False),
        Binding("u", "escalate('appeal')", N_("Appeal letter"), id="appeal"),
        Binding("l", "escalate('complaint')", N_("Complaint letter"), id="complaint", show=False),
        Binding("m", "read_reply", N_("Read reply"), id="read-reply", show=False),
        Binding("w", "status('withdrawn')", N_("Withdraw"), id="withdraw", show=False),
        Binding("o", "mail_program", N_("Open in mail program"), id="mail-program", show=False),
        Binding("a", "recheck", N_("Re-check the listing"), id="recheck", show=False),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary", classes="title")
        yield Static(id="deadlines")
        yield DataTable(id="history", cursor_type="row")
        yield DataTable(id="replies", cursor_type="row")
        with VerticalScroll(id="detail"):
            yield Static(id="letter")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#history", DataTable)
        table.add_columns(_("Date"), _("From"), _("To"), _("Note"))
        table.styles.height = 8
        replies = self.query_one("#replies", DataTable)
        replies.add_columns(_("Reply date"), _("From"), _("Subject"))
        replies.styles.height = 5
        replies.display = False  # shown once a reply is stored for this request
        self.reading: int | None = None  # the reply whose text the lower pane shows

    def on_screen_resume(self) -> None:
        self.show()

    def changed(self) -> None:
        """Show the request again and tell the other screens it changed."""
        self.show()
        self.announce(RequestChanged(self.request_id))

    def show(self) -> None:
        request = self.session.requests.get(self.request_id)
        catalog = self.session.catalog.catalog()
        name = (
            catalog.entries[request.recipient].name
            if request.recipient in catalog.entries
            else request.recipient
        )
        person = self.session.people.get(request.person_id)
        self.query_one("#summary", Static).update(
            literal(
                f"#{request.id} · {_(str(request.kind))} · {name} · {person.name} · "
                f"{_(str(request.status))}"
            )
        )
        clocks = self.session.tracking.deadlines(request)
        if clocks is None:
            text = _("Not sent yet: deadlines start when the recipient receives it.")
        else:
            label = _("legal deadline") if clocks.legal else _("target date (no statute)")
            due = request.extended_due_on or clocks.respond_by
            parts = [
                _("Answer due {date} ({label}) — {rule}: {citation}").format(
                    date=show_date(due),
                    label=label,
                    rule=clocks.rule.name,
                    citation=clocks.rule.citation,
                )
            ]
            if clocks.acknowledge_by:
                parts.append(
                    _("Acknowledgement due {date}").format(date=show_date(clocks.acknowledge_by))
                )
            if clocks.receipt_estimated:
                parts.append(
                    _("Receipt estimated from the send date; record the real date with 'Received'.")
                )
            if request.recheck_on:
                parts.append(
                    _("Check the listing again on {date}").format(
                        date=show_date(request.recheck_on)
                    )
                )
            if request.status in CLOCK_RUNNING and due < self.session.clock.today():
                parts.insert(0, _("OVERDUE: the answer was due {date}.").format(
                    date=show_date(due)))  # fmt: skip
            text = "\n".join(parts)
        events = self.session.requests.events(self.request_id)
        denial = next((dict(e.detail) for e in reversed(events) if e.to_status == "denied"), None)
        if request.status == "denied" and denial is not None:
            reasons = dict(REASONS)
            reason = denial.get("reason", "")
            text += "\n" + _("Denied: {reason}. Exemption they named: {exemption}").format(
                reason=_(reasons[reason]) if reason in reasons else reason or "—",
                exemption=denial.get("exemption") or "—",
            )
        self.query_one("#deadlines", Static).update(literal(text))
        table = self.query_one("#history", DataTable)
        table.clear()
        for event in events:
            table.add_row(
                show_date(event.on),
                _(str(event.from_status)) if event.from_status else "",  # _("") is the header
                _(str(event.to_status)),
                literal(event_note(event, _)),
            )
        if self.appeal_offered():
            text += "\n" + _("You can appeal to the recipient first: press u.")
            self.query_one("#deadlines", Static).update(literal(text))
        self.show_replies()
        self.show_lower()
        self.refresh_bindings()

    def show_replies(self) -> None:
        table = self.query_one("#replies", DataTable)
        table.clear()
        replies = self.session.replies.for_request(self.request_id)
        table.display = bool(replies)
        for reply in replies:
            sender = (
                f"{reply.from_name} <{reply.from_address}>"
                if reply.from_name
                else reply.from_address
            )
            table.add_row(
                literal(reply.sent_at[:16].replace("T", " ")),
                literal(sender),
                literal(reply.subject),
                key=str(reply.id),
            )

    def show_lower(self) -> None:
        """The letter, or the text of the reply asked for with `m`."""
        if self.reading is not None:
            reply = self.session.replies.get(self.reading)
            head = _("Reply from {sender} on {date}: {subject}").format(
                sender=reply.from_address, date=reply.sent_at[:10], subject=reply.subject
            )
            self.query_one("#letter", Static).update(literal(head + "\n\n" + reply.body))
            return
        request = self.session.requests.get(self.request_id)
        self.query_one("#letter", Static).update(
            literal(request.letter_text or _("No letter stored yet."))
        )

    def appeal_offered(self) -> bool:
        """After a denial or a passed due date, where the request's law sets an appeal step."""
        request = self.session.requests.get(self.request_id)
        if request.kind == "appeal" or not request.legal_basis:
            return False
        rule = self.session.tracking.rule_for(request.legal_basis, str(request.kind))
        if rule.law != request.legal_basis or rule.appeal is None or rule.courtesy:
            return False
        if request.status in ("denied", "partially-completed"):
            return True
        clocks = self.session.tracking.deadlines(request)
        if clocks is None or request.status not in CLOCK_RUNNING:
            return False
        return (request.extended_due_on or clocks.respond_by) < self.session.clock.today()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return super().check_action(action, parameters)
        if action == "escalate" and parameters == ("appeal",):
            return self.appeal_offered()
        if action == "read_reply":
            return bool(self.query_one("#replies", DataTable).row_count)
        return super().check_action(action, parameters)

    def action_read_reply(self) -> None:
        table = self.query_one("#replies", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        chosen = int(key) if key else None
        self.reading = None if self.reading == chosen else chosen  # `m` again: the letter
        self.show_lower()

    # -- actions ----------------------------------------------------------------------------
    def run_change(self, status: str, **facts: Any) -> None:
        """Inside a dialog: a refusal propagates, so the dialog names it and stays open."""
        self.session.requests.change_status(self.request_id, status, **facts)
        self.say(_("Saved."))
        self.changed()

    def _date(self, text: str) -> dt.date | None:
        return parse_date("date", text) if text.strip() else None

    def ask(
        self,
        title: str,
        fields: list[Field],
        then: Callable[[dict[str, Any]], object],
        note: str = "",
    ) -> None:
        # The work is done inside the dialog: a refused date keeps it open, fields and all.
        self.app.push_screen(FormModal(title, fields, note, submit=then))

    def action_status(self, status: str) -> None:
        self.ask(
            _("Record: {status}").format(status=_(status)),
            [
                ("on", _("Date (YYYY-MM-DD; empty for today)"), "", None),
                ("note", _("Note"), "", None),
            ],
            lambda v: self.run_change(status, on=self._date(v["on"]), note=v["note"]),
        )

    def action_sent(self) -> None:
        from borrador.tui.screens.mark_sent import unsigned_warning

        request = self.session.requests.get(self.request_id)
        planned = request.channel  # the way it was made for
        self.ask(
            _("Mark sent"),
            [
                ("on", _("Date sent (empty for today)"), "", None),
                ("channel", _("How"), str(planned or "mail"), [(k, _(t)) for k, t in CHANNELS]),
                ("confirmation", _("Certified-mail or confirmation number"), "", None),
            ],
            lambda v: self.run_change(
                "sent", on=self._date(v["on"]), channel=v["channel"], confirmation=v["confirmation"]
            ),
            unsigned_warning(self, [self.request_id], {
                self.request_id: self.session.catalog.catalog().get(request.recipient).name}),
        )

    def action_received(self) -> None:
        def save(values: dict[str, Any]) -> None:
            self.session.requests.mark_received(
                self.request_id,
                self._date(values["on"]) or self.session.clock.today(),
                values["note"],
            )
            self.changed()

        self.ask(
            _("Received by the recipient on"),
            [("on", _("Date (YYYY-MM-DD)"), "", None), ("note", _("Proof (e.g. USPS)"), "", None)],
            save,
        )

    def action_extended(self) -> None:
        self.ask(
            _("Extended"),
            [
                ("until", _("New due date they gave (empty: what the law allows)"), "", None),
                ("note", _("Reason they gave"), "", None),
            ],
            lambda v: self.run_change("extended", until=self._date(v["until"]), note=v["note"]),
        )

    def action_denied(self) -> None:
        self.ask(
            _("Denied"),
            [
                ("reason", _("Why"), "exempt", [(k, _(t)) for k, t in REASONS]),
                ("exemption", _("Exemption they named"), "", None),
                ("note", _("Note"), "", None),
            ],
            lambda v: self.run_change(
                "denied", reason=v["reason"], exemption=v["exemption"], note=v["note"]
            ),
        )

    def action_note(self) -> None:
        def save(values: dict[str, Any]) -> None:
            self.session.requests.add_note(self.request_id, values["note"])
            self.changed()

        self.ask(_("Add a note"), [("note", _("Note"), "", None)], save)

    def action_escalate(self, kind: str) -> None:
        def make(values: dict[str, Any]) -> None:
            made = self.session.letters.escalate(
                self.request_id,
                kind,
                fmt=values["format"],
                out_dir=Path(values["out"]).expanduser(),
            )
            self.say(
                _("Made request {id}: {files}").format(
                    id=made.request.id, files=", ".join(p.name for p in made.files)
                )
            )
            self.changed()

        titles = {"follow-up": _("Follow-up letter"), "appeal": _("Appeal letter")}
        self.ask(
            titles.get(kind, _("Complaint letter")),
            [
                (
                    "format",
                    _("Format"),
                    "pdf",
                    [("pdf", "PDF"), ("txt", _("text")), ("eml", "email")],
                ),
                ("out", _("Folder for the files"), str(Path.home() / "borrador-letters"), None),
            ],
            make,
        )

    def action_webform(self) -> None:
        from borrador.tui.screens.webform import WebFormScreen

        self.host.open(lambda: WebFormScreen(self.request_id))

    def action_email(self) -> None:
        def send(values: dict[str, Any]) -> None:
            self.send_email(values.get("password", ""), values["attach"] == "yes")

        try:
            self.session.mail.account()
        except BorradorError as exc:
            self.say(advice(exc), "error", 10)
            return
        fields: list[Field] = [
            ("attach", _("Attach the letter as a PDF"), "yes", [("yes", _("yes")), ("no", _("no"))])
        ]
        if not self.session.mail.has_password():
            fields.insert(0, ("password", _("Mail password (kept in memory only)"), "", None))
        self.app.push_screen(
            FormModal(_("Send by email"), fields, password=("password",)),
            lambda v: send(v) if v is not None else None,
        )

    @work(thread=True, exclusive=True)
    def send_email(self, password: str, attach: bool) -> None:
        """In a worker: the connection and the send never freeze the screen."""
        try:
            secret = self.session.mail.password(lambda: password)  # kept for this session only
            [result] = self.session.mail.send(
                [self.request_id], password=secret, pause=0, attach_pdf=attach
            )
        except BorradorError as exc:
            self.from_worker(self.say, advice(exc), "error", 15)
            return
        severity = "information" if result.sent else "error"
        self.from_worker(self.say, result.message, severity)
        self.from_worker(self.changed)

    def action_mail_program(self) -> None:
        request = self.session.requests.get(self.request_id)
        link = self.session.mail.mailto_link(request, _("Privacy request"))
        if link is None:
            self.say(_("No email address for this recipient, or no letter yet."), "error")
            return
        if self.host.open_link(link):
            self.say(_("Opened in your mail program. Once sent, mark it sent (s)."))
            return
        self.app.copy_to_clipboard(request.letter_text or "")
        self.say(
            _(
                "No mail program opened here. The letter's text is copied: paste it into a new "
                "email to the recipient, send it, then mark it sent (s)."
            ),
            "warning",
            15,
        )

    def action_recheck(self) -> None:
        """After a completed removal: is the person listed again? Yes opens a new request."""

        def save(values: dict[str, Any]) -> None:
            listed = values["listed"] == "yes"
            result = self.session.requests.record_recheck(
                self.request_id, listed=listed, on=self._date(values["on"]), note=values["note"]
            )
            self.changed()
            if listed:
                self.say(_("Listed again: new request {id}, ready for its letter.").format(
                    id=result.id))  # fmt: skip
            else:
                self.say(_("Not listed. The next re-check is on {date}.").format(
                    date=show_date(result.recheck_on)))  # fmt: skip

        self.ask(
            _("Re-check the listing"),
            [
                (
                    "listed",
                    _("Is the person listed again?"),
                    "no",
                    [("no", _("no")), ("yes", _("yes"))],
                ),
                ("on", _("Date checked (empty for today)"), "", None),
                ("note", _("Note"), "", None),
            ],
            save,
        )
