"""Sending mail over SMTP: TLS always verified, plain text only to this machine.

Every failure becomes a `MailError` with a message a person can act on; nothing here logs,
and the password is only ever passed in, never stored.
"""

from __future__ import annotations

import dataclasses
import smtplib
import socket
import ssl
from email.message import EmailMessage
from pathlib import Path

from borrador.core.errors import N_, BorradorError, Phrase

SECURITY = ("tls", "starttls", "plain")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
TIMEOUT = 30.0


class MailError(BorradorError):
    """The message was not handed over: nothing was sent."""


@dataclasses.dataclass(frozen=True)
class MailAccount:
    host: str
    port: int
    security: str  # tls (implicit, usually 465) | starttls (usually 587) | plain (localhost only)
    user: str
    from_address: str
    ca_file: str = ""  # an extra certificate authority to trust (a self-hosted server)

    def check(self) -> None:
        if self.security not in SECURITY:
            raise MailError(N_("security must be one of {choices}."), choices=", ".join(SECURITY))
        if self.security == "plain" and self.host not in LOCAL_HOSTS:
            raise MailError(N_("a plain-text connection to {host} would expose the password "
                            "and the letters; only a server on this machine may use it."),
                            hint=N_("Choose tls or starttls."), host=self.host)  # fmt: skip
        if not 0 < self.port < 65536:
            raise MailError(N_("{port} is not a port number."), port=self.port)


def _context(account: MailAccount) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if account.ca_file:
        try:
            context.load_verify_locations(cafile=account.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise MailError(
                N_("the certificate file {ca_file} cannot be used ({error})."),
                ca_file=account.ca_file,
                error=exc,
            ) from None
    return context


class Connection:
    """One authenticated SMTP session, used as a context manager."""

    def __init__(self, account: MailAccount, password: str, timeout: float = TIMEOUT) -> None:
        account.check()
        self.account, self.password, self.timeout = account, password, timeout
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Connection:
        a = self.account
        try:
            if a.security == "tls":
                self.smtp = smtplib.SMTP_SSL(a.host, a.port, timeout=self.timeout,
                                             context=_context(a))  # fmt: skip
            else:
                self.smtp = smtplib.SMTP(a.host, a.port, timeout=self.timeout)
                if a.security == "starttls":
                    self.smtp.starttls(context=_context(a))
            if a.user:
                self.smtp.login(a.user, self.password)
        except BaseException as exc:
            self.close()
            raise explain(exc, a) from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None

    def send(self, message: EmailMessage) -> None:
        assert self.smtp is not None
        try:
            refused = self.smtp.send_message(message)
        except BaseException as exc:
            raise explain(exc, self.account) from None
        if refused:
            raise MailError(N_("the server refused {refused}."), refused=", ".join(refused))


def transport_error(
    exc: BaseException, host: str, port: int, *, nothing: Phrase
) -> MailError | None:
    """What went wrong reaching a mail server, whatever the protocol (SMTP or IMAP): the
    certificate, TLS, time, a refusal, an unknown host. None when it was something else."""
    where = f"{host}:{port}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            N_("{where}: its certificate could not be verified ({verify_message})."),
            hint=N_("{nothing}; check the server name, or give its certificate authority."),
            where=where,
            verify_message=exc.verify_message,
            nothing=nothing,
        )
    if isinstance(exc, ssl.SSLError):
        return MailError(
            N_("{where}: the secure connection failed ({reason})."),
            hint=N_("Check the port and the security setting (tls or starttls)."),
            where=where,
            reason=exc.reason,
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError(
            N_("{where} did not answer in time."), hint=N_("Check the connection."), where=where
        )
    if isinstance(exc, ConnectionRefusedError):
        return MailError(
            N_("{where} refused the connection."), hint=N_("Check the host and port."), where=where
        )
    if isinstance(exc, socket.gaierror):
        return MailError(N_("{host} cannot be found."), hint=N_("Check the host name."), host=host)
    return None


def explain(exc: BaseException, account: MailAccount) -> BaseException:
    where = f"{account.host}:{account.port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError(
            N_("{where} refused the user name or password."),
            hint=N_("Check them with 'borrador mail setup'."),
            where=where,
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        who = ", ".join(exc.recipients)
        return MailError(
            N_("{where} refused the recipient {who}."),
            hint=N_("The address may be wrong or closed; report it on the request."),
            where=where,
            who=who,
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return MailError(N_("{where} refused the sender {sender}."), where=where, sender=exc.sender)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return MailError(
            N_("{where} closed the connection."), hint=N_("Try again later."), where=where
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailError(
            N_("{where} does not offer {error}."),
            hint=N_("Check the security setting."),
            where=where,
            error=exc,
        )
    transport = transport_error(
        exc, account.host, account.port, nothing=Phrase(N_("Nothing was sent"))
    )
    if transport is not None:
        return transport
    if isinstance(exc, smtplib.SMTPException | OSError):
        return MailError(
            N_("{where}: {type_name}: {error}."),
            where=where,
            type_name=type(exc).__name__,
            error=exc,
        )
    return exc


def ca_path_exists(path: str) -> bool:
    return not path or Path(path).is_file()
