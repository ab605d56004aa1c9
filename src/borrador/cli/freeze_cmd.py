"""`borrador freeze …`: security freezes at the agencies that offer them. The PIN is read
from standard input only (never an argument, which shell history and process lists keep) and
shown only by `borrador requests show ID --reveal-pin`."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import click

from borrador.cli import output
from borrador.cli.app import fail, open_session
from borrador.core.requests import Channel

_date = output.date_option  # one date callback for every command


def read_pin() -> str:
    """One line from standard input (a pipe or a hidden prompt in a terminal)."""
    if sys.stdin.isatty():
        return str(click.prompt("Freeze PIN or password", hide_input=True, err=True))
    pin = sys.stdin.readline().strip()
    if not pin:
        fail("--pin-from-stdin: nothing was read from standard input.")
    return pin


@click.group()
def freeze() -> None:
    """Security freezes: place, thaw, lift, and keep the PIN encrypted."""


@freeze.command("bureaus")
@click.option("--json", "as_json", is_flag=True)
def bureaus(as_json: bool) -> None:
    """The agencies the catalog knows a security-freeze channel for."""
    with open_session() as session:
        found = session.freezes.bureaus()
    rows = [
        {
            "slug": e.slug,
            "name": e.name,
            "cra_type": e.cra_type,
            "channels": [
                {
                    "type": c.type,
                    "where": c.url or c.phone or c.email or c.address,
                    "requires": list(c.requires),
                }
                for c in e.channels
                if "security-freeze" in c.purposes
            ],
        }
        for e in found
    ]
    if as_json:
        click.echo(output.dumps(rows))
        return
    for row in rows:
        click.echo(f"{row['slug']:<22} {row['name']} ({row['cra_type'] or 'unclassified'})")
        for c in row["channels"]:
            needs = f" — needs {', '.join(c['requires'])}" if c["requires"] else ""
            click.echo(f"    {c['type']}: {c['where'].splitlines()[0]}{needs}")


@freeze.command("add")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--bureau", required=True, help="The agency's catalog slug (see 'freeze bureaus').")
@click.option("--channel", type=click.Choice([c.value for c in Channel]))
@click.option(
    "--placed-on",
    "placed_on",
    callback=_date,
    help="The date the agency confirmed the freeze (omit to record the plan).",
)
@click.option("--confirmation", default="", help="The confirmation number, if any.")
@click.option(
    "--expires-on",
    "expires_on",
    callback=_date,
    help="Where the agency says the freeze expires: a re-check is set for it.",
)
@click.option("--pin-from-stdin", is_flag=True, help="Read the freeze PIN or password from stdin.")
@click.option("--json", "as_json", is_flag=True)
def add(
    person_id: int,
    bureau: str,
    channel: str | None,
    placed_on: dt.date | None,
    confirmation: str,
    expires_on: dt.date | None,
    pin_from_stdin: bool,
    as_json: bool,
) -> None:
    """Record a security freeze request (and, with --placed-on, that it was placed)."""
    if expires_on and not placed_on:
        raise click.UsageError("--expires-on goes with --placed-on.")
    pin = read_pin() if pin_from_stdin else ""
    with open_session() as session:
        request = session.freezes.add(
            person_id,
            bureau,
            channel=channel,
            pin=pin,
            placed_on=placed_on,
            confirmation=confirmation,
            expires_on=expires_on,
        )
        state = session.freezes.state(request.id or 0)
    if as_json:
        click.echo(output.dumps(state_json(state)))
        return
    click.echo(
        f"Request {request.id}: security freeze at {request.recipient}, {state.state}"
        f"{'; PIN stored encrypted' if state.pin_stored else ''}."
    )
    if request.recheck_on:
        click.echo(f"Re-check on {request.recheck_on}.")


@freeze.command("placed")
@click.argument("request_id", type=int)
@click.option("--on", "on", callback=_date, required=True)
@click.option("--confirmation", default="")
@click.option("--expires-on", "expires_on", callback=_date)
@click.option("--pin-from-stdin", is_flag=True)
def placed(
    request_id: int,
    on: dt.date,
    confirmation: str,
    expires_on: dt.date | None,
    pin_from_stdin: bool,
) -> None:
    """Record that a requested freeze was placed."""
    pin = read_pin() if pin_from_stdin else ""
    with open_session() as session:
        if pin:
            session.freezes.set_pin(request_id, pin)
        request = session.freezes.placed(
            request_id, on, confirmation=confirmation, expires_on=expires_on
        )
    click.echo(f"Request {request.id}: freeze placed on {on}.")


@freeze.command("pin")
@click.argument("request_id", type=int)
@click.option("--pin-from-stdin", is_flag=True, required=True)
def pin(request_id: int, pin_from_stdin: bool) -> None:
    """Store (or replace) a freeze's PIN or password, encrypted."""
    with open_session() as session:
        session.freezes.set_pin(request_id, read_pin())
    click.echo(f"Request {request_id}: PIN stored encrypted.")


@freeze.command("thaw")
@click.argument("request_id", type=int)
@click.option("--on", "on", callback=_date, required=True, help="When the thaw starts.")
@click.option("--until", callback=_date, required=True, help="When the freeze comes back.")
def thaw(request_id: int, on: dt.date, until: dt.date) -> None:
    """Record a temporary lift; a re-check is set for the day it ends."""
    with open_session() as session:
        request = session.freezes.thaw(request_id, on, until)
    click.echo(
        f"Request {request.id}: thawed from {on} until {until}; re-check on {request.recheck_on}."
    )


@freeze.command("refrozen")
@click.argument("request_id", type=int)
@click.option("--on", "on", callback=_date, required=True, help="When you checked.")
def refrozen(request_id: int, on: dt.date) -> None:
    """Record that a thawed freeze is back on (the re-check returns to its expiry, if any)."""
    with open_session() as session:
        request = session.freezes.refrozen(request_id, on)
    after = f"; next re-check {request.recheck_on}" if request.recheck_on else ""
    click.echo(f"Request {request.id}: frozen again{after}.")


@freeze.command("lift")
@click.argument("request_id", type=int)
@click.option("--on", "on", callback=_date, required=True)
def lift(request_id: int, on: dt.date) -> None:
    """Record that a freeze was removed for good."""
    with open_session() as session:
        session.freezes.lift(request_id, on)
    click.echo(f"Request {request_id}: freeze lifted on {on}.")


@freeze.command("list")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--json", "as_json", is_flag=True)
def list_(person_id: int, as_json: bool) -> None:
    """A person's freezes and where each stands (never the PIN)."""
    with open_session() as session:
        found = session.freezes.for_person(person_id)
    if as_json:
        click.echo(output.dumps([state_json(s) for s in found]))
        return
    if not found:
        click.echo("No freezes recorded. See 'borrador freeze bureaus'.")
    for s in found:
        until = f" until {s.thawed_until}" if s.thawed_until else ""
        click.echo(
            f"{s.request.id:>6}  {s.request.recipient:<22} {s.state}{until}"
            f"{'  (PIN stored)' if s.pin_stored else ''}"
        )


def state_json(state: Any, pin: str | None = None) -> dict[str, Any]:
    data = {
        "request_id": state.request.id,
        "bureau": state.request.recipient,
        "state": state.state,
        "placed_on": state.placed_on.isoformat() if state.placed_on else None,
        "thawed_until": state.thawed_until.isoformat() if state.thawed_until else None,
        "expires_on": state.expires_on.isoformat() if state.expires_on else None,
        "recheck_on": state.request.recheck_on.isoformat() if state.request.recheck_on else None,
        "pin_stored": state.pin_stored,
        "changes": [
            {
                "action": c.action,
                "on": c.on.isoformat(),
                "until": c.until.isoformat() if c.until else None,
            }
            for c in state.changes
        ],
    }
    if pin is not None:
        data["pin"] = pin
    return data
