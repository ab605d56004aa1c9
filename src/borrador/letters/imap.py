"""Reading replies over IMAP, read-only: the folder is opened with EXAMINE and messages are
fetched with BODY.PEEK, so nothing is deleted, flagged or even marked read. TLS is always
verified (implicit or STARTTLS); plain text only to this machine, like the SMTP side.

Headers are fetched first and only the messages that can match are downloaded whole, in UID
order, one batch at a time, so a dropped connection loses nothing: the caller stores each
message and remembers its UID before the next one arrives."""

from __future__ import annotations

import contextlib
import dataclasses
import ssl
from collections.abc import Callable, Iterator
from typing import Any

from borrador.core.errors import N_, BorradorError, Phrase
from borrador.letters.replies.message import header_text, message_ids
from borrador.letters.smtp import LOCAL_HOSTS, MailError, transport_error

SECURITY = ("tls", "starttls", "plain")
TIMEOUT = 30.0
BATCH = 20


@dataclasses.dataclass(frozen=True)
class ImapAccount:
    host: str
    port: int
    security: str  # tls (usually 993) | starttls (usually 143) | plain (localhost only)
    user: str
    folder: str = "INBOX"
    ca_file: str = ""

    def check(self) -> None:
        if self.security not in SECURITY:
            raise MailError(N_("security must be one of {choices}."), choices=", ".join(SECURITY))
        if self.security == "plain" and self.host not in LOCAL_HOSTS:
            raise MailError(
                N_(
                    "a plain-text connection to {host} would expose the password "
                    "and the mail; only a server on this machine may use it."
                ),
                hint=N_("Choose tls or starttls."),
                host=self.host,
            )
        if not 0 < self.port < 65536:
            raise MailError(N_("{port} is not a port number."), port=self.port)
        if not self.user:
            raise MailError(N_("an IMAP account needs a user name."))


@dataclasses.dataclass(frozen=True)
class Position:
    """Where the last fetch stopped: UIDs are only comparable within one UIDVALIDITY."""

    uidvalidity: int = 0
    last_uid: int = 0


@dataclasses.dataclass(frozen=True)
class Fetched:
    uid: int
    uidvalidity: int
    data: bytes


HeaderFilter = Callable[[str, tuple[str, ...]], bool]  # (from address, thread ids) -> wanted


def _explain(exc: BaseException, account: ImapAccount) -> BaseException:
    from imapclient import exceptions as ix

    where = f"{account.host}:{account.port}"
    if isinstance(exc, ix.LoginError):
        return MailError(
            N_("{where} refused the user name or password."),
            hint=N_("Check them with 'borrador replies setup'."),
            where=where,
        )
    transport = transport_error(
        exc, account.host, account.port, nothing=Phrase(N_("Nothing was read"))
    )
    if transport is not None:
        return transport
    if isinstance(exc, ix.IMAPClientAbortError | EOFError | ConnectionError):
        return MailError(
            N_("{where} closed the connection."),
            hint=N_("What arrived is kept; run the fetch again for the rest."),
            where=where,
        )
    if isinstance(exc, ix.IMAPClientError | OSError):
        return MailError(
            N_("{where}: {type_name}: {error}."),
            where=where,
            type_name=type(exc).__name__,
            error=exc,
        )
    return exc


class Reader:
    """One signed-in, read-only IMAP session on one folder, as a context manager."""

    def __init__(self, account: ImapAccount, password: str, timeout: float = TIMEOUT) -> None:
        account.check()
        self.account, self.password, self.timeout = account, password, timeout
        self.client: Any = None
        self.uidvalidity = 0

    def __enter__(self) -> Reader:
        from imapclient import IMAPClient

        a = self.account
        try:
            context = _context_for(a)
            client = IMAPClient(
                a.host, a.port, ssl=a.security == "tls", ssl_context=context, timeout=self.timeout
            )
            self.client = client
            if a.security == "starttls":
                client.starttls(context)
            client.login(a.user, self.password)
            info = client.select_folder(a.folder, readonly=True)  # EXAMINE
            self.uidvalidity = int(info.get(b"UIDVALIDITY", 0))
        except BaseException as exc:
            self.close()
            raise _explain(exc, a) from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            try:
                client.logout()
            except Exception:  # already gone: close the socket, nothing more to tidy
                with contextlib.suppress(Exception):
                    client.shutdown()

    def fetch_new(self, since: Position, wanted: HeaderFilter) -> Iterator[Fetched]:
        """The messages after `since` whose headers can match, oldest first."""
        client = self.client
        assert client is not None
        try:
            same = since.uidvalidity == self.uidvalidity and since.last_uid
            criteria = ["UID", f"{since.last_uid + 1}:*"] if same else ["ALL"]
            uids = sorted(u for u in client.search(criteria) if u > (since.last_uid if same else 0))
            keep: list[int] = []
            for start in range(0, len(uids), 200):
                chunk = uids[start : start + 200]
                heads = client.fetch(
                    chunk,
                    ["BODY.PEEK[HEADER.FIELDS (FROM MESSAGE-ID IN-REPLY-TO REFERENCES)]"],
                )
                for uid in chunk:
                    raw = _first_body(heads.get(uid, {}))
                    if _wanted(raw, wanted):
                        keep.append(uid)
            last_seen = uids[-1] if uids else since.last_uid
            for start in range(0, len(keep), BATCH):
                chunk = keep[start : start + BATCH]
                bodies = client.fetch(chunk, ["BODY.PEEK[]"])
                for uid in chunk:
                    data = _first_body(bodies.get(uid, {}))
                    if data:
                        yield Fetched(uid, self.uidvalidity, data)
            if last_seen and (not keep or last_seen > keep[-1]):
                yield Fetched(last_seen, self.uidvalidity, b"")  # skipped ones: move past them
        except BorradorError:
            raise
        except BaseException as exc:
            raise _explain(exc, self.account) from None


def _context_for(account: ImapAccount) -> ssl.SSLContext | None:
    if account.security == "plain":
        return None
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


def _first_body(item: dict[bytes, object]) -> bytes:
    for key, value in item.items():
        if key.startswith(b"BODY[") and isinstance(value, bytes):
            return value
    return b""


def _wanted(raw: bytes, wanted: HeaderFilter) -> bool:
    import email.utils
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    headers = BytesHeaderParser(policy=compat32).parsebytes(raw)
    _, address = email.utils.parseaddr(header_text(headers.get("From")))
    ids = message_ids(headers.get("In-Reply-To")) + message_ids(headers.get("References"))
    return wanted(address.lower(), ids)
