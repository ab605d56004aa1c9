"""Request service: drafting (recipient and legal basis chosen), status changes with their
facts (channel, receipt, extension, denial reason), re-checks that re-open a request."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from borrador.catalog.model import Broker
from borrador.core.errors import N_, BorradorError, Phrase, ValidationError
from borrador.core.people import Person
from borrador.core.requests import (
    CLOSED,
    DONE,
    ESCALATION_KINDS,
    LETTER_NOTE,
    TRANSITIONS,
    Channel,
    Event,
    Kind,
    Request,
    Status,
    apply_transition,
    drafted_on,
    parse_enum,
    parse_slug,
    with_status,
    worded_note,
)
from borrador.core.text import US_STATES, clean_text
from borrador.i18n import _
from borrador.laws import basis as laws_basis
from borrador.laws.table import law_table

if TYPE_CHECKING:
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.tracking import Tracking
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.requests_repo import RequestsRepo

# Sending one of these moves the request it is about to the paired status.
ESCALATES = {Kind.FOLLOW_UP: Status.FOLLOW_UP_SENT, Kind.COMPLAINT: Status.COMPLAINT_FILED}
DENIAL_REASONS = ("not-found", "exempt", "could-not-verify", "other")
# Facts that can be given with a status change, and the status each belongs to.
OPTION_STATUS = {"channel": Status.SENT, "confirmation": Status.SENT, "until": Status.EXTENDED,
                 "reason": Status.DENIED, "exemption": Status.DENIED}  # fmt: skip


def choose_basis(
    person: Person, entry: Broker, kind: Kind, on: dt.date, agency_state: str = ""
) -> tuple[str, str]:
    """The legal basis for a request and a one-line reason (laws.basis decides; `on` is the
    day the letter is made: a law not yet in force is never chosen). A state agency's law
    follows the agency: its catalog jurisdiction, or `agency_state` for the generic "state or
    local agency"."""
    if kind is Kind.SECURITY_FREEZE:
        if entry.cra_type == "nationwide":
            return "fcra", _("The FCRA gives a free security freeze at the nationwide bureaus.")
        return "policy", _("A specialty agency freezes a file under its own policy.")
    place = agency_state_for(entry, kind, agency_state, required=False)
    if entry.jurisdiction == "state" and kind is Kind.RECORDS and not place:
        return laws_basis.GENERIC_RECORDS, _(
            "The agency's state is not given yet: its law applies."
        )
    basis = laws_basis.choose_basis(
        person.state, entry.kind, dict(entry.honours), str(kind), on,
        getattr(entry, "cra_type", ""), recipient_slug=entry.slug, agency_state=place,
    )  # fmt: skip
    return basis.law, basis.describe(_)


def agency_state_for(entry: Broker, kind: Kind, given: str = "", *, required: bool = True) -> str:
    """The state whose public-records law applies to `entry` ("" for federal agencies)."""
    if entry.kind != "agency" or entry.jurisdiction == "federal":
        return ""
    if entry.agency_state:
        return entry.agency_state
    code = clean_text("agency_state", given, max_len=2).upper()
    if code and code not in US_STATES:
        raise ValidationError("agency_state", N_("{given!r} is not a US state code"),
                              hint=N_("Use the two-letter code, e.g. IL."),
                              given=given)  # fmt: skip
    if required and not code and entry.jurisdiction == "state" and kind is Kind.RECORDS:
        raise ValidationError(
            "agency_state", N_("say which state the agency is in: {name} is generic"),
            hint=N_("Add --agency-state XX (the agency's state, e.g. IL), not the person's."),
            name=entry.name,
        )
    return code


class RequestService:
    """Drafting requests and moving them through their statuses, with the facts of each step."""

    def __init__(
        self,
        people: PeopleRepo,
        requests: RequestsRepo,
        catalog: CatalogService,
        tracking: Tracking,
        clock: Clock,
    ) -> None:
        self.people = people
        self.requests = requests
        self.catalog = catalog
        self.tracking = tracking
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------
    def get(self, request_id: int) -> Request:
        return self.requests.get(request_id)

    def find(self, person_id: int | None = None) -> list[Request]:
        if person_id is not None:
            self.people.get(person_id)
        return self.requests.find(person_id)

    def find_json(self, person_id: int | None = None) -> list[str]:
        """The same list as JSON texts with the documented keys (fast path for --json)."""
        if person_id is not None:
            self.people.get(person_id)
        return self.requests.find_json(person_id)

    def open_duplicates(self, person_id: int, recipients: list[str], kind: str) -> list[Request]:
        """Open requests of this kind to these recipients for this person (a second one is
        asked about before it is made)."""
        wanted = {self.resolve_recipient(r, Kind(kind)).slug for r in recipients} | set(recipients)
        return [r for r in self.find(person_id) if r.recipient in wanted
                and str(r.kind) == kind and r.status not in CLOSED]  # fmt: skip

    def events(self, request_id: int) -> list[Event]:
        self.requests.get(request_id)
        return self.requests.events(request_id)

    def explain_basis(self, person_id: int, slug: str, kind: str) -> tuple[str, str]:
        """The basis a request would get today, and why (for the guided flow)."""
        entry = self.catalog.catalog().covering(slug)
        person = self.people.get(person_id)
        return choose_basis(person, entry, parse_enum("kind", kind, Kind), self.clock.today())

    def resolve_recipient(self, slug: str, kind: Kind) -> Broker:
        """The catalog entry a request goes to: a brand covered by another entry goes to that
        entry; exited brokers, brokers with no way to reach them, and mismatched kinds are
        refused with the reason."""
        entry = self.catalog.catalog().covering(parse_slug("recipient", slug))
        if entry.status == "exited":
            raise BorradorError(N_("{name} stopped operating on {status_date}; "
                                "there is no one to send a request to."),
                                name=entry.name, status_date=entry.status_date)  # fmt: skip
        if entry.kind == "broker" and not entry.channels:
            raise BorradorError(
                N_("{name} has no consumer opt-out or contact that we know of, "
                "so no letter can be sent."),
                hint=N_("See 'borrador brokers show {slug}' for what helps instead."),
                name=entry.name, slug=entry.slug,
            )
        escalation = kind in ESCALATION_KINDS
        if not escalation and (kind is Kind.RECORDS) != (entry.kind == "agency"):
            raise ValidationError(
                "kind",
                N_("a {kind} request cannot go to {name} ({what}): "
                "public-records requests go to agencies, the other kinds to brokers"),
                kind=kind, name=entry.name, what=_article(entry.kind),
            )
        if kind is Kind.SECURITY_FREEZE and not any(
            "security-freeze" in c.purposes for c in entry.channels
        ):
            raise ValidationError(
                "kind",
                N_("Borrador knows of no way to ask {name} for a security freeze"),
                hint=N_("'borrador freeze bureaus' lists the agencies that offer one."),
                name=entry.name,
            )
        if kind in (Kind.DISCLOSURE, Kind.DISPUTE) and not entry.flag("fcra_regulated"):
            raise ValidationError(
                "kind",
                N_("{name} is not known to be a consumer reporting agency, so the "
                "FCRA does not apply"),
                hint=N_("Ask for 'access' instead."), name=entry.name,
            )
        return entry

    def draft(
        self,
        person: Person,
        recipient: str,
        kind: str,
        legal_basis: str,
        channel: str | None,
        notes: str,
        parent_id: int | None = None,
        *,
        after_free_report: bool = False,
        agency_state: str = "",
    ) -> Request:
        request_kind = parse_enum("kind", kind, Kind)
        if after_free_report and request_kind is not Kind.DISPUTE:
            raise ValidationError("after_free_report", N_("goes only with an FCRA dispute"))
        entry = self.resolve_recipient(recipient, request_kind)
        basis = clean_text("legal_basis", legal_basis, max_len=40).lower()
        if basis:
            basis = law_table().canonical(basis)
            if basis not in law_table().laws:
                raise ValidationError(
                    "legal_basis",
                    N_("{basis!r} is not in the law table"),
                    hint=N_("'borrador deadlines laws' lists them."), basis=basis,
                )
        else:
            agency_state_for(entry, request_kind, agency_state)  # the generic agency needs it
            basis = choose_basis(person, entry, request_kind, self.clock.today(),
                                 agency_state)[0]  # fmt: skip
        return Request(
            person_id=person.id or 0, recipient=entry.slug, kind=request_kind,
            legal_basis=basis,
            channel=parse_enum("channel", channel, Channel) if channel else None,
            created_on=self.clock.today(),
            notes=clean_text("notes", notes, max_len=5000, multiline=True), parent_id=parent_id,
            after_free_report=after_free_report,
        )  # fmt: skip

    def create_many(
        self,
        person_id: int,
        recipients: list[str],
        kind: str,
        *,
        legal_basis: str = "",
        channel: str | None = None,
        notes: str = "",
        after_free_report: bool = False,
        agency_state: str = "",
    ) -> list[Request]:
        """Draft one request per recipient for a person, all or none (`agency_state`: the state
        of a generic state or local agency, whose public-records law applies)."""
        person = self.people.get(person_id)
        drafts = [self.draft(person, r, kind, legal_basis, channel, notes,
                             after_free_report=after_free_report, agency_state=agency_state)
                  for r in recipients]  # fmt: skip
        return self.requests.add_many(drafts, self.clock.now())

    def create(self, person_id: int, recipient: str, kind: str, **options: Any) -> Request:
        return self.create_many(person_id, [recipient], kind, **options)[0]

    def _when(self, on: dt.date | None) -> dt.date:
        when = on or self.clock.today()
        if when > self.clock.today():
            raise ValidationError(
                "date", N_("{when} is in the future; record things once they happen"), when=when
            )
        return when

    def _last_change(self, request_id: int) -> dt.date | None:
        """The date of the last status change (notes such as a stored letter do not count)."""
        events = self.requests.events(request_id)
        changes = [e.on for e in events if e.from_status and e.from_status != e.to_status]
        return max(changes, default=None)

    def change_status(
        self,
        request_id: int,
        status: str,
        *,
        on: dt.date | None = None,
        note: str = "",
        channel: str | None = None,
        confirmation: str = "",
        until: dt.date | None = None,
        reason: str | None = None,
        exemption: str = "",
        case_number: str = "",
        words: tuple[tuple[str, str], ...] = (),
    ) -> Request:
        """Move a request to `status` on `on` (default today), with the facts that go with it
        (`case_number`: the recipient's own reference, which later letters cite; `words`: a
        note Borrador wrote, as `worded_note` gives it)."""
        new = parse_enum("status", status, Status)
        given = {"channel": channel, "confirmation": confirmation, "until": until,
                 "reason": reason, "exemption": exemption}  # fmt: skip
        for option, value in given.items():
            if value and new is not OPTION_STATUS[option]:
                raise ValidationError(option, N_("goes only with '{status}'"),
                    status=OPTION_STATUS[option])
        when = self._when(on)
        before = self.requests.get(request_id)
        if new is Status.SENT:
            self._not_before_drafted(request_id, when)
        event = apply_transition(before, new, when, note, not_before=self._last_change(request_id))
        after = with_status(before, event)
        detail: dict[str, str] = {}
        if new is Status.SENT:
            after = self._sent(after, channel, confirmation, detail)
        elif new is Status.EXTENDED:
            after = self._extended(after, until, detail)
        elif new is Status.DENIED:
            detail.update(_denial(reason, exemption))
        if new is Status.COMPLETED:
            after = dataclasses.replace(after, recheck_on=self.tracking.recheck_date(after, when))
        number = clean_text("case_number", case_number, max_len=100)
        if number:
            detail["case_number"] = number
        event = dataclasses.replace(event, detail=(*detail.items(), *words))
        saved = self.requests.save_change(before, after, event, self.clock.now())
        if new is Status.SENT and saved.kind in ESCALATES and saved.parent_id:
            self._escalate_parent(saved, when)
        return saved

    def mark_sent_many(
        self,
        request_ids: list[int],
        *,
        on: dt.date | None = None,
        channel: str | None = None,
        confirmation: str = "",
    ) -> list[Request]:
        """Several letters sent the same day: all are marked or none (one transaction). Each
        goes by its own planned channel; `channel` is for those that have none."""
        with self.requests.db.write():
            out = []
            for request_id in request_ids:
                request = self.requests.get(request_id)
                try:
                    out.append(self.change_status(
                        request_id, "sent", on=on,
                        channel=str(request.channel or channel or "") or None,
                        confirmation=confirmation,
                    ))  # fmt: skip
                except BorradorError as exc:  # which letter it is about, then nothing is marked
                    name = self.catalog.catalog().covering(request.recipient).name
                    raise exc.at(name) from None
            return out

    def _not_before_drafted(self, request_id: int, when: dt.date) -> None:
        drafted = drafted_on(self.requests.events(request_id))
        if drafted and when < drafted:
            raise ValidationError(
                "date",
                N_("{when} is before the letter was drafted ({drafted}); it cannot have gone out "
                   "earlier"),
                hint=N_("Give the day it was mailed, emailed or submitted."),
                when=when, drafted=drafted,
            )  # fmt: skip

    def _escalate_parent(self, sent: Request, when: dt.date) -> None:
        """Sending a follow-up (or complaint) moves the request it is about along too."""
        parent = self.requests.get(sent.parent_id or 0)
        target = ESCALATES[sent.kind]
        if target in TRANSITIONS[parent.status]:
            note, words = worded_note(N_("{kind} sent as request {id}"), kind=sent.kind,
                                      id=sent.id)  # fmt: skip
            self.change_status(parent.id or 0, str(target), on=when, note=note, words=words)

    def _sent(
        self,
        after: Request,
        channel: str | None,
        confirmation: str,
        detail: dict[str, str],
    ) -> Request:
        chosen = parse_enum("channel", channel, Channel) if channel else after.channel
        if chosen is None:
            raise ValidationError(
                "channel", N_("say how it was sent (mail, email, web, fax, phone)")
            )
        number = clean_text("confirmation", confirmation, max_len=100)
        detail["channel"] = str(chosen)
        if number:
            detail["confirmation"] = number
        return dataclasses.replace(after, channel=chosen, confirmation=number or after.confirmation)

    def _extended(self, after: Request, until: dt.date | None, detail: dict[str, str]) -> Request:
        clocks = self.tracking.deadlines(after)
        if until is None:
            if clocks is None or clocks.extended_respond_by is None:
                raise ValidationError("until", N_("this law sets no extension: give the new date "
                                      "the recipient announced (--until)"))  # fmt: skip
            until = clocks.extended_respond_by
        elif clocks and until < clocks.respond_by:
            raise ValidationError("until", N_("{until} is before the original due date "
                                  "{respond_by}"),
                                  until=until, respond_by=clocks.respond_by)  # fmt: skip
        detail["until"] = until.isoformat()
        return dataclasses.replace(after, extended_due_on=until)

    def mark_received(self, request_id: int, on: dt.date, note: str = "") -> Request:
        """Record the date the recipient got the request; every deadline is recomputed from it."""
        before = self.requests.get(request_id)
        if before.sent_on is None:
            raise ValidationError("request", N_("mark it sent first; it has no send date"))
        when = self._when(on)
        if when < before.sent_on:
            raise ValidationError("date", N_("{when} is before it was sent ({sent_on})"),
                when=when, sent_on=before.sent_on)
        return self._note(before, when, note or N_("Received by the recipient."),
                          {"received_on": when.isoformat()}, received_on=when)  # fmt: skip

    def add_note(
        self, request_id: int, note: str, on: dt.date | None = None, *, for_letter: bool = False
    ) -> Request:
        """A dated note in the request's history (the status does not change). Notes are
        private: only one marked `for_letter` is quoted in a follow-up or complaint."""
        text = clean_text("note", note, max_len=2000, multiline=True)
        if not text:
            raise ValidationError("note", N_("is empty"))
        detail = {LETTER_NOTE: "yes"} if for_letter else {}
        return self._note(self.requests.get(request_id), self._when(on), text, detail)

    def schedule_recheck(self, request_id: int, recheck_on: dt.date | None, note: str,
                         on: dt.date | None = None, detail: dict[str, str] | None = None
                         ) -> Request:  # fmt: skip
        """A dated fact that sets (or clears) the re-check date, e.g. when a freeze thaw ends."""
        before = self.requests.get(request_id)
        return self._note(before, self._when(on), note, detail or {}, recheck_on=recheck_on)

    def record_recheck(
        self, request_id: int, *, listed: bool, on: dt.date | None = None, note: str = ""
    ) -> Request:
        """A re-check of a completed request. Listed again: a new request, linked to this one.
        Not listed: the next re-check is scheduled. Returns the new or updated request."""
        before = self.requests.get(request_id)
        if before.status not in DONE:
            raise ValidationError("request", N_("request {request_id} is {status}; only "
                                  "completed requests are re-checked"),
                                  request_id=request_id, status=before.status)  # fmt: skip
        when = self._when(on)
        if not listed:
            return self._note(before, when, note or N_("Re-checked: not listed."),
                              {"recheck": "not-listed"},
                              recheck_on=self.tracking.recheck_date(before, when))  # fmt: skip
        person = self.people.get(before.person_id)
        draft = self.draft(person, before.recipient, str(before.kind), before.legal_basis,
                            str(before.channel) if before.channel else None,
                            f"Listed again on {when}; follows request {before.id}.",
                            parent_id=before.id)  # fmt: skip
        new = self.requests.add(draft, self.clock.now())
        said, words = worded_note(N_("Listed again: new request {id}."), id=new.id)
        self._note(
            before,
            when,
            note or said,
            {"recheck": "listed", "new_request": str(new.id), **({} if note else dict(words))},
            recheck_on=None,
        )
        return new

    def _note(
        self,
        before: Request,
        when: dt.date,
        note: str,
        detail: dict[str, str],
        **changes: Any,
    ) -> Request:
        """An event that records a fact without changing the status."""
        event = Event(request_id=before.id or 0, on=when, from_status=before.status,
                      to_status=before.status, note=clean_text("note", note, max_len=2000),
                      detail=tuple(detail.items()))  # fmt: skip
        after = dataclasses.replace(before, version=before.version + 1, **changes)
        return self.requests.save_change(before, after, event, self.clock.now())




def _denial(reason: str | None, exemption: str) -> dict[str, str]:
    if reason is None:
        return {}
    if reason not in DENIAL_REASONS:
        raise ValidationError("reason", N_("{reason!r} is not one of: {choices}"),
            reason=reason, choices=', '.join(DENIAL_REASONS))
    detail = {"reason": reason}
    if exemption:
        detail["exemption"] = clean_text("exemption", exemption, max_len=200)
    return detail


_ARTICLED = {"broker": N_("a broker"), "agency": N_("an agency")}


def _article(noun: str) -> Phrase:
    return Phrase(_ARTICLED.get(noun, noun))
