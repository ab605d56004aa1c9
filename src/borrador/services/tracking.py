"""Deadlines and follow-through: legal clocks per request, what is due, what to do next.

Everything here is derived when asked (overdue, due soon, waiting on the person, re-check due);
only facts are stored: dates things happened, an extension's new date, a scheduled re-check.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from borrador.core.deadlines import Deadlines, Rule
from borrador.core.errors import NotFoundError
from borrador.core.requests import Request, Status
from borrador.home.config import Settings, load_settings
from borrador.laws import engine

if TYPE_CHECKING:
    from borrador.services.session import Session

S = Status
CLOCK_RUNNING = (S.SENT, S.ACKNOWLEDGED, S.VERIFICATION_REQUESTED, S.EXTENDED,
                 S.FOLLOW_UP_SENT, S.COMPLAINT_FILED)  # fmt: skip
RECHECKED = (S.COMPLETED, S.PARTIALLY_COMPLETED)
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
    action: str
    receipt_estimated: bool = False
    complaint_to: str = ""  # who hears a complaint if the deadline passes unanswered

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


class Tracking:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._settings: Settings | None = None
        self._cache: dict[tuple[Any, ...], Deadlines] = {}
        self._parts: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.session.paths.config)
        return self._settings

    # -- rules and clocks -------------------------------------------------------------------
    @staticmethod
    def rule_for(law: str, kind: str, after_free_report: bool = False) -> Rule:
        """The table's rule; follow-ups, complaints and unknown bases get the courtesy target."""
        return engine.courtesy_rule_for(law, kind, after_free_report=after_free_report)

    def receipt(
        self, sent_on: dt.date | None, received_on: dt.date | None, channel: str | None
    ) -> tuple[dt.date, bool] | None:
        """When the recipient got it: the known date, or an estimate from the send date."""
        if received_on:
            return received_on, False
        if sent_on is None:
            return None
        transit = 0 if channel in INSTANT_CHANNELS else self.settings.mail_days
        return sent_on + dt.timedelta(days=transit), transit > 0

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
        # The request field is wired by the lead; until then every dispute is an ordinary one.
        after_free_report = bool(getattr(request, "after_free_report", False))
        return self.deadlines_for(request.legal_basis, str(request.kind), *receipt,
                                  after_free_report=after_free_report)  # fmt: skip

    def recheck_date(self, request: Request, completed_on: dt.date) -> dt.date:
        if request.legal_basis == "delete-act":
            return completed_on + dt.timedelta(days=DROP_RECHECK_DAYS)
        try:
            entry = self.session.catalog.catalog().get(request.recipient)
            days = entry.relist_days or self.settings.recheck_days
        except NotFoundError:
            days = self.settings.recheck_days
        return completed_on + dt.timedelta(days=days)

    # -- what is due ------------------------------------------------------------------------
    def due(self, within: int | None = None) -> list[DueItem]:
        """Overdue first (oldest first), then by date; `within` limits how far ahead."""
        today = self.session.clock.today()
        self._parts = {}  # per call: "days left" depends on today
        people = self.session.db.query("SELECT id, name FROM people")
        initials = {pid: _initials(name) for pid, name in people}
        entries = self.session.catalog.catalog().entries
        statuses = tuple(str(s) for s in (*CLOCK_RUNNING, *RECHECKED))
        items: list[DueItem] = []
        for row in self.session.requests.clock_rows(statuses):
            entry = entries.get(row[3])
            found = self._items(row, today, initials.get(row[2], "?"),
                                entry.name if entry else row[3])  # fmt: skip
            items.extend(i for i in found if within is None or i.days_left <= within)
        return sorted(items, key=lambda i: (i.days_left >= 0, i.date, i.request_id))

    def _items(self, row: tuple[Any, ...], today: dt.date, initials: str,
               recipient_name: str) -> list[DueItem]:  # fmt: skip
        base = (*row[:3], initials, row[3], recipient_name, row[4], row[5])
        key = row[4:]  # requests with the same clock facts share the same deadlines
        parts = self._parts.get(key)
        if parts is None:
            parts = self._parts[key] = self._clock_parts(key, today)
        return [DueItem(*base, *part) for part in parts]

    def _clock_parts(self, key: tuple[Any, ...], today: dt.date) -> list[tuple[Any, ...]]:
        """The (what, date, days left, legal, citation, action, estimated) of each deadline."""
        kind, status, law, channel, sent_on, received_on, acknowledged, extended, _, recheck = key
        if status in RECHECKED:
            if not recheck:
                return []
            day = dt.date.fromisoformat(recheck)
            return [("re-check", day, (day - today).days, False, "", RECHECK_ACTION, False)]
        receipt = self.receipt(_date(sent_on), _date(received_on), channel)
        if receipt is None:
            return []
        clocks = self.deadlines_for(law, kind, *receipt)
        rule = clocks.rule
        respond_by = _date(extended) or clocks.respond_by
        left = (respond_by - today).days
        what = "verification" if status == S.VERIFICATION_REQUESTED else "response"
        action = _response_action(status, left, respond_by, rule)
        legal, estimated = clocks.legal, clocks.receipt_estimated
        parts = [(what, respond_by, left, legal, rule.citation, action, estimated,
                  rule.complaint_to)]  # fmt: skip
        ack_by = clocks.acknowledge_by
        # Once the answer itself is late, the missing acknowledgement is no separate task.
        if ack_by and status == S.SENT and not acknowledged and ack_by < respond_by and left >= 0:
            ack_left = (ack_by - today).days
            parts.append(("acknowledgement", ack_by, ack_left, legal, rule.citation, ACK_ACTION,
                          estimated, rule.complaint_to))  # fmt: skip

        return parts


RECHECK_ACTION = "Check whether the person is listed again; if so, record it to open a new request."
ACK_ACTION = ("No acknowledgement yet: check the spam folder and the mail, then send a "
              "follow-up if nothing came.")  # fmt: skip


def _response_action(status: str, left: int, due: dt.date, rule: Rule) -> str:
    kind = "legal deadline" if not rule.courtesy else "target date (no statute sets one)"
    if status == S.VERIFICATION_REQUESTED:
        return "Waiting on the person: answer the recipient's verification request."
    if left >= 0:
        return f"Wait for the answer; the {kind} is {due.isoformat()} ({left} days)."
    if status == S.COMPLAINT_FILED:
        return f"The {kind} passed and a complaint is filed: note any answer from the regulator."
    if status == S.FOLLOW_UP_SENT:
        where = rule.complaint_to or "the regulator"
        return f"Still no answer after a follow-up: file a complaint with {where}."
    return f"The {kind} passed on {due.isoformat()}: send a follow-up letter."


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part[0].isalnum()).upper()[:4] or "?"
