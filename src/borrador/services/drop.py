"""California DROP: a person's filing, its 45-day cycles, the outcome each broker reports, and
what DROP does not reach (with the direct request to make instead)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from borrador.core import drop
from borrador.core.errors import N_, NotFoundError, ValidationError
from borrador.core.requests import DropOutcome, parse_enum, parse_slug
from borrador.core.text import clean_text

if TYPE_CHECKING:
    from borrador.catalog.model import Broker
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.storage.drop_repo import DropRepo, FilingRow, OutcomeRow
    from borrador.storage.people_repo import PeopleRepo

MAX_ADVERTISING_IDS = 20


@dataclasses.dataclass(frozen=True)
class Missed:
    """Something DROP does not reach, and what to do instead."""

    slug: str
    name: str
    why: str  # "not-registered", "fcra-file" or "public-records-suppression"
    request: str  # the kind of direct request to make
    how: str  # the channel to use, in a few words
    command: str  # the Borrador command that starts it


@dataclasses.dataclass(frozen=True)
class BrokerOutcome:
    slug: str
    name: str
    outcome: str  # a DropOutcome, or "pending" while the broker has reported nothing
    on: dt.date | None


@dataclasses.dataclass(frozen=True)
class DropStatus:
    filing: FilingRow
    cycles: list[drop.Cycle]
    current: drop.Cycle | None
    outcomes: list[BrokerOutcome]
    not_reached: list[Missed]


def _reached(entry: Broker) -> bool:
    """Registered in California's registry: DROP's list reaches it."""
    if entry.kind != "broker" or entry.status != "active" or entry.covered_by:
        return False
    imported = any(state.lower() == "ca" for state, _ in entry.registry_ids)
    return entry.registered("california") is True or imported


def _how(entry: Broker, purpose: str) -> str:
    """The first channel for `purpose` (else the first channel at all), in a few words."""
    chosen = [c for c in entry.channels if purpose in c.purposes] or list(entry.channels)
    for channel in chosen:
        where = channel.url or channel.email or channel.phone or channel.address
        return f"{channel.type}: {where.splitlines()[0] if where else '(see the entry)'}"
    return f"see 'borrador brokers show {entry.slug}'"


def not_reached(entries: list[Broker], person_id: int | str = "ID") -> list[Missed]:
    """What DROP misses, from the catalog itself: brokers a source says are not registered in
    California, FCRA consumer files (DROP excludes FCRA-covered data), and public-records
    suppression (a separate route of its own)."""
    found: list[Missed] = []
    for e in sorted(entries, key=lambda e: e.slug):
        if e.kind != "broker" or e.status != "active" or e.covered_by:
            continue
        purposes = {p for c in e.channels for p in c.purposes}
        if e.registered("california") is False and e.channels:
            kind = "delete" if "delete" in purposes else "opt-out"
            found.append(
                Missed(
                    e.slug,
                    e.name,
                    "not-registered",
                    kind,
                    _how(e, kind),
                    f"borrador letters make --person {person_id} --broker "
                    f"{e.slug} --kind {kind} --out DIR",
                )
            )
        if e.fcra_regulated and e.channels:
            if "security-freeze" in purposes:
                found.append(
                    Missed(
                        e.slug,
                        e.name,
                        "fcra-file",
                        "security-freeze",
                        _how(e, "security-freeze"),
                        f"borrador freeze add --person {person_id} --bureau {e.slug}",
                    )
                )
            else:
                found.append(
                    Missed(
                        e.slug,
                        e.name,
                        "fcra-file",
                        "disclosure",
                        _how(e, "disclosure"),
                        f"borrador letters make --person {person_id} --broker "
                        f"{e.slug} --kind disclosure --out DIR",
                    )
                )
        if "suppression" in purposes:
            found.append(
                Missed(
                    e.slug,
                    e.name,
                    "public-records-suppression",
                    "suppression",
                    _how(e, "suppression"),
                    f"borrador brokers show {e.slug}  (the form is the "
                    "company's own; Borrador has no letter for it)",
                )
            )
    return found


class DropService:
    def __init__(
        self, people: PeopleRepo, drops: DropRepo, catalog: CatalogService, clock: Clock
    ) -> None:
        self.people = people
        self.drops = drops
        self.catalog = catalog
        self.clock = clock

    def add(
        self,
        person_id: int,
        filed_on: dt.date,
        drop_id: str = "",
        *,
        gave: list[str] | None = None,
        advertising_ids: list[str] | None = None,
        keep_values: bool = False,
    ) -> FilingRow:
        """Record a filing. `gave` lists the kinds of identifier given (default: what the
        person's profile holds). The values are kept only with `keep_values`."""
        person = self.people.get(person_id)
        drop.check_filed_on(filed_on, self.clock.today())
        ad_ids = [
            clean_text("advertising_id", a, max_len=100, required=True)
            for a in advertising_ids or []
        ]
        if len(ad_ids) > MAX_ADVERTISING_IDS:
            raise ValidationError(
                "advertising_id",
                N_("at most {max_advertising_ids}"),
                max_advertising_ids=MAX_ADVERTISING_IDS,
            )
        values = {
            "names": [person.name],
            "past-names": list(person.other_names),
            "emails": list(person.emails),
            "phones": list(person.phones),
            "advertising-ids": ad_ids,
        }
        if gave is None:
            kinds = [k for k in drop.IDENTIFIER_KINDS if values[k]]
        else:
            unknown = [k for k in gave if k not in drop.IDENTIFIER_KINDS]
            if unknown:
                raise ValidationError(
                    "gave",
                    N_("{value!r} is not one of: {choices}"),
                    value=unknown[0],
                    choices=", ".join(drop.IDENTIFIER_KINDS),
                )
            kinds = list(dict.fromkeys(gave))
        # How many of each were given; 0 means "given, how many is not known here".
        identifiers = {k: len(values[k]) for k in kinds}
        kept = {k: values[k] for k in kinds if values[k]} if keep_values else {}
        number = clean_text("drop_id", drop_id, max_len=60)
        return self.drops.add_filing(
            person_id, filed_on, number, identifiers, kept, self.clock.now()
        )

    def filing(self, person_id: int) -> FilingRow:
        self.people.get(person_id)
        found = self.drops.latest(person_id)
        if found is None:
            raise NotFoundError(
                N_("person {person_id} has no DROP filing recorded."),
                hint=N_("Record one: borrador drop add --person ID --filed-on DATE"),
                person_id=person_id,
            )
        return found

    def reached(self) -> list[Broker]:
        return sorted(
            (e for e in self.catalog.catalog().entries.values() if _reached(e)),
            key=lambda e: e.slug,
        )

    def record_outcome(
        self, person_id: int, broker: str, outcome: str, on: dt.date | None = None
    ) -> OutcomeRow:
        filing = self.filing(person_id)
        result = parse_enum("outcome", outcome, DropOutcome)
        entry = self.catalog.catalog().covering(parse_slug("broker", broker))
        if not _reached(entry):
            raise ValidationError(
                "broker",
                N_(
                    "{name} is not known to be in California's "
                    "registry, so DROP does not report on it"
                ),
                hint=N_("'borrador drop status' lists what to ask it directly."),
                name=entry.name,
            )
        when = on or self.clock.today()
        if when > self.clock.today() or when < filing.filed_on:
            raise ValidationError(
                "on",
                N_("{when} is not between the filing ({filed_on}) and today"),
                when=when,
                filed_on=filing.filed_on,
            )
        self.drops.add_outcome(filing.id, entry.slug, str(result), when, self.clock.now())
        return self.drops.outcomes(filing.id)[entry.slug]

    def status(self, person_id: int) -> DropStatus:
        filing = self.filing(person_id)
        today = self.clock.today()
        recorded = self.drops.outcomes(filing.id)
        outcomes = [
            BrokerOutcome(
                e.slug,
                e.name,
                recorded[e.slug].outcome if e.slug in recorded else "pending",
                recorded[e.slug].on if e.slug in recorded else None,
            )
            for e in self.reached()
        ]
        entries = list(self.catalog.catalog().entries.values())
        return DropStatus(
            filing,
            drop.cycles(filing.filed_on, today),
            drop.current(filing.filed_on, today),
            outcomes,
            not_reached(entries, person_id),
        )
