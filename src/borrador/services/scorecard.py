"""A compliance scorecard from the user's own requests: per broker, answers within the legal
deadline, median days to answer, denials by the exemption stated, re-listings after removal.

The anonymised export holds counts only: no names, no ids, no free text, dates as months, and
every count under SMALL_CELL left out, so a clinic can share what brokers do without sharing
who asked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from typing import TYPE_CHECKING, Any

from borrador.core.requests import CLOCK_RUNNING, DONE, ESCALATION_KINDS, REMOVAL_KINDS, Status
from borrador.core.requests import effective_due as _due

if TYPE_CHECKING:
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.tracking import Tracking
    from borrador.storage.scorecard_repo import AnsweredRow, ScorecardRepo

SMALL_CELL = 5  # counts below this are suppressed in the anonymised export
EXPORT_FORMAT = "borrador-scorecard/1"
_ANSWERED = frozenset({Status.COMPLETED, Status.PARTIALLY_COMPLETED, Status.DENIED})
_RUNNING = frozenset(str(s) for s in CLOCK_RUNNING)
_ESCALATIONS = frozenset(str(k) for k in ESCALATION_KINDS)
_REMOVALS = frozenset(str(k) for k in REMOVAL_KINDS)
_DONE = frozenset(str(s) for s in DONE)
_ANSWER_STATUSES = frozenset(str(s) for s in _ANSWERED)
COUNT_FIELDS = (
    "sent",
    "answered",
    "with_legal_deadline",
    "answered_in_time",
    "answered_late",
    "overdue_unanswered",
    "denials",
    "removals_completed",
    "relistings",
)


@dataclasses.dataclass
class BrokerScore:
    broker: str
    name: str
    sent: int = 0
    answered: int = 0
    with_legal_deadline: int = 0
    answered_in_time: int = 0
    answered_late: int = 0
    overdue_unanswered: int = 0
    denials: int = 0
    removals_completed: int = 0
    relistings: int = 0
    median_days_to_answer: float | None = None
    denials_by_exemption: dict[str, int] = dataclasses.field(default_factory=dict)
    denials_by_reason: dict[str, int] = dataclasses.field(default_factory=dict)
    first_sent: dt.date | None = None
    last_sent: dt.date | None = None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class ScorecardService:
    def __init__(
        self, repo: ScorecardRepo, tracking: Tracking, catalog: CatalogService, clock: Clock
    ) -> None:
        self.repo = repo
        self.tracking = tracking
        self.catalog = catalog
        self.clock = clock

    def scores(self) -> list[BrokerScore]:
        today = self.clock.today()
        mail_days = self.tracking.preferences.current.mail_days
        entries = self.catalog.catalog().entries
        by_broker: dict[str, BrokerScore] = {}
        days: dict[str, list[int]] = {}
        for row in self.repo.sent_rows():
            if row.kind in _ESCALATIONS:
                continue
            score = by_broker.get(row.recipient)
            if score is None:
                entry = entries.get(row.recipient)
                score = by_broker[row.recipient] = BrokerScore(
                    row.recipient, entry.name if entry else row.recipient
                )
            self._count(score, row, today, mail_days, days)
        for denial in self.repo.denials():
            score = by_broker.get(denial.recipient)
            if score is None:
                continue
            named = denial.exemption or "(no exemption named)"
            score.denials_by_exemption[named] = score.denials_by_exemption.get(named, 0) + 1
            reason = denial.reason or "unrecorded"
            score.denials_by_reason[reason] = score.denials_by_reason.get(reason, 0) + 1
        for broker, n in self.repo.relistings().items():
            if broker in by_broker:
                by_broker[broker].relistings = n
        for broker, values in days.items():
            by_broker[broker].median_days_to_answer = float(statistics.median(values))
        return sorted(by_broker.values(), key=lambda s: (-s.sent, s.broker))

    def _count(
        self,
        score: BrokerScore,
        row: AnsweredRow,
        today: dt.date,
        mail_days: int,
        days: dict[str, list[int]],
    ) -> None:
        sent = dt.date.fromisoformat(row.sent_on)
        score.sent += 1
        score.first_sent = min(score.first_sent or sent, sent)
        score.last_sent = max(score.last_sent or sent, sent)
        closed = _date(row.closed_on)
        answered = row.status in _ANSWER_STATUSES and closed is not None
        if answered and closed is not None:
            score.answered += 1
            days.setdefault(row.recipient, []).append((closed - sent).days)
        if row.status == Status.DENIED:
            score.denials += 1
        if row.status in _DONE and row.kind in _REMOVALS:
            score.removals_completed += 1
        receipt = self.tracking.receipt(sent, _date(row.received_on), row.channel, mail_days)
        if receipt is None:
            return
        clocks = self.tracking.deadlines_for(row.legal_basis, row.kind, *receipt)
        if clocks.rule.courtesy:
            return  # no statute: never counted as on time or late
        score.with_legal_deadline += 1
        due = _due(clocks.respond_by, _date(row.extended_due_on))
        if answered and closed is not None:
            if closed <= due:
                score.answered_in_time += 1
            else:
                score.answered_late += 1
        elif row.status in _RUNNING and today > due:
            score.overdue_unanswered += 1

    def for_broker(self, slug: str) -> BrokerScore | None:
        """One broker's line (the catalog detail shows it); None if never written to."""
        return next((s for s in self.scores() if s.broker == slug), None)

    def anonymised(self) -> dict[str, Any]:
        """Counts only, months only, small cells suppressed (null), brokers with fewer than
        SMALL_CELL requests left out entirely."""
        shown, left_out = [], 0
        months: list[dt.date] = []
        for s in self.scores():
            if s.sent < SMALL_CELL:
                left_out += 1
                continue
            months += [d for d in (s.first_sent, s.last_sent) if d]
            row: dict[str, Any] = {"broker": s.broker}
            row.update({f: _cell(getattr(s, f)) for f in COUNT_FIELDS})
            row["median_days_to_answer"] = (
                s.median_days_to_answer if s.answered >= SMALL_CELL else None
            )
            # Reasons are a fixed list; the exemption text is free typing and is never shared.
            row["denials_by_reason"] = {k: _cell(n) for k, n in sorted(s.denials_by_reason.items())}
            shown.append(row)
        return {
            "format": EXPORT_FORMAT,
            "generated": self.clock.today().strftime("%Y-%m"),
            "period": {
                "from": min(months).strftime("%Y-%m") if months else None,
                "to": max(months).strftime("%Y-%m") if months else None,
            },
            "suppressed_below": SMALL_CELL,
            "null_means": f"fewer than {SMALL_CELL}",
            "brokers_left_out": _cell(left_out),
            "brokers": shown,
        }


def _cell(n: int) -> int | None:
    return n if n >= SMALL_CELL else None


def score_json(score: BrokerScore) -> dict[str, Any]:
    data = dataclasses.asdict(score)
    for key in ("first_sent", "last_sent"):
        data[key] = data[key].isoformat() if data[key] else None
    return data
