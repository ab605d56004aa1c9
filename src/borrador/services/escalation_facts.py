"""What a follow-up, appeal or complaint may say: only facts the request's history records.

Before the due date a follow-up is a reminder; after a recorded answer nothing says "no
answer"; "I followed up" needs a follow-up that was sent; a due date counted from an estimated
receipt says so; the history is in date order, without bookkeeping or private notes (a note
reaches a letter only when it was marked for it: `Event.detail` key `for_letter`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from borrador.core.deadlines import Deadlines
from borrador.core.errors import N_, ValidationError
from borrador.core.requests import LETTER_NOTE, Event, Kind, Request, Status
from borrador.laws.table import law_table

FOR_LETTER = LETTER_NOTE  # Event.detail key: the user marked this note for letters
ANSWERS = (Status.COMPLETED, Status.PARTIALLY_COMPLETED, Status.DENIED)
# Status changes as the history of a letter tells them.
STATUS_WORDS = {
    Status.SENT: "request sent", Status.ACKNOWLEDGED: "receipt acknowledged",
    Status.VERIFICATION_REQUESTED: "you asked to verify identity",
    Status.EXTENDED: "you extended the time to answer", Status.COMPLETED: "you completed it",
    Status.PARTIALLY_COMPLETED: "you answered in part", Status.DENIED: "you denied it",
    Status.FOLLOW_UP_SENT: "follow-up sent", Status.COMPLAINT_FILED: "complaint filed",
    Status.WITHDRAWN: "withdrawn",
}  # fmt: skip
# Facts recorded with a status change that a recipient may be told.
SHOWN_DETAIL = {"channel": "by", "confirmation": "reference", "until": "until",
                "case_number": "your reference"}  # fmt: skip


def history_lines(events: Iterable[Event], date: Callable[[dt.date], str]) -> list[dict[str, str]]:
    """The letter's history: status changes and notes marked for the letter, oldest first."""
    lines = []
    for event in sorted(events, key=lambda e: (e.on, e.id or 0)):
        detail = dict(event.detail)
        changed = event.from_status is not None and event.from_status != event.to_status
        if changed:
            facts = [f"{SHOWN_DETAIL[k]} {v}" for k, v in detail.items() if k in SHOWN_DETAIL]
            text = "; ".join([STATUS_WORDS.get(event.to_status, str(event.to_status)), *facts])
        elif detail.get(FOR_LETTER) and event.note:
            text = event.note
        else:
            continue  # drafting, stored letters, sending steps, private notes
        if changed and detail.get(FOR_LETTER) and event.note:
            text = f"{text} ({event.note})"
        lines.append({"on": date(event.on), "text": text})
    return lines


def reference(original: Request, events: Iterable[Event]) -> str:
    """The recipient's own case number when one was recorded, else the sending confirmation."""
    numbers = [dict(e.detail).get("case_number", "") for e in events]
    return next((n for n in reversed(numbers) if n), original.confirmation)


def _last(events: list[Event], statuses: tuple[Status, ...]) -> Event | None:
    hits = [e for e in events if e.to_status in statuses and e.from_status != e.to_status]
    return hits[-1] if hits else None


def escalation_facts(
    original: Request,
    events: list[Event],
    children: list[Request],
    clocks: Deadlines,
    today: dt.date,
    date: Callable[[dt.date], str],
) -> dict[str, Any]:
    """The recorded facts about `original` that escalation letters may state."""
    events = sorted(events, key=lambda e: (e.on, e.id or 0))
    respond_by = original.extended_due_on or clocks.respond_by
    answer = _last(events, ANSWERS)
    ack = _last(events, (Status.ACKNOWLEDGED,))
    sent = [c for c in children if c.sent_on]
    follow = [c for c in sent if c.kind is Kind.FOLLOW_UP]
    appeals = sorted((c for c in sent if c.kind is Kind.APPEAL), key=lambda c: c.sent_on or today)
    appeal = appeals[-1] if appeals else None
    appeal_answer = appeal.status if appeal and appeal.status in ANSWERS else None
    law = law_table()
    return {
        "id": original.id, "kind": str(original.kind),
        "sent_on": date(original.sent_on or clocks.received),
        "respond_by": date(respond_by), "respond_by_iso": respond_by.isoformat(),
        "deadline_passed": today > respond_by,
        "estimated": clocks.receipt_estimated and original.received_on is None,
        "received_on": date(clocks.received),
        "answer": str(answer.to_status) if answer else "",
        "answer_on": date(answer.on) if answer else "",
        "acknowledged_on": date(ack.on) if ack else "",
        "followed_up": bool(follow),
        "followed_up_on": date(min(c.sent_on for c in follow if c.sent_on)) if follow else "",
        "appealed": appeal is not None,
        "appealed_on": date(appeal.sent_on) if appeal and appeal.sent_on else "",
        "appeal_answer": str(appeal_answer) if appeal_answer else "",
        "appeal_answer_on": date(appeal.closed_on) if appeal and appeal.closed_on else "",
        "appeal_first": law.has(original.legal_basis, "appeal"),
        "reference": reference(original, events), "confirmation": original.confirmation,
    }  # fmt: skip


def check_escalation(kind: Kind, original: Request, facts: dict[str, Any],
                     children: list[Request], clocks_of: Callable[[Request], Any],
                     today: dt.date) -> None:  # fmt: skip
    """Refuse an escalation the recorded facts do not support, saying what to do instead."""
    late_or_refused = facts["deadline_passed"] or facts["answer"] in ("denied",
                                                                      "partially-completed")
    rid = original.id
    if kind is Kind.APPEAL:
        if not law_table().has(original.legal_basis, "appeal"):
            raise ValidationError("kind", N_("the basis of request {rid} ({legal_basis}) "
                                  "sets no appeal step"),
                                  hint=N_("Use a follow-up or a complaint."), rid=rid,
                                  legal_basis=original.legal_basis)
        if not late_or_refused:
            raise ValidationError("kind", N_("request {rid} is neither denied nor past its due "
                                  "date ({due})"),
                                  hint=N_("An appeal comes after a denial or a missed deadline."),
                                  rid=rid, due=facts['respond_by'])
        return
    if kind is Kind.COMPLAINT:
        if not late_or_refused:
            raise ValidationError("kind", N_("request {rid} is not past its due date "
                                  "({due}) and was not refused"),
                                  hint=N_("Send a follow-up (a reminder) instead."),
                                  rid=rid, due=facts['respond_by'])
        if facts["appeal_first"] and not _appeal_over(children, clocks_of, today):
            raise ValidationError(
                "kind", N_("the {legal_basis} law requires an appeal first; the "
                "complaint comes after the appeal is denied or goes unanswered"),
                hint=N_("borrador letters make --kind appeal --request {rid}"),
                legal_basis=original.legal_basis, rid=rid,
            )


def _appeal_over(children: list[Request], clocks_of: Callable[[Request], Any],
                 today: dt.date) -> bool:  # fmt: skip
    """An appeal was sent, and it was decided against the person or its time ran out."""
    for child in children:
        if child.kind is not Kind.APPEAL or not child.sent_on:
            continue
        if child.status in (Status.DENIED, Status.PARTIALLY_COMPLETED):
            return True
        clocks = clocks_of(child)
        due = child.extended_due_on or (clocks.respond_by if clocks else None)
        if child.status not in ANSWERS and due is not None and today > due:
            return True
    return False
