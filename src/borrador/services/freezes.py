"""Security freezes: a request of kind security-freeze to an agency that offers one, its PIN or
password (kept only inside the encrypted database, shown only when asked), thaws and lifts with
their dates, and a re-check where a freeze expires or a thaw ends."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from borrador.core.errors import N_, ValidationError
from borrador.core.requests import DONE, FreezeAction, Kind, Request, Status
from borrador.core.text import clean_text

if TYPE_CHECKING:
    from borrador.catalog.model import Broker, Channel
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.requests import RequestService
    from borrador.storage.freeze_repo import FreezeChangeRow, FreezeRepo

MAX_PIN = 64


@dataclasses.dataclass(frozen=True)
class FreezeState:
    request: Request
    state: str  # "requested" until placed, then a FreezeAction
    placed_on: dt.date | None
    thawed_until: dt.date | None
    expires_on: dt.date | None
    pin_stored: bool
    changes: list[FreezeChangeRow]


def check_pin(pin: str) -> str:
    """One line, no control characters (clean_text refuses them), at most MAX_PIN long."""
    return clean_text("pin", pin.strip(), max_len=MAX_PIN, required=True)


def freeze_channels(entry: Broker) -> list[Channel]:
    return [c for c in entry.channels if "security-freeze" in c.purposes]


class FreezeService:
    def __init__(
        self, requests: RequestService, freezes: FreezeRepo, catalog: CatalogService, clock: Clock
    ) -> None:
        self.requests = requests
        self.freezes = freezes
        self.catalog = catalog
        self.clock = clock

    def bureaus(self) -> list[Broker]:
        """The agencies the catalog lists a security-freeze channel for."""
        entries = self.catalog.catalog().entries.values()
        return sorted(
            (e for e in entries if freeze_channels(e) and not e.covered_by), key=lambda e: e.slug
        )

    def _freeze(self, request_id: int) -> Request:
        request = self.requests.get(request_id)
        if request.kind is not Kind.SECURITY_FREEZE:
            raise ValidationError(
                "request",
                N_("request {request_id} is {kind}, not a security freeze"),
                request_id=request_id,
                kind=request.kind,
            )
        return request

    def add(
        self,
        person_id: int,
        bureau: str,
        *,
        channel: str | None = None,
        pin: str = "",
        placed_on: dt.date | None = None,
        confirmation: str = "",
        expires_on: dt.date | None = None,
    ) -> Request:
        """Record a freeze request; with `placed_on`, that it was asked for and placed."""
        checked_pin = check_pin(pin) if pin else ""
        request = self.requests.create(
            person_id, bureau, str(Kind.SECURITY_FREEZE), channel=channel
        )
        if checked_pin:
            self.freezes.set_pin(request.id or 0, checked_pin, self.clock.now())
        if placed_on is not None:
            request = self.placed(
                request.id or 0, placed_on, confirmation=confirmation, expires_on=expires_on
            )
        return request

    def placed(
        self,
        request_id: int,
        on: dt.date,
        *,
        confirmation: str = "",
        expires_on: dt.date | None = None,
    ) -> Request:
        request = self._freeze(request_id)
        if expires_on is not None and expires_on <= on:
            raise ValidationError(
                "expires_on", N_("{expires_on} is not after {on}"), expires_on=expires_on, on=on
            )
        if request.status is Status.DRAFTED:
            entry = self.catalog.catalog().get(request.recipient)
            channel = str(request.channel or freeze_channels(entry)[0].type)
            request = self.requests.change_status(
                request_id, "sent", on=on, channel=channel, confirmation=confirmation
            )
        request = self.requests.change_status(
            request_id, "completed", on=on, note=N_("Security freeze placed.")
        )
        self.freezes.add_change(request_id, str(FreezeAction.PLACED), on, None, self.clock.now())
        if expires_on is not None:
            self.freezes.set_expiry(request_id, expires_on, self.clock.now())
            request = self.requests.schedule_recheck(
                request_id, expires_on, f"The freeze expires on {expires_on}: renew it then.", on
            )
        return request

    def set_pin(self, request_id: int, pin: str) -> None:
        self._freeze(request_id)
        self.freezes.set_pin(request_id, check_pin(pin), self.clock.now())

    def reveal_pin(self, request_id: int) -> str:
        """The stored PIN: only for a front end the user asked to show it."""
        self._freeze(request_id)
        return self.freezes.pin(request_id)

    def thaw(self, request_id: int, on: dt.date, until: dt.date) -> Request:
        """A temporary lift; the freeze comes back on `until`, so that is the re-check."""
        state = self.state(request_id)
        if state.state not in (FreezeAction.PLACED, FreezeAction.THAWED):
            raise ValidationError(
                "request",
                N_("request {request_id}'s freeze is {state}; only a placed freeze can be thawed"),
                request_id=request_id,
                state=state.state,
            )
        if until <= on:
            raise ValidationError("until", N_("{until} is not after {on}"), until=until, on=on)
        self.freezes.add_change(request_id, str(FreezeAction.THAWED), on, until, self.clock.now())
        return self.requests.schedule_recheck(
            request_id,
            until,
            f"Freeze thawed from {on} until {until}; check it is back then.",
            on,
            {"freeze": "thawed", "until": until.isoformat()},
        )

    def refrozen(self, request_id: int, on: dt.date) -> Request:
        """The user checked that a thawed freeze is back: the re-check returns to the expiry."""
        state = self.state(request_id)
        if not state.changes or state.changes[-1].action != FreezeAction.THAWED:
            raise ValidationError(
                "request", N_("request {request_id}'s freeze is not thawed"), request_id=request_id
            )
        self.freezes.add_change(request_id, str(FreezeAction.PLACED), on, None, self.clock.now())
        return self.requests.schedule_recheck(
            request_id,
            state.expires_on,
            f"Checked on {on}: the freeze is back on.",
            on,
            {"freeze": "placed"},
        )

    def lift(self, request_id: int, on: dt.date) -> Request:
        state = self.state(request_id)
        if state.state == FreezeAction.LIFTED:
            raise ValidationError(
                "request",
                N_("request {request_id}'s freeze is already lifted"),
                request_id=request_id,
            )
        if state.placed_on is None:
            raise ValidationError("request", N_("the freeze was never recorded as placed"))
        self.freezes.add_change(request_id, str(FreezeAction.LIFTED), on, None, self.clock.now())
        return self.requests.schedule_recheck(
            request_id, None, f"Freeze lifted on {on}.", on, {"freeze": "lifted"}
        )

    def state(self, request_id: int) -> FreezeState:
        request = self._freeze(request_id)
        changes = self.freezes.changes(request_id)
        placed = [c.on for c in changes if c.action == FreezeAction.PLACED]
        state, until = "requested", None
        if changes and request.status in DONE:
            last = changes[-1]
            state = last.action
            if (
                last.action == FreezeAction.THAWED
                and last.until
                and last.until <= self.clock.today()
            ):
                state = str(FreezeAction.PLACED)  # the thaw ended: frozen again
            elif last.action == FreezeAction.THAWED:
                until = last.until
        return FreezeState(
            request,
            state,
            placed[0] if placed else None,
            until,
            self.freezes.expires_on(request_id),
            bool(self.freezes.pin(request_id)),
            changes,
        )

    def for_person(self, person_id: int) -> list[FreezeState]:
        found = self.requests.find(person_id)
        return [self.state(r.id or 0) for r in found if r.kind is Kind.SECURITY_FREEZE]
