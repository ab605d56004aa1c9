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

from borrador.core.errors import BorradorError

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
            raise MailError(f"security must be one of {', '.join(SECURITY)}.")
        if self.security == "plain" and self.host not in LOCAL_HOSTS:
            raise MailError(f"a plain-text connection to {self.host} would expose the password "
                            "and the letters; only a server on this machine may use it.",
                            hint="Choose tls or starttls.")  # fmt: skip
        if not 0 < self.port < 65536:
            raise MailError(f"{self.port} is not a port number.")


def _context(account: MailAccount) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if account.ca_file:
        try:
            context.load_verify_locations(cafile=account.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise MailError(
                f"the certificate file {account.ca_file} cannot be used ({exc})."
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
            raise MailError(f"the server refused {', '.join(refused)}.")


def transport_error(exc: BaseException, host: str, port: int, *, nothing: str) -> MailError | None:
    """What went wrong reaching a mail server, whatever the protocol (SMTP or IMAP): the
    certificate, TLS, time, a refusal, an unknown host. None when it was something else."""
    where = f"{host}:{port}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            f"{where}: its certificate could not be verified ({exc.verify_message}).",
            hint=f"{nothing}; check the server name, or give its certificate authority.",
        )
    if isinstance(exc, ssl.SSLError):
        return MailError(
            f"{where}: the secure connection failed ({exc.reason}).",
            hint="Check the port and the security setting (tls or starttls).",
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError(f"{where} did not answer in time.", hint="Check the connection.")
    if isinstance(exc, ConnectionRefusedError):
        return MailError(f"{where} refused the connection.", hint="Check the host and port.")
    if isinstance(exc, socket.gaierror):
        return MailError(f"{host} cannot be found.", hint="Check the host name.")
    return None


def explain(exc: BaseException, account: MailAccount) -> BaseException:
    where = f"{account.host}:{account.port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError(
            f"{where} refused the user name or password.",
            hint="Check them with 'borrador mail setup'.",
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        who = ", ".join(exc.recipients)
        return MailError(
            f"{where} refused the recipient {who}.",
            hint="The address may be wrong or closed; report it on the request.",
        )
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return MailError(f"{where} refused the sender {exc.sender}.")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return MailError(f"{where} closed the connection.", hint="Try again later.")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailError(f"{where} does not offer {exc}.", hint="Check the security setting.")
    transport = transport_error(exc, account.host, account.port, nothing="Nothing was sent")
    if transport is not None:
        return transport
    if isinstance(exc, smtplib.SMTPException | OSError):
        return MailError(f"{where}: {type(exc).__name__}: {exc}.")
    return exc


def ca_path_exists(path: str) -> bool:
    return not path or Path(path).is_file()
