"""The resident sheet (one page, in the resident's language) and the case report (every
request with its timeline and deadlines), as PDFs.

The sheet says only what the resident already knows about themself: their name, whom they
wrote to and when. No birth date, address or ID numbers, so a lost sheet reveals little.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from borrador.core.requests import DONE, Kind, Request, Status
from borrador.i18n import N_, base_language, translator
from borrador.letters.dates import long_date as _long_date
from borrador.letters.report_pdf import Block, render_document
from borrador.services.event_notes import event_note

if TYPE_CHECKING:
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.identity import Identity
    from borrador.services.profile import OrganisationProfile
    from borrador.services.requests import RequestService
    from borrador.services.tracking import Tracking
    from borrador.storage.people_repo import PeopleRepo

WATCH_FOR = {
    "opt-out": N_("an email or letter from {who} asking you to confirm who you are."),
    "delete": N_("an email or letter from {who} asking you to confirm who you are."),
    "access": N_("a letter or email from {who} with a copy of what they hold about you."),
    "disclosure": N_("your file from {who}, by mail."),
    "dispute": N_("the result of {who}'s investigation, in writing."),
    "records": N_("a letter or email from {who} with the records, or asking about fees."),
    "follow-up": N_("an answer from {who}."),
    "complaint": N_("an answer from {who}."),
    "appeal": N_("a decision on the appeal from {who}, in writing."),
}
WATCH_ANY = N_(
    "emails or letters from these companies or agencies asking you to confirm who "
    "you are, or sending your records. Keep them and tell the clinic."
)
DETAILED_MAX = 6  # requests shown in full; more are listed one line each
LIST_MAX = 30  # lines that still fit the page


def _name(catalog: Any, slug: str) -> str:
    entry = catalog.entries.get(slug)
    return str(entry.name) if entry else slug


def _dates(language: str) -> Callable[[dt.date | None], str]:
    long_date = _long_date(language)  # the letters' own date format, in this language
    return lambda day: long_date(day) if day else "—"


class ReportService:
    """The resident sheet and the case report of one person."""

    def __init__(
        self,
        people: PeopleRepo,
        requests: RequestService,
        catalog: CatalogService,
        tracking: Tracking,
        profile: OrganisationProfile,
        identity: Identity,
        clock: Clock,
    ) -> None:
        self.people = people
        self.requests = requests
        self.catalog = catalog
        self.tracking = tracking
        self.profile = profile
        self.identity = identity
        self.clock = clock

    def resident_sheet(self, person_id: int) -> bytes:
        return resident_sheet(self, person_id)

    def case_report(self, person_id: int, language: str = "en") -> bytes:
        return case_report(self, person_id, language)


def resident_sheet(session: ReportService, person_id: int) -> bytes:
    person = session.people.get(person_id)
    lang = base_language(person.language)
    _ = translator(lang).gettext
    day = _dates(lang)
    org = session.profile.get()
    catalog = session.catalog.catalog()
    blocks: list[Block] = [
        ("title", _("Your privacy requests")),
        (
            "text",
            _("For {name}, {date}.").format(name=person.name, date=day(session.clock.today())),
        ),
    ]
    shown = [r for r in session.requests.find(person_id) if r.status is not Status.WITHDRAWN]
    detailed = len(shown) <= DETAILED_MAX  # else one line each, so it stays one page
    for request in shown[:LIST_MAX]:
        who = _name(catalog, request.recipient)
        lines = _sheet_lines(session, request, who, _, day, watch=detailed)
        if detailed:
            blocks += [("heading", f"{who} — {_(str(request.kind))}"), ("text", lines)]
        else:
            blocks.append(("small", f"{who} — {_(str(request.kind))}: {lines}".replace("\n", " ")))
    if len(shown) > LIST_MAX:
        more = _("…and {n} more: the clinic has the full list.")
        blocks.append(("small", more.format(n=len(shown) - LIST_MAX)))
    if not detailed:
        blocks.append(("text", _("Watch for: ") + _(WATCH_ANY)))
    if not shown:
        blocks.append(("text", _("Nothing has been sent yet.")))
    blocks.append(
        (
            "text",
            _(
                "Never send your Social Security number, immigration papers or "
                "money to answer any of these."
            ),
        )
    )
    if org is not None:
        contact = ", ".join(x for x in (org.phone, org.email) if x)
        who = org.organisation or org.name
        blocks.append(
            (
                "heading",
                _("Questions? Call {who}: {contact}").format(
                    who=who, contact=contact or _("ask at the clinic")
                ),
            )
        )
    return render_document(blocks, compact=not detailed)


def _sheet_lines(
    session: ReportService,
    request: Request,
    who: str,
    _: Callable[[str], str],
    day: Callable[[dt.date | None], str],
    *,
    watch: bool,
) -> str:
    lines = []
    if request.sent_on is None:
        lines.append(_("Not sent yet: the clinic will send it."))
    else:
        lines.append(_("Sent on {date}.").format(date=day(request.sent_on)))
    clocks = session.tracking.deadlines(request)
    if request.status in DONE:
        lines.append(_("Done: they answered on {date}.").format(date=day(request.closed_on)))
    elif request.status is Status.DENIED:
        lines.append(
            _("They refused on {date}; the clinic will tell you the options.").format(
                date=day(request.closed_on)
            )
        )
    elif clocks is not None:
        due = request.extended_due_on or clocks.respond_by
        if clocks.legal:
            text = _("By law they must answer by {date}.")
        elif request.kind is Kind.RECORDS:  # the agency's state sets a period Borrador lacks
            text = _("We asked for an answer by {date}; the state's own law may set another.")
        else:
            text = _("We asked for an answer by {date} (no law sets a deadline).")
        lines.append(text.format(date=day(due)))
    watch_for = WATCH_FOR.get(str(request.kind))
    if watch and watch_for and request.is_open:
        lines.append(_("Watch for: ") + _(watch_for).format(who=who))
    return "\n".join(lines)


def case_report(session: ReportService, person_id: int, language: str = "en") -> bytes:
    person = session.people.get(person_id)
    language = base_language(language)
    _ = translator(language).gettext
    day = _dates(language)
    catalog = session.catalog.catalog()
    blocks: list[Block] = [
        ("title", _("Case report: {name}").format(name=person.name)),
        (
            "small",
            _("Made on {date} by {who}. Dates are as recorded in Borrador.").format(
                date=day(session.clock.today()), who=session.identity.name or person.name
            ),
        ),
    ]
    for request in session.requests.find(person_id):
        who = _name(catalog, request.recipient)
        clocks = session.tracking.deadlines(request)
        blocks.append(
            (
                "heading",
                _("Request {id}: {kind} to {who}").format(
                    id=request.id, kind=_(str(request.kind)), who=who
                ),
            )
        )
        facts = [
            _("Status: {status}").format(status=_(str(request.status))),
            _("Legal basis: {law}").format(law=request.legal_basis or "—"),
            _("Sent: {date}").format(date=day(request.sent_on)),
        ]
        if clocks is not None:
            facts.append(_("Law: {citation}").format(citation=clocks.rule.citation))
            facts.append(_("Received by them: {date}").format(date=day(clocks.received)))
            if clocks.acknowledge_by:
                facts.append(
                    _("Acknowledgement due: {date}").format(date=day(clocks.acknowledge_by))
                )
            facts.append(
                _("Answer due: {date}").format(
                    date=day(request.extended_due_on or clocks.respond_by)
                )
            )
        if request.agent:
            facts.append(
                _("Authorised agent: {agent}; authorisation signed: {date}").format(
                    agent=request.agent, date=day(request.authorized_on)
                )
            )
        if request.confirmation:
            facts.append(_("Confirmation: {number}").format(number=request.confirmation))
        blocks.append(("text", "\n".join(facts)))
        timeline = []
        for event in session.requests.events(request.id or 0):
            line = f"{day(event.on)}: {_(str(event.to_status))}"
            note = event_note(event, _)
            if note:
                line += f" — {note}"
            if event.actor:
                line += f" ({event.actor})"
            timeline.append(line)
        blocks.append(("small", "\n".join(timeline)))
    return render_document(blocks)
