"""One untrusted email message read into plain facts: who, when, what about, the text, and
what is attached. Limits keep a hostile message from exhausting memory or the screen: the
text and each attachment are capped, multipart nesting and part counts are bounded, every
header is shown literally with control and escape characters removed."""

from __future__ import annotations

import dataclasses
import email.utils
import re
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

from borrador.core.display import sanitize
from borrador.letters.replies.html_text import html_to_text

MAX_MESSAGE_BYTES = 25 * 1024 * 1024  # bigger than any real answer; refused, not truncated
MAX_TEXT_CHARS = 100_000
MAX_HEADER_CHARS = 998  # RFC 5322's line limit: anything longer is cut
MAX_PARTS = 200
MAX_DEPTH = 12
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024  # kept as evidence up to this size, never opened
MAX_REFERENCES = 100

_MSGID = re.compile(r"<([^<>\s]{1,250})>")
_PARSER = BytesParser(policy=compat32)


class MalformedMessage(ValueError):
    """Not an email message Borrador can read; the reason says why."""


@dataclasses.dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int
    data: bytes | None  # None when over the cap: only the name and size are kept


@dataclasses.dataclass(frozen=True)
class ParsedMessage:
    message_id: str
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    from_name: str
    from_address: str
    to_addresses: tuple[str, ...]
    date: str  # ISO 8601 date-time as the sender stated it, or "" when absent or unreadable
    subject: str
    text: str
    attachments: tuple[Attachment, ...]
    size: int
    forwarded_from: str = ""  # the original sender of a forwarded message, when stated
    truncated: bool = False

    def header_facts(self) -> dict[str, object]:
        return {
            "message_id": self.message_id,
            "in_reply_to": list(self.in_reply_to),
            "references": list(self.references),
            "to": list(self.to_addresses),
            "forwarded_from": self.forwarded_from,
            "size": self.size,
            "truncated": self.truncated,
        }


def header_text(value: object) -> str:
    """A header decoded (RFC 2047, any charset, bad bytes replaced) and made safe to show."""
    if value is None:
        return ""
    raw = str(value)
    try:
        text = str(make_header(decode_header(raw))) if "=?" in raw else raw
    except (LookupError, ValueError, UnicodeError, AssertionError):
        text = raw
    text = sanitize(" ".join(text.split()))
    return text[:MAX_HEADER_CHARS]


def message_ids(value: object) -> tuple[str, ...]:
    found = _MSGID.findall(str(value or ""))
    return tuple(sanitize(x).lower() for x in found[:MAX_REFERENCES])


def _address(value: object) -> tuple[str, str]:
    name, address = email.utils.parseaddr(header_text(value))
    return name.strip(), address.strip().lower()


def _date(value: object) -> str:
    if not value:
        return ""
    try:
        when = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""
    return when.isoformat() if when else ""


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: keep what is readable
        return payload.decode("latin-1", errors="replace")


def _walk(message: Message) -> tuple[list[Message], list[Message]]:
    """(text parts, attachment parts), breadth-bounded and depth-bounded."""
    texts: list[Message] = []
    attachments: list[Message] = []
    stack: list[tuple[Message, int]] = [(message, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop(0)
        seen += 1
        if seen > MAX_PARTS:
            raise MalformedMessage(f"more than {MAX_PARTS} parts")
        if part.get_content_type() == "message/rfc822":  # read once, as a forward
            attachments.append(part)
            continue
        if part.is_multipart():
            if depth >= MAX_DEPTH:
                raise MalformedMessage(f"multiparts nested deeper than {MAX_DEPTH}")
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in children if isinstance(c, Message))
            continue
        disposition = str(part.get("Content-Disposition", "")).lower()
        if part.get_content_maintype() == "text" and "attachment" not in disposition:
            texts.append(part)
        else:
            attachments.append(part)
    return texts, attachments


def _body(texts: list[Message]) -> str:
    plain = [p for p in texts if p.get_content_subtype() == "plain"]
    if plain:
        return "\n\n".join(_decoded(p) for p in plain)
    html = [p for p in texts if p.get_content_subtype() == "html"]
    if html:
        return "\n\n".join(html_to_text(_decoded(p)) for p in html)
    return "\n\n".join(_decoded(p) for p in texts)


def _attachment(part: Message) -> Attachment:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    name = header_text(part.get_filename() or "") or "(no name)"
    return Attachment(
        filename=name[:200],
        content_type=sanitize(part.get_content_type())[:100],
        size=len(data),
        data=data if len(data) <= MAX_ATTACHMENT_BYTES else None,
    )


_FORWARD_FROM = re.compile(r"^\s*>?\s*(?:From|De|Von)\s*:\s*(.+)$", re.MULTILINE | re.IGNORECASE)
_FORWARD_MARK = re.compile(
    r"(-{2,}\s*(?:Forwarded message|Original Message|Mensaje reenviado|Mensaje original)"
    r"\s*-{2,}|^Begin forwarded message:|^Inicio del mensaje reenviado:)",
    re.IGNORECASE | re.MULTILINE,
)


def _forwarded_from(text: str) -> str:
    """The sender named inside a forwarded message's text, if it is one."""
    if not any(w in text for w in ("orward", "riginal", "reenviado", "RWARD", "RIGINAL")):
        return ""  # the cheap test first: most mail is not a forward
    mark = _FORWARD_MARK.search(text)
    if not mark:
        return ""
    found = _FORWARD_FROM.search(text, mark.end())
    if not found:
        return ""
    _, address = email.utils.parseaddr(found.group(1).strip())
    return address.lower() if "@" in address else ""


def parse_message(raw: bytes) -> ParsedMessage:
    """Read one message; raises MalformedMessage with a reason a person can understand."""
    if len(raw) > MAX_MESSAGE_BYTES:
        raise MalformedMessage(f"larger than {MAX_MESSAGE_BYTES // (1024 * 1024)} MB")
    head = raw[:4096]
    if b":" not in head or not re.match(rb"\s*[\x21-\x39\x3b-\x7e]+:", head):
        raise MalformedMessage("it does not start with mail headers")
    try:
        message = _PARSER.parsebytes(raw)
    except (ValueError, TypeError, IndexError, LookupError, RecursionError) as exc:
        raise MalformedMessage(f"it cannot be parsed ({type(exc).__name__})") from None
    if not any(message.get(h) for h in ("From", "Subject", "Message-ID", "Date")):
        raise MalformedMessage("it has no From, Subject, Message-ID or Date header")
    texts, parts = _walk(message)
    inner: list[Message] = []
    for part in parts:
        if part.get_content_type() == "message/rfc822":  # a forward as an attachment
            payload = part.get_payload()
            if isinstance(payload, list) and payload and isinstance(payload[0], Message):
                inner.append(payload[0])
    text = sanitize(_body(texts).replace("\r\n", "\n"))
    forwarded = ""
    for original in inner:
        forwarded = forwarded or _address(original.get("From"))[1]
        sub_texts, _ = _walk(original)
        heads = "\n".join(
            f"{h}: {header_text(original.get(h))}"
            for h in ("From", "Date", "Subject")
            if original.get(h)
        )
        text += f"\n\n---------- Attached message ----------\n{heads}\n\n"
        text += sanitize(_body(sub_texts))
    forwarded = forwarded or _forwarded_from(text)
    truncated = len(text) > MAX_TEXT_CHARS
    name, address = _address(message.get("From"))
    to = tuple(
        a.lower()
        for _, a in email.utils.getaddresses(
            [header_text(message.get(h, "")) for h in ("To", "Cc")]
        )
        if a
    )[:50]
    ids = message_ids(message.get("Message-ID"))
    return ParsedMessage(
        message_id=ids[0] if ids else "",
        in_reply_to=message_ids(message.get("In-Reply-To")),
        references=message_ids(message.get("References")),
        from_name=name,
        from_address=address,
        to_addresses=to,
        date=_date(message.get("Date")),
        subject=header_text(message.get("Subject")),
        text=text[:MAX_TEXT_CHARS].strip(),
        attachments=tuple(
            _attachment(p) for p in parts if p.get_content_type() != "message/rfc822"
        ),
        size=len(raw),
        forwarded_from=forwarded,
        truncated=truncated,
    )
