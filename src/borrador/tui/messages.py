"""What screens announce: the app relays each change to every open screen, so the dashboard
and the lists refresh themselves; no screen calls into the app or refreshes another."""

from __future__ import annotations

from textual.message import Message

from borrador.services import Session


class Change(Message, bubble=False):
    """Posted to the app, which relays it to every screen on the stack."""


class RequestChanged(Change):
    def __init__(self, request_id: int | None = None) -> None:
        super().__init__()
        self.request_id = request_id


class PersonChanged(Change):
    def __init__(self, person_id: int | None = None) -> None:
        super().__init__()
        self.person_id = person_id


class StoreUnlocked(Message, bubble=False):
    """The unlock screen (or a restore) opened a session: the app takes it from here."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class StoreLocked(Message, bubble=False):
    """Close the session and ask for the passphrase; `reason` is said to the user, if any."""

    def __init__(self, reason: str = "", severity: str = "warning") -> None:
        super().__init__()
        self.reason, self.severity = reason, severity


class IdentityChanged(Message, bubble=False):
    """Clinic mode was turned on or the volunteer changed: the header says who is at the
    keyboard, and the F6 binding appears."""
