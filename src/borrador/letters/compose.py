"""A finished letter: sender block, date, recipient block, subject, body, signature."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Letter:
    request_id: int
    recipient_name: str
    sender_lines: tuple[str, ...]
    date_line: str
    recipient_lines: tuple[str, ...]
    subject: str
    body: str
    signer: str
    signer_note: str  # e.g. "Authorized agent for Ana Ejemplo"
    to_email: str = ""
    sender_email: str = ""
    by_mail: bool = True
    explainer: str = ""
    explainer_language: str = "en"

    @property
    def text(self) -> str:
        """The exact text sent, stored with the request as evidence."""
        signed = self.signer + (f"\n{self.signer_note}" if self.signer_note else "")
        if not self.by_mail and self.to_email:  # an email: no postal blocks, no hand signature
            parts = [f"Re: {self.subject}", self.body]
            if self.signer:
                parts += ["Sincerely,", signed]
            return "\n\n".join(p for p in parts if p.strip()) + "\n"
        parts = ["\n".join(self.sender_lines), self.date_line,
                 "\n".join(self.recipient_lines), f"Re: {self.subject}", self.body]
        if self.signer:  # a form with its own signature block (the authorisation) has none
            parts += ["Sincerely,", f"\n\n______________________________\n{signed}"]
        if self.by_mail:
            parts.append("Sent by certified mail, article number: ______________________")
        return "\n\n".join(p for p in parts if p.strip()) + "\n"
