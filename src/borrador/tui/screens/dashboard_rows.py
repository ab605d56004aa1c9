"""The dashboard's rows that are not clocks: letters drafted but never sent (first: nothing
happens until they go out), and denials with the date to appeal by, from the law table."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from borrador.core.requests import Request
from borrador.i18n import N_, _
from borrador.services import Session
from borrador.tui.dates import show_date

DRAFTED, DENIED = N_("Drafted, not sent"), N_("Denied")


class Row(NamedTuple):
    group: str  # untranslated: the screen translates it
    date: dt.date | None
    initials: str
    recipient: str
    step: str
    key: str  # "request id:what"


def _names(session: Session) -> tuple[dict[int, str], dict[str, str]]:
    people = {p.id or 0: p.initials[:4] or "?" for p in session.people.all()}
    entries = {slug: e.name for slug, e in session.catalog.catalog().entries.items()}
    return people, entries


def drafted_rows(session: Session, requests: list[Request]) -> list[Row]:
    people, entries = _names(session)
    step = _("Drafted but not sent: open it, send it, then mark it sent (s) or email it (e).")
    return [
        Row(DRAFTED, r.created_on, people.get(r.person_id, "?"),
            entries.get(r.recipient, r.recipient), step, f"{r.id}:drafted")
        for r in sorted(requests, key=lambda r: (r.created_on or dt.date.min, r.id or 0))
        if str(r.status) == "drafted"
    ]  # fmt: skip


def appeal_step(session: Session, request: Request, denied_on: dt.date) -> tuple[dt.date, str]:
    """The date to act by and what to do, from the request's law row."""
    law = request.legal_basis
    rule = session.tracking.rule_for(law, str(request.kind)) if law else None
    when = show_date(denied_on)
    if rule is None or rule.law != law or rule.appeal is None or rule.courtesy:
        return denied_on, _(
            "Denied on {date}. The law sets no appeal step: consider a complaint letter (l)."
        ).format(date=when)
    window = rule.appeal_filing
    if window is None:
        return denied_on, _(
            "Denied on {date}. Appeal to the recipient (u); the law sets no filing deadline, "
            "and the recipient then has {decide} to decide."
        ).format(date=when, decide=_period(rule.appeal.days, rule.appeal.business))
    if window.business:
        return denied_on, _(
            "Denied on {date}. Appeal (u) within {window} of the denial ({citation})."
        ).format(date=when, window=_period(window.days, True), citation=rule.appeal_citation)
    by = denied_on + dt.timedelta(days=window.days)
    return by, _("Denied on {date}. Appeal (u) by {by} ({citation}).").format(
        date=when, by=show_date(by), citation=rule.appeal_citation or rule.citation
    )


def _period(days: int, business: bool) -> str:
    if business:
        return _("{n} business days").format(n=days)
    return _("{n} days").format(n=days)


def denied_rows(session: Session, requests: list[Request]) -> list[Row]:
    people, entries = _names(session)
    rows = []
    appealed = {r.parent_id for r in requests if str(r.kind) == "appeal"}  # its clock shows
    for r in requests:
        if str(r.status) != "denied" or r.id is None or r.id in appealed:
            continue
        events = session.requests.events(r.id)
        denied_on = next((e.on for e in reversed(events) if e.to_status == "denied"), None)
        by, step = appeal_step(session, r, denied_on or session.clock.today())
        rows.append(Row(DENIED, by, people.get(r.person_id, "?"),
                        entries.get(r.recipient, r.recipient), step, f"{r.id}:denied"))  # fmt: skip
    return sorted(rows, key=lambda row: row.date or dt.date.min)
