"""`borrador drop …`: a California DROP filing, its 45-day cycles, what each broker reported,
and what DROP does not reach."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from borrador.cli import output
from borrador.cli.app import open_session
from borrador.core.drop import IDENTIFIER_KINDS
from borrador.core.requests import DropOutcome

_date = output.date_option  # one date callback for every command


@click.group()
def drop() -> None:
    """California's Delete Request and Opt-out Platform (DROP), tracked here."""


@drop.command("add")
@click.option("--person", "person_id", type=int, required=True, help="The person's id.")
@click.option(
    "--filed-on",
    "filed_on",
    required=True,
    callback=_date,
    help="The date the DROP request was filed (YYYY-MM-DD).",
)
@click.option("--drop-id", default="", help="The DROP ID the platform gave.")
@click.option(
    "--gave",
    multiple=True,
    type=click.Choice(IDENTIFIER_KINDS),
    help="A kind of identifier given to DROP (repeat); default: what the profile holds.",
)
@click.option(
    "--advertising-id",
    "advertising_ids",
    multiple=True,
    help="An advertising ID given (counted; kept only with --keep-values).",
)
@click.option(
    "--keep-values",
    is_flag=True,
    help="Also keep the identifiers themselves (encrypted); by default only which "
    "kinds and how many.",
)
@click.option("--json", "as_json", is_flag=True)
def add(
    person_id: int,
    filed_on: dt.date,
    drop_id: str,
    gave: tuple[str, ...],
    advertising_ids: tuple[str, ...],
    keep_values: bool,
    as_json: bool,
) -> None:
    """Record that a person filed with DROP."""
    kinds = list(gave) or None
    if advertising_ids and kinds is not None and "advertising-ids" not in kinds:
        kinds.append("advertising-ids")
    with open_session() as session:
        filing = session.drop.add(
            person_id,
            filed_on,
            drop_id,
            gave=kinds,
            advertising_ids=list(advertising_ids),
            keep_values=keep_values,
        )
        status = session.drop.status(person_id)
    if as_json:
        click.echo(output.dumps(_filing_json(filing)))
        return
    given = ", ".join(f"{k} ({n})" if n else k for k, n in filing.identifiers.items())
    click.echo(f"DROP filing {filing.id} for person {person_id}, filed {filing.filed_on}.")
    click.echo(
        f"  Identifiers given: {given or 'none recorded'}"
        f"{'' if filing.kept_values else ' (the values themselves are not stored)'}"
    )
    first = status.cycles[0]
    click.echo(
        f"  First cycle starts {first.starts}; brokers retrieve it by {first.retrieve_by}"
        f" and must act by {first.act_by}."
    )
    click.echo(
        f"  {len(status.not_reached)} things DROP does not reach: borrador drop status "
        f"--person {person_id}"
    )


@drop.command("status")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--json", "as_json", is_flag=True)
def status(person_id: int, as_json: bool) -> None:
    """Cycles, each broker's reported outcome, and what DROP does not reach."""
    with open_session() as session:
        found = session.drop.status(person_id)
    if as_json:
        click.echo(output.dumps(_status_json(found)))
        return
    filing = found.filing
    click.echo(
        f"DROP filing {filing.id}: filed {filing.filed_on}"
        f"{f', DROP ID {filing.drop_id}' if filing.drop_id else ''}."
    )
    now = found.current
    click.echo(
        f"  Now in cycle {now.number} ({now.starts} to {now.retrieve_by}); what brokers "
        f"retrieved in it is due by {now.act_by}."
        if now
        else f"  The first cycle starts {found.cycles[0].starts}."
    )
    counts: dict[str, int] = {}
    for o in found.outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    click.echo("  Outcomes: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))
    for o in found.outcomes:
        if o.outcome != "pending":
            click.echo(f"    {o.slug:<28} {o.outcome:<10} {o.on}")
    click.echo("  Not reached by DROP (ask them directly):")
    for m in found.not_reached:
        click.echo(f"    {m.name} [{m.why}]: {m.request} — {m.how}\n      {m.command}")


@drop.command("outcome")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--broker", required=True, help="The broker's catalog slug.")
@click.option("--outcome", required=True, type=click.Choice([o.value for o in DropOutcome]))
@click.option("--on", "on", callback=_date, help="When DROP showed it (default today).")
def outcome(person_id: int, broker: str, outcome: str, on: dt.date | None) -> None:
    """Record the outcome a broker reported in DROP."""
    with open_session() as session:
        row = session.drop.record_outcome(person_id, broker, outcome, on)
    click.echo(f"{row.broker}: {row.outcome} on {row.on}.")


def _filing_json(filing: Any) -> dict[str, Any]:
    return {
        "id": filing.id,
        "person_id": filing.person_id,
        "filed_on": filing.filed_on.isoformat(),
        "drop_id": filing.drop_id,
        "identifiers": filing.identifiers,
        "values_kept": sorted(filing.kept_values),
    }


def _cycle_json(c: Any) -> dict[str, Any]:
    return {
        "number": c.number,
        "starts": c.starts.isoformat(),
        "retrieve_by": c.retrieve_by.isoformat(),
        "act_by": c.act_by.isoformat(),
    }


def _status_json(found: Any) -> dict[str, Any]:
    return {
        "filing": _filing_json(found.filing),
        "cycles": [_cycle_json(c) for c in found.cycles],
        "current_cycle": found.current.number if found.current else None,
        "outcomes": [
            {
                "broker": o.slug,
                "name": o.name,
                "outcome": o.outcome,
                "on": o.on.isoformat() if o.on else None,
            }
            for o in found.outcomes
        ],
        "not_reached": [
            {
                "broker": m.slug,
                "name": m.name,
                "why": m.why,
                "direct_request": m.request,
                "how": m.how,
                "command": m.command,
            }
            for m in found.not_reached
        ],
    }
