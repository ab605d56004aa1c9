"""Deadlines and follow-through: legal clocks per request, what is due, what to do next.

Everything here is derived when asked (overdue, due soon, waiting on the person, re-check due);
only facts are stored: dates things happened, an extension's new date, a scheduled re-check.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from borrador.core.deadlines import Deadlines, Rule
from borrador.core.errors import NotFoundError
from borrador.core.next_step import Step, response_step
from borrador.core.requests import (
    CLOCK_RUNNING,
    DONE,
    Kind,
    Request,
    Status,
    effective_due,
    statuses,
)
from borrador.i18n.wording import english, next_step
from borrador.laws import engine

if TYPE_CHECKING:
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.preferences import Preferences
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.requests_repo import ClockRow, RequestsRepo

S = Status
INSTANT_CHANNELS = {"email", "web", "fax", "phone"}
DROP_RECHECK_DAYS = 45  # brokers must re-check California's deletion platform every 45 days


@dataclasses.dataclass(frozen=True)
class DueItem:
    request_id: int
    uid: str
    person_id: int
    initials: str
    recipient: str
    recipient_name: str
    kind: str
    status: str
    what: str  # response | acknowledgement | verification | re-check
    date: dt.date
    days_left: int  # negative when overdue
    legal: bool  # a statute's deadline (False: a courtesy target we set)
    citation: str
    step: Step
    receipt_estimated: bool = False
    complaint_to: str = ""  # who hears a complaint if the deadline passes unanswered

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def action(self) -> str:
        """The next step in English (front ends word it in the user's language)."""
        return next_step(self, english)


class _Part(NamedTuple):
    """One deadline of a set of clock facts, before it is tied to a request (the fields of
    DueItem that follow its request's own, in the same order)."""

    what: str
    date: dt.date
    days_left: int
    legal: bool
    citation: str
    step: Step
    receipt_estimated: bool
    complaint_to: str


class Tracking:
    def __init__(
        self,
        catalog: CatalogService,
        requests: RequestsRepo,
        people: PeopleRepo,
        clock: Clock,
        preferences: Preferences,
    ) -> None:
        self.catalog = catalog
        self.requests = requests
        self.people = people
        self.clock = clock
        self.preferences = preferences
        self._cache: dict[tuple[Any, ...], Deadlines] = {}

    # -- rules and clocks -------------------------------------------------------------------
    @staticmethod
    def rule_for(law: str, kind: str, after_free_report: bool = False) -> Rule:
        """The table's rule; follow-ups, complaints and unknown bases get the courtesy target."""
        return engine.courtesy_rule_for(law, kind, after_free_report=after_free_report)

    def receipt(
        self,
        sent_on: dt.date | None,
        received_on: dt.date | None,
        channel: str | None,
        mail_days: int | None = None,
    ) -> tuple[dt.date, bool] | None:
        """When the recipient got it: the known date, or an estimate from the send date."""
        if received_on:
            return received_on, False
        if sent_on is None:
            return None
        if channel in INSTANT_CHANNELS:
            return sent_on, False
        days = self.preferences.current.mail_days if mail_days is None else mail_days
        return sent_on + dt.timedelta(days=days), days > 0

    def deadlines_for(
        self,
        law: str,
        kind: str,
        received: dt.date,
        estimated: bool = False,
        after_free_report: bool = False,
    ) -> Deadlines:
        """Clocks with the law's roll rule and start date applied (laws.engine)."""
        key = (law, kind, received, estimated, after_free_report)
        if key not in self._cache:
            rule = self.rule_for(law, kind, after_free_report)
            self._cache[key] = engine.deadlines_for_rule(rule, received, estimated=estimated,
                                                         kind=kind)  # fmt: skip
        return self._cache[key]

    def deadlines(self, request: Request) -> Deadlines | None:
        """The clocks of a sent request (None while it is a draft)."""
        receipt = self.receipt(request.sent_on, request.received_on,
                               str(request.channel) if request.channel else None)  # fmt: skip
        if receipt is None:
            return None
        return self.deadlines_for(request.legal_basis, str(request.kind), *receipt,
                                  after_free_report=request.after_free_report)  # fmt: skip

    def recheck_date(self, request: Request, completed_on: dt.date) -> dt.date | None:
        if request.kind is Kind.SECURITY_FREEZE:
            return None  # a freeze is re-checked where it expires or a thaw ends, not on a cycle
        days = self.preferences.current.recheck_days
        if request.legal_basis == "delete-act":
            return completed_on + dt.timedelta(days=DROP_RECHECK_DAYS)
        try:
            entry = self.catalog.catalog().get(request.recipient)
            days = entry.relist_days or days
        except NotFoundError:
            pass
        return completed_on + dt.timedelta(days=days)

    def calendar(self, stamp: dt.datetime) -> tuple[list[DueItem], bytes]:
        """Every open deadline and re-check as an .ics file (initials and recipients only),
        with the reminder the preferences ask for."""
        from borrador.letters.ics import build_ics

        items = self.due()
        reminder = self.preferences.current.reminder_days
        return items, build_ics(items, stamp=stamp, reminder_days=reminder)

    # -- what is due ------------------------------------------------------------------------
    def due(self, within: int | None = None) -> list[DueItem]:
        """Overdue first (oldest first), then by date; `within` limits how far ahead."""
        today = self.clock.today()
        mail_days = self.preferences.current.mail_days  # one reading for the whole list
        parts: dict[tuple[Any, ...], list[_Part]] = {}
        initials = {p.id: _initials(p.name) for p in self.people.names()}
        entries = self.catalog.catalog().entries
        items: list[DueItem] = []
        for row in self.requests.clock_rows(statuses(frozenset({*CLOCK_RUNNING, *DONE}))):
            facts = row.clock_facts()  # requests with the same facts share their deadlines
            found = parts.get(facts)
            if found is None:
                found = parts[facts] = self._parts(row, today, mail_days)
            entry = entries.get(row.recipient)
            for part in found:
                if within is not None and part.days_left > within:
                    continue
                items.append(self._item(row, part, initials.get(row.person_id, "?"),
                                        entry.name if entry else row.recipient))  # fmt: skip
        return sorted(items, key=lambda i: (i.days_left >= 0, i.date, i.request_id))

    @staticmethod
    def _item(row: ClockRow, part: _Part, initials: str, recipient_name: str) -> DueItem:
        # Positional, from a named tuple: dataclasses.asdict would deep-copy every field.
        return DueItem(row.id, row.uid, row.person_id, initials, row.recipient, recipient_name,
                       row.kind, row.status, *part)  # fmt: skip

    def _parts(self, row: ClockRow, today: dt.date, mail_days: int) -> list[_Part]:
        """Each deadline of one set of clock facts."""
        if row.status in DONE:
            if not row.recheck_on:
                return []
            day = dt.date.fromisoformat(row.recheck_on)
            return [_Part("re-check", day, (day - today).days, False, "", Step.RECHECK,
                          False, "")]  # fmt: skip
        receipt = self.receipt(_date(row.sent_on), _date(row.received_on), row.channel, mail_days)
        if receipt is None:
            return []
        clocks = self.deadlines_for(row.legal_basis, row.kind, *receipt,
                                    after_free_report=bool(row.after_free_report))  # fmt: skip
        rule = clocks.rule
        respond_by = effective_due(clocks.respond_by, _date(row.extended_due_on))
        left = (respond_by - today).days
        what = "verification" if row.status == S.VERIFICATION_REQUESTED else "response"
        legal, estimated = clocks.legal, clocks.receipt_estimated
        parts = [_Part(what, respond_by, left, legal, rule.citation,
                       response_step(row.status, left), estimated, rule.complaint_to)]  # fmt: skip
        ack_by = clocks.acknowledge_by
        # Once the answer itself is late, the missing acknowledgement is no separate task.
        if (ack_by and row.status == S.SENT and not row.acknowledged_on and ack_by < respond_by
                and left >= 0):  # fmt: skip
            parts.append(_Part("acknowledgement", ack_by, (ack_by - today).days, legal,
                               rule.citation, Step.CHECK_ACKNOWLEDGEMENT, estimated,
                               rule.complaint_to))  # fmt: skip
        return parts


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part[0].isalnum()).upper()[:4] or "?"
