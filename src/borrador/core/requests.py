"""Requests to a broker or agency, their statuses, and the moves allowed between them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from borrador.core.errors import N_, Phrase, TransitionError, ValidationError, Words
from borrador.core.text import clean_text


class Kind(StrEnum):
    OPT_OUT = "opt-out"
    DELETE = "delete"
    ACCESS = "access"
    DISCLOSURE = "disclosure"  # FCRA consumer-file disclosure
    DISPUTE = "dispute"  # FCRA reinvestigation of an error
    RECORDS = "records"  # public-records / FOIA request to an agency
    FOLLOW_UP = "follow-up"
    COMPLAINT = "complaint"
    SECURITY_FREEZE = "security-freeze"  # an FCRA file frozen against new reports
    APPEAL = "appeal"  # to the recipient, after a denial or a missed deadline


class DropOutcome(StrEnum):
    """What a broker reports, per DROP request, in the California platform."""

    DELETED = "deleted"
    OPTED_OUT = "opted-out"  # no match found to delete: treated as an opt-out of sale
    EXEMPTED = "exempted"
    NOT_FOUND = "not-found"


class ListingResult(StrEnum):
    """What a person saw when checking a people-search site. "Not found" is never "removed":
    removed means a listing was there and is gone."""

    FOUND = "found"
    NOT_FOUND = "not-found"
    REMOVED = "removed"


class FreezeAction(StrEnum):
    """The life of a security freeze after it is placed."""

    PLACED = "placed"
    THAWED = "thawed"  # lifted for a while; the freeze comes back on its own
    LIFTED = "lifted"  # removed for good


# Longer names people may type for the same kinds.
KIND_ALIASES = {"fcra-disclosure": "disclosure", "public-records": "records", "optout": "opt-out"}


class Status(StrEnum):
    DRAFTED = "drafted"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    VERIFICATION_REQUESTED = "verification-requested"
    EXTENDED = "extended"
    COMPLETED = "completed"
    PARTIALLY_COMPLETED = "partially-completed"
    DENIED = "denied"
    FOLLOW_UP_SENT = "follow-up-sent"
    COMPLAINT_FILED = "complaint-filed"
    WITHDRAWN = "withdrawn"


class Channel(StrEnum):
    WEB = "web"
    EMAIL = "email"
    MAIL = "mail"
    PHONE = "phone"
    FAX = "fax"


S = Status
# What the recipient can do while a request is with them.
_ANSWERS = {S.COMPLETED, S.PARTIALLY_COMPLETED, S.DENIED}
_IN_PROGRESS = {S.ACKNOWLEDGED, S.VERIFICATION_REQUESTED, S.EXTENDED, *_ANSWERS}

TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.DRAFTED: frozenset({S.SENT, S.WITHDRAWN}),
    S.SENT: frozenset({*_IN_PROGRESS, S.FOLLOW_UP_SENT, S.WITHDRAWN}),
    S.ACKNOWLEDGED: frozenset({*_IN_PROGRESS - {S.ACKNOWLEDGED}, S.FOLLOW_UP_SENT, S.WITHDRAWN}),
    S.VERIFICATION_REQUESTED: frozenset(
        {*_IN_PROGRESS - {S.VERIFICATION_REQUESTED}, S.FOLLOW_UP_SENT, S.WITHDRAWN}
    ),
    S.EXTENDED: frozenset({S.VERIFICATION_REQUESTED, *_ANSWERS, S.FOLLOW_UP_SENT, S.WITHDRAWN}),
    S.PARTIALLY_COMPLETED: frozenset({S.FOLLOW_UP_SENT, S.COMPLAINT_FILED}),
    S.DENIED: frozenset({S.FOLLOW_UP_SENT, S.COMPLAINT_FILED}),
    S.FOLLOW_UP_SENT: frozenset({*_IN_PROGRESS, S.COMPLAINT_FILED, S.WITHDRAWN}),
    S.COMPLAINT_FILED: frozenset({*_ANSWERS, S.WITHDRAWN}),
    S.COMPLETED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
"""Allowed next statuses. Completed and withdrawn are final: a re-listing opens a new request."""

CLOSED: frozenset[Status] = frozenset({S.COMPLETED, S.PARTIALLY_COMPLETED, S.DENIED, S.WITHDRAWN})
"""Nothing more is expected from the recipient."""
DONE: frozenset[Status] = frozenset({S.COMPLETED, S.PARTIALLY_COMPLETED})
"""The recipient did what was asked (in whole or part): these are re-checked later."""
CLOCK_RUNNING: tuple[Status, ...] = (S.SENT, S.ACKNOWLEDGED, S.VERIFICATION_REQUESTED, S.EXTENDED,
                                     S.FOLLOW_UP_SENT, S.COMPLAINT_FILED)  # fmt: skip
"""With the recipient, waiting for an answer: a legal clock is running."""
LETTER_NOTE = "for_letter"
"""An Event.detail key: the user marked this note for letters. Unmarked notes are private."""
LETTER_STORED = "letter_stored"
"""An Event.detail key: the letter's text was stored that day (it was drafted by then)."""
LETTER_STORED_NOTE = N_("Letter text stored.")  # its note (older stores' events have no key)
NOTE_TEMPLATE = "note_template"
"""An Event.detail key: the English template of a note Borrador wrote, with its parameters
under "note:<name>" keys, so a front end can show the note in its language."""


def worded_note(template: str, **params: object) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A note Borrador writes in history: its English text, and the detail that lets a front
    end word it in its own language (mark `template` with N_)."""
    words = ((NOTE_TEMPLATE, template), *((f"note:{k}", str(v)) for k, v in params.items()))
    return template.format(**params), words

ESCALATION_KINDS: frozenset[Kind] = frozenset({Kind.FOLLOW_UP, Kind.COMPLAINT, Kind.APPEAL})
"""Letters about an earlier request (made with --request ID), not to a new recipient."""
LETTER_KINDS: tuple[Kind, ...] = tuple(k for k in Kind if k is not Kind.SECURITY_FREEZE)
"""Kinds Borrador writes a letter for; a freeze is placed through the bureau's own channel."""
REMOVAL_KINDS: frozenset[Kind] = frozenset({Kind.OPT_OUT, Kind.DELETE})
"""Requests that take a listing down: these are re-checked, and re-listings counted."""


def statuses(group: frozenset[Status] | tuple[Status, ...]) -> tuple[str, ...]:
    """A status set as the sorted strings SQL parameters and click choices need."""
    return tuple(sorted(str(s) for s in group))


def effective_due(respond_by: dt.date, extended_due_on: dt.date | None) -> dt.date:
    """The date an answer is due: an announced or legal extension replaces the original."""
    return extended_due_on or respond_by


def check_transition(current: Status, new: Status) -> None:
    if new not in TRANSITIONS[current]:
        moves = sorted(TRANSITIONS[current])
        allowed = Words(moves) if moves else Phrase(N_("none: it is final"))
        raise TransitionError(
            N_("a request that is '{current}' cannot become '{new}'."),
            hint=N_("From '{current}' it can become: {allowed}."),
            current=current,
            new=new,
            allowed=allowed,
        )


_SLUG_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")


def parse_slug(field: str, value: object) -> str:
    text = clean_text(field, value, max_len=64, required=True)
    if not _SLUG_RE.fullmatch(text):
        raise ValidationError(
            field, N_("{text!r} is not a catalog slug (lowercase, digits, '-')"), text=text
        )
    return text


E = TypeVar("E", bound=StrEnum)


def parse_enum(field: str, value: object, enum: type[E]) -> E:
    text = str(value).strip().lower()
    if enum is Kind:
        text = KIND_ALIASES.get(text, text)
    try:
        return enum(text)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValidationError(
            field, N_("{value!r} is not one of: {choices}"), value=value, choices=choices
        ) from None


PUBLIC_FIELDS = (
    "id", "person_id", "recipient", "kind", "status", "legal_basis", "channel",
    "created_on", "sent_on", "received_on", "acknowledged_on", "due_on", "extended_due_on",
    "closed_on", "recheck_on", "confirmation", "notes", "agent", "authorized_on",
    "after_free_report",
)  # fmt: skip
"""The documented keys of a request in `--json` output, in order."""


@dataclasses.dataclass(frozen=True)
class Request:
    person_id: int
    recipient: str
    kind: Kind
    status: Status = Status.DRAFTED
    legal_basis: str = ""
    channel: Channel | None = None
    created_on: dt.date | None = None
    sent_on: dt.date | None = None
    received_on: dt.date | None = None
    acknowledged_on: dt.date | None = None
    due_on: dt.date | None = None
    extended_due_on: dt.date | None = None
    closed_on: dt.date | None = None
    recheck_on: dt.date | None = None
    confirmation: str = ""
    letter_text: str = ""
    notes: str = ""
    version: int = 1
    parent_id: int | None = None  # the earlier request this one follows up or re-opens
    uid: str = ""  # stable across machines; calendar UIDs and hand-off use it
    message_id: str = ""  # set just before an email is handed to the server
    sent_message: str = ""  # the email as sent, kept as evidence
    agent: str = ""  # the volunteer who drafted it as authorised agent (clinic mode)
    authorized_on: dt.date | None = None  # when the person signed the agent's authorisation
    after_free_report: bool = False  # an FCRA dispute after a free annual report: 45 days
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED


@dataclasses.dataclass(frozen=True)
class Event:
    """One line of a request's history. Events are appended, never changed."""

    request_id: int
    on: dt.date
    to_status: Status
    from_status: Status | None = None
    note: str = ""
    actor: str = ""
    recorded_at: str = ""
    detail: tuple[tuple[str, str], ...] = ()  # e.g. (("reason", "exempt"), ("exemption", "…"))
    id: int | None = None

def drafted_on(events: Iterable[Event]) -> dt.date | None:
    """The day Borrador first stored the request's letter: it cannot have gone out before."""
    days = [e.on for e in events
            if dict(e.detail).get(LETTER_STORED) or e.note == LETTER_STORED_NOTE]  # fmt: skip
    return min(days, default=None)


# Which date field a status change sets on the request.
STATUS_DATE_FIELD: dict[Status, str] = {
    S.SENT: "sent_on",
    S.ACKNOWLEDGED: "acknowledged_on",
    **{status: "closed_on" for status in CLOSED},
}


def apply_transition(
    request: Request, new: Status, on: dt.date, note: str = "", *, not_before: dt.date | None = None
) -> Event:
    """The event recording `request` moving to `new` on `on`; raises if not allowed.

    `not_before` is the date of the last recorded change: history stays in date order. A
    request recorded today without a letter may still be marked sent last week (entered after
    the fact); one whose letter was drafted today is refused by the service (`drafted_on`).
    """
    check_transition(request.status, new)
    if not_before and on < not_before:
        raise ValidationError(
            "date",
            N_("{on} is before the last recorded change ({not_before})"),
            hint=N_("Give a date on or after it."),
            on=on,
            not_before=not_before,
        )
    if request.id is None:
        raise ValidationError("request", N_("must be saved before its status changes"))
    return Event(
        request_id=request.id,
        on=on,
        from_status=request.status,
        to_status=new,
        note=clean_text("note", note, max_len=2000, multiline=True),
    )


def with_status(request: Request, event: Event) -> Request:
    """The request after `event`: new status, its date set, closed date cleared on reopening."""
    changes: dict[str, object] = {"status": event.to_status, "version": request.version + 1}
    field = STATUS_DATE_FIELD.get(event.to_status)
    if field:
        changes[field] = event.on
    if event.to_status not in CLOSED:
        changes["closed_on"] = None
    return dataclasses.replace(request, **changes)  # type: ignore[arg-type]
