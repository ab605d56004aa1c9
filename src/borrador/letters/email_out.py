"""Email outputs: an .eml file (optionally with the PDF attached) and a mailto: link."""

from __future__ import annotations

import email.policy
import email.utils
from email.message import EmailMessage
from urllib.parse import quote

from borrador.letters.compose import Letter


def build_eml(
    letter: Letter, *, pdf: bytes | None = None, message_id_domain: str = "borrador.invalid"
) -> bytes:
    message = EmailMessage(policy=email.policy.SMTP)
    message["To"] = letter.to_email
    if letter.sender_email:
        sender_name = letter.sender_lines[0] if letter.sender_lines else ""
        message["From"] = email.utils.formataddr((sender_name, letter.sender_email))
    message["Subject"] = letter.subject
    message["Date"] = email.utils.formatdate(localtime=True)
    message["Message-ID"] = email.utils.make_msgid(domain=message_id_domain)
    message.set_content(letter.text)
    if pdf is not None:
        message.add_attachment(pdf, maintype="application", subtype="pdf",
                               filename=f"request-{letter.request_id}.pdf")  # fmt: skip
    return message.as_bytes()


def mailto(to: str, subject: str, body: str) -> str:
    """A mailto: link that opens the user's own mail program with the letter filled in."""
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject)}&body={quote(body)}"
