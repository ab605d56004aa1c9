"""Check before you ask: a people-search site's search address for a person (opened only when
the user asks), what they saw there, and the evidence they kept (inside the encrypted store).

A listing found again after a completed removal opens a new request linked to the old one; not
found or removed schedules the next re-check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from borrador.core.errors import N_, BorradorError, ValidationError
from borrador.core.requests import (
    DONE,
    REMOVAL_KINDS,
    TRANSITIONS,
    ListingResult,
    Request,
    Status,
    parse_enum,
    parse_slug,
)
from borrador.core.text import clean_text

if TYPE_CHECKING:
    from borrador.catalog.model import Broker
    from borrador.core.people import Person
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.requests import RequestService
    from borrador.storage.listings_repo import CheckRow, EvidenceInfo, ListingsRepo
    from borrador.storage.people_repo import PeopleRepo

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# What an evidence file may be, told by its first bytes (never by its name).
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"%PDF-", "application/pdf", "pdf"),
)
EXTENSIONS = {media: ext for _, media, ext in MAGIC}


@dataclasses.dataclass(frozen=True)
class SearchLink:
    broker: str
    name: str
    url: str  # "" when the catalog has no pattern for this site
    what_to_type: str  # always given: what to search for by hand


@dataclasses.dataclass(frozen=True)
class Recorded:
    check: CheckRow
    request: Request | None  # the request the check moved on (new, re-checked or completed)
    what: str  # one line for the user


def media_type(data: bytes, name: str = "the file") -> str:
    for magic, media, _ in MAGIC:
        if data.startswith(magic):
            return media
    raise ValidationError(
        "evidence",
        N_("{name} is not a PNG, JPEG or PDF file (checked by its content, not its name)"),
        hint=N_("Save the screenshot as PNG or JPEG, or print the page to PDF."),
        name=name,
    )


def read_evidence(path: Path) -> tuple[str, bytes]:
    """The file's type and bytes, refused when it is too big or not an image or PDF."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_EVIDENCE_BYTES + 1)
    except OSError as exc:
        raise BorradorError(
            N_("{path}: cannot be read ({strerror})."), path=path, strerror=exc.strerror
        ) from None
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            "evidence",
            N_("{name} is over {limit} MB"),
            hint=N_("Keep a cropped screenshot or a smaller PDF."),
            name=path.name,
            limit=MAX_EVIDENCE_BYTES // (1024 * 1024),
        )
    if not data:
        raise ValidationError("evidence", N_("{name} is empty"), name=path.name)
    return media_type(data, path.name), data


def search_link(entry: Broker, person: Person) -> SearchLink:
    parts = person.name.split()
    first, last = (parts[0], parts[-1]) if len(parts) > 1 else ("", parts[0] if parts else "")
    state = person.state or ""
    typed = f"{person.name}" + (f", {state}" if state else "")
    if not entry.search_url:
        return SearchLink(entry.slug, entry.name, "", typed)
    values = {"first": first, "last": last, "state": state}
    url = entry.search_url
    for key, value in values.items():
        url = url.replace("{" + key + "}", urllib.parse.quote(value.lower(), safe=""))
    return SearchLink(entry.slug, entry.name, url, typed)


class ListingsService:
    def __init__(
        self,
        people: PeopleRepo,
        listings: ListingsRepo,
        requests: RequestService,
        catalog: CatalogService,
        clock: Clock,
    ) -> None:
        self.people = people
        self.listings = listings
        self.requests = requests
        self.catalog = catalog
        self.clock = clock

    def _entry(self, broker: str) -> Broker:
        return self.catalog.catalog().covering(parse_slug("broker", broker))

    def link(self, person_id: int, broker: str) -> SearchLink:
        return search_link(self._entry(broker), self.people.get(person_id))

    def _removal(self, person_id: int, slug: str) -> Request | None:
        """The latest opt-out or deletion request to this broker for this person."""
        found = [
            r
            for r in self.requests.find(person_id)
            if r.recipient == slug and r.kind in REMOVAL_KINDS
        ]
        return found[-1] if found else None

    def record(
        self,
        person_id: int,
        broker: str,
        result: str,
        *,
        on: dt.date | None = None,
        evidence: Path | None = None,
        note: str = "",
    ) -> Recorded:
        """What a check showed, moving the broker's removal request on where there is one."""
        outcome = parse_enum("result", result, ListingResult)
        self.people.get(person_id)
        entry = self._entry(broker)
        when = on or self.clock.today()
        if when > self.clock.today():
            raise ValidationError("on", N_("{when} is in the future"), when=when)
        text = clean_text("note", note, max_len=2000, multiline=True)
        kept = read_evidence(evidence) if evidence is not None else None
        request, what = self._move_request(person_id, entry, outcome, when)
        check = self.listings.add_check(
            person_id,
            entry.slug,
            str(outcome),
            when,
            request.id if request else None,
            kept,
            text,
            self.clock.now(),
        )
        if check.evidence_id:
            what += f" Evidence kept encrypted as file {check.evidence_id}."
        return Recorded(check, request, what)

    def _move_request(
        self, person_id: int, entry: Broker, outcome: ListingResult, when: dt.date
    ) -> tuple[Request | None, str]:
        last = self._removal(person_id, entry.slug)
        if last is not None and last.status in DONE:
            if outcome is ListingResult.FOUND:
                new = self.requests.record_recheck(last.id or 0, listed=True, on=when)
                return new, (
                    f"Listed again after request {last.id}: drafted request {new.id}, linked to it."
                )
            again = self.requests.record_recheck(last.id or 0, listed=False, on=when)
            return again, f"Request {again.id}: next re-check on {again.recheck_on}."
        if (
            outcome is ListingResult.REMOVED
            and last is not None
            and Status.COMPLETED in TRANSITIONS[last.status]
        ):
            done = self.requests.change_status(
                last.id or 0, "completed", on=when, note=N_("Listing checked: removed.")
            )
            return done, f"Request {done.id} completed; re-check on {done.recheck_on}."
        if outcome is ListingResult.FOUND:
            hint = (
                f"Request {last.id} is {last.status}."
                if last
                else f"Ask for removal: borrador letters make --person {person_id} --broker "
                f"{entry.slug} --kind opt-out --out DIR"
            )
            return last, f"Listed at {entry.name}. {hint}"
        return last, f"{entry.name}: {outcome}."

    def history(self, person_id: int, broker: str | None = None) -> list[CheckRow]:
        self.people.get(person_id)
        return self.listings.checks(person_id, self._entry(broker).slug if broker else None)

    def evidence_list(self, person_id: int) -> list[EvidenceInfo]:
        self.people.get(person_id)
        return self.listings.evidence_info(person_id)

    def evidence(self, evidence_id: int) -> tuple[EvidenceInfo, bytes]:
        return self.listings.evidence(evidence_id)
