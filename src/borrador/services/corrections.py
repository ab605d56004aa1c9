"""Corrections for the catalog's maintainers: problems users met with a channel, reported on
a request, shown on the broker, and exported with no personal data."""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from borrador.core.errors import N_, BorradorError, ValidationError
from borrador.core.text import clean_text
from borrador.storage.reports_repo import ChannelReport, ReportsRepo

if TYPE_CHECKING:
    from borrador.home.paths import Paths
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.storage.requests_repo import RequestsRepo

PROBLEMS = {
    "bounced": "the email bounced",
    "dead-link": "the link is dead",
    "wrong-address": "the postal address is wrong (the letter came back)",
    "asked-too-much": "the recipient asked for more than the law allows",
}
EXPORT_FORMAT = "borrador-catalog-corrections"


class CorrectionService:
    def __init__(
        self,
        paths: Paths,
        reports: ReportsRepo,
        requests: RequestsRepo,
        catalog: CatalogService,
        clock: Clock,
    ) -> None:
        self.paths = paths
        self.reports = reports
        self.requests = requests
        self.catalog = catalog
        self.clock = clock

    def report(self, request_id: int, problem: str, note: str = "") -> ChannelReport:
        """Record a problem with the channel a request went through (or would go through)."""
        if problem not in PROBLEMS:
            raise ValidationError(
                "problem",
                N_("{detail!r} is not one of: {choices}"),
                detail=problem,
                choices=", ".join(PROBLEMS),
            )
        request = self.requests.get(request_id)
        entry = self.catalog.catalog().get(request.recipient)
        kinds = {"bounced": "email", "dead-link": "web", "wrong-address": "mail"}
        wanted = kinds.get(problem) or (str(request.channel) if request.channel else "")
        channel = next((c for c in entry.channels if c.type == wanted), None)
        if channel is None and problem in kinds:
            raise BorradorError(
                N_("{name} has no {wanted} channel in the catalog to report."),
                name=entry.name,
                wanted=wanted,
            )
        target = ""
        if channel is not None:
            target = channel.url or channel.email or (channel.address.splitlines() or [""])[0]
        return self.reports.add(ChannelReport(
            0, request.id or 0, entry.slug, channel.type if channel else "", target, problem,
            self.clock.today().isoformat(), clean_text("note", note, max_len=500),
        ))  # fmt: skip

    def for_broker(self, slug: str) -> list[ChannelReport]:
        return self.reports.all(slug)

    def reported_targets(self) -> list[str]:
        """Channel links and addresses users reported, for `catalog check`."""
        return sorted({r.target for r in self.reports.all() if r.target})

    def export(self, target: Path) -> int:
        """Write the reports for the maintainers: recipient, channel, what was wrong, how
        often, by month. No request, person, note or exact date leaves the store."""
        counts: collections.Counter[tuple[str, str, str, str, str]] = collections.Counter()
        for r in self.reports.all():
            counts[(r.recipient, r.channel, r.target, r.problem, r.reported_on[:7])] += 1
        items: list[dict[str, Any]] = [
            {"recipient": rec, "channel": ch, "target": tgt, "problem": prob, "month": month,
             "reports": n}
            for (rec, ch, tgt, prob, month), n in sorted(counts.items())
        ]  # fmt: skip
        data = {"format": EXPORT_FORMAT, "version": 1, "corrections": items}
        from borrador.services.files import write_export

        write_export(self.paths, target, json.dumps(data, indent=2).encode(), kind="corrections")
        return len(items)
