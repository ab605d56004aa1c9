"""Sending letters by email from the person's (or the clinic's) own mailbox.

The Message-ID is stored before a message is handed to the server and the request is marked
sent only after the server accepted it, so a re-run never sends a message twice: a request
whose last attempt may have gone through is skipped until the user checks and says --resend.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from borrador.core.errors import N_, BorradorError, ValidationError
from borrador.core.requests import Event, Request, Status, worded_note
from borrador.letters.context import pick_channel

# smtplib, ssl and the email package load when mail is used, not for every command.
if TYPE_CHECKING:
    from email.message import EmailMessage

    from borrador.keys import KeyFile
    from borrador.letters.smtp import Connection, MailAccount
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.requests import RequestService
    from borrador.storage.requests_repo import RequestsRepo
    from borrador.storage.settings_repo import SettingsRepo

from borrador.keys.keyring_policy import SMTP_SERVICE as KEYRING_SERVICE
from borrador.keys.keyring_policy import smtp_keyring_user


def account_type() -> type[MailAccount]:
    """The account settings class (smtplib loads only when it is used)."""
    from borrador.letters.smtp import MailAccount

    return MailAccount


ACCOUNT_KEY = "mail_account"


@dataclasses.dataclass(frozen=True)
class SendResult:
    request_id: int
    sent: bool
    message: str
    done_before: bool = False  # nothing to do: it was already sent or closed


NO_AUTHORISATION = (
    "not sent: it is an agent letter and the person's signed authorisation is not recorded "
    "(borrador clinic authorised --person ID --date DATE); to send anyway, say so explicitly"
)


class MailService:
    """The mail account, its password, and sending stored letters."""

    def __init__(
        self,
        settings: SettingsRepo,
        key_file: KeyFile,
        requests: RequestsRepo,
        statuses: RequestService,
        catalog: CatalogService,
        clock: Clock,
    ) -> None:
        self.catalog = catalog
        self.settings = settings
        self.key_file = key_file
        self.requests = requests
        self.statuses = statuses
        self.clock = clock
        self._password: str | None = None  # this session only, never written anywhere

    # -- the account ----------------------------------------------------------------------
    def account(self) -> MailAccount:
        from borrador.letters.smtp import MailAccount

        data = self.settings.get(ACCOUNT_KEY)
        if not data:
            raise BorradorError(
                N_("no mail account is set up."), hint=N_("Run 'borrador mail setup'.")
            )
        return MailAccount(**data)

    def save_account(self, account: MailAccount, password: str, *, remember: bool) -> None:
        from borrador.services.people import normalise_email

        account.check()
        try:
            address = normalise_email(account.from_address)
        except ValueError as exc:
            raise ValidationError("from", N_("{from_address!r} is not an email address: "
                                  "{error}"), from_address=account.from_address,
                                  error=exc) from None  # fmt: skip
        account = dataclasses.replace(account, from_address=address)
        self.settings.put(ACCOUNT_KEY, dataclasses.asdict(account))
        self._password = password
        if remember:
            self._keyring_store(account, password)

    def _keyring_user(self, account: MailAccount) -> str:
        """One entry per store, named from the key file's id alone, so panic erase can find
        and delete it without unlocking anything."""
        return smtp_keyring_user(self.key_file.file_id)

    def _keyring_store(self, account: MailAccount, password: str) -> None:
        from borrador.keys.keyring_policy import keyring_refusal, keyring_set

        refusal = keyring_refusal()
        if refusal:
            raise BorradorError(
                N_("{refusal}, so the password cannot be kept."),
                hint=N_("It will be asked for in each session instead."),
                refusal=refusal,
            )
        keyring_set(KEYRING_SERVICE, self._keyring_user(account), password)

    def has_password(self) -> bool:
        """Whether sending needs no question: in memory already, or in the keyring."""
        try:
            return bool(self._password or self.password())
        except BorradorError:
            return False

    def password(self, ask: Callable[[], str] | None = None) -> str:
        """From this session's memory, the OS keyring, or by asking (never from a file)."""
        if self._password:
            return self._password
        from borrador.keys.keyring_policy import keyring_get

        account = self.account()
        stored = keyring_get(KEYRING_SERVICE, self._keyring_user(account))
        if stored:
            return str(stored)
        password = ask() if ask else ""
        if not password and account.user:
            raise BorradorError(
                N_("the mail password is needed."), hint=N_("Run in a terminal to be asked for it.")
            )
        self._password = password
        return password

    def test(self, password: str) -> str:
        from borrador.letters.smtp import Connection

        account = self.account()
        with Connection(account, password):
            pass
        return f"Connected to {account.host}:{account.port} and signed in; nothing was sent."

    def mailto_link(self, request: Request, default_subject: str) -> str | None:
        """A mailto: link holding the stored letter, for the person's own mail program
        (None when the recipient has no email address or there is no letter yet)."""
        from borrador.letters.email_out import mailto

        entry = self.catalog.catalog().get(request.recipient)
        channel = pick_channel(entry, str(request.kind), "eml")
        if channel is None or not channel.email or not request.letter_text:
            return None
        lines = request.letter_text.splitlines()
        subject = next((x[4:] for x in lines if x.startswith("Re: ")), default_subject)
        return mailto(channel.email, subject, request.letter_text)

    # -- sending ----------------------------------------------------------------------------
    def _message(self, request: Request, account: MailAccount, attach_pdf: bool) -> EmailMessage:
        import email.policy
        import email.utils
        from email.message import EmailMessage

        entry = self.catalog.catalog().get(request.recipient)
        channel = pick_channel(entry, str(request.kind), "eml")
        if channel is None or not channel.email:
            raise BorradorError(
                N_("{name} has no email address in the catalog."),
                hint=N_("Send it by mail instead."),
                name=entry.name,
            )
        if not request.letter_text:
            raise BorradorError(
                N_("request {id} has no letter yet."),
                hint=N_("Make it first: borrador letters make … --format eml"),
                id=request.id,
            )
        subject = next((line[4:] for line in request.letter_text.splitlines()
                        if line.startswith("Re: ")), f"Privacy request {request.id}")  # fmt: skip
        message = EmailMessage(policy=email.policy.SMTP)
        message["From"] = account.from_address
        message["To"] = channel.email
        message["Subject"] = subject
        message["Date"] = email.utils.formatdate(localtime=True)
        domain = account.from_address.rsplit("@", 1)[-1]
        message["Message-ID"] = request.message_id or email.utils.make_msgid(domain=domain)
        message.set_content(request.letter_text)
        if attach_pdf:
            from borrador.letters.pdf import render_text_pdf

            message.add_attachment(render_text_pdf(request.letter_text), maintype="application",
                                   subtype="pdf", filename=f"request-{request.id}.pdf")  # fmt: skip
        return message

    def _last_email_attempt(self, request_id: int) -> str:
        for event in reversed(self.requests.events(request_id)):
            state = dict(event.detail).get("email")
            if state:
                return state
        return ""

    def send(
        self,
        request_ids: list[int],
        *,
        password: str,
        pause: float = 2.0,
        attach_pdf: bool = False,
        resend: bool = False,
        without_authorisation: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[SendResult]:
        """Send each request's stored letter; report per request what went and what did not."""
        account = self.account()
        results: list[SendResult] = []
        todo: list[tuple[Request, EmailMessage]] = []
        for request_id in request_ids:  # check everything before connecting
            request = self.requests.get(request_id)
            if request.status is not Status.DRAFTED:
                results.append(
                    SendResult(
                        request_id, False, f"skipped: it is {request.status}", done_before=True
                    )
                )
                continue
            if request.agent and request.authorized_on is None and not without_authorisation:
                results.append(SendResult(request_id, False, NO_AUTHORISATION))
                continue
            if (
                request.message_id
                and self._last_email_attempt(request_id) == "sending"
                and not resend
            ):
                results.append(
                    SendResult(
                        request_id,
                        False,
                        "skipped: an earlier attempt may have "
                        "gone through; check the Sent folder, then use --resend",
                    )
                )
                continue
            todo.append((request, self._message(request, account, attach_pdf)))
        if todo:
            results += self._send_all(todo, account, password, pause, progress)
        order = {request_id: n for n, request_id in enumerate(request_ids)}
        return sorted(results, key=lambda r: order[r.request_id])

    def _send_all(
        self,
        todo: list[tuple[Request, EmailMessage]],
        account: MailAccount,
        password: str,
        pause: float,
        progress: Callable[[int, int], None] | None,
    ) -> list[SendResult]:
        from borrador.letters.smtp import Connection

        results: list[SendResult] = []
        with Connection(account, password) as connection:
            for n, (request, message) in enumerate(todo, 1):
                if n > 1 and pause:
                    time.sleep(pause)
                result = self._send_one(connection, request, message)
                results.append(result)
                if progress:
                    progress(n, len(todo))
                if not result.sent and "closed the connection" in result.message:
                    results += [SendResult(r.id or 0, False, "not sent: the connection was lost")
                                for r, _ in todo[n:]]  # fmt: skip
                    break
        return results

    def _send_one(
        self, connection: Connection, request: Request, message: EmailMessage
    ) -> SendResult:
        from borrador.letters.smtp import MailError

        message_id = str(message["Message-ID"])
        request = self._mail_note(request, "sending", message_id, N_("Sending by email."),
                                  message_id=message_id)  # fmt: skip
        try:
            connection.send(message)
        except MailError as exc:
            self._mail_note(request, "failed", message_id,
                            *worded_note(N_("Email not sent: {problem}"), problem=exc))
            return SendResult(request.id or 0, False, f"not sent: {exc}")
        stored = dataclasses.replace(request, sent_message=message.as_string(),
                                     version=request.version + 1)  # fmt: skip
        event = Event(request_id=request.id or 0, on=self.clock.today(),
                      from_status=request.status, to_status=request.status,
                      note=N_("The server accepted the email."),
                      detail=(("email", "accepted"), ("message_id", message_id)))  # fmt: skip
        saved = self.requests.save_change(request, stored, event, self.clock.now())
        self.statuses.change_status(saved.id or 0, "sent", channel="email", confirmation=message_id)
        return SendResult(saved.id or 0, True, f"sent to {message['To']}")

    def _mail_note(
        self,
        request: Request,
        state: str,
        msg_id: str,
        note: str,
        words: tuple[tuple[str, str], ...] = (),
        **changes: str,
    ) -> Request:
        event = Event(request_id=request.id or 0, on=self.clock.today(),
                      from_status=request.status, to_status=request.status, note=note,
                      detail=(("email", state), ("message_id", msg_id), *words))  # fmt: skip
        after = dataclasses.replace(request, version=request.version + 1, **changes)  # type: ignore[arg-type]
        return self.requests.save_change(request, after, event, self.clock.now())
