"""`borrador listings …`: check whether a people-search site lists a person (the only network
use, and only when asked), record what was seen, and keep evidence inside the encrypted store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from borrador.cli import output
from borrador.cli.app import current_paths, open_session
from borrador.core.requests import ListingResult

_date = output.date_option  # one date callback for every command


@click.group()
def listings() -> None:
    """Listing checks on people-search sites, and their evidence."""


@listings.command("check")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--broker", required=True, help="The site's catalog slug.")
@click.option("--print", "print_only", is_flag=True, help="Show the address; do not open it.")
def check(person_id: int, broker: str, print_only: bool) -> None:
    """Open the site's search for the person in the browser (or show what to type)."""
    with open_session() as session:
        link = session.listings.link(person_id, broker)
    if not link.url:
        click.echo(
            f"{link.name} has no search address in the catalog. On its site, search "
            f"for: {link.what_to_type}"
        )
        return
    if print_only:
        click.echo(link.url)
        return
    click.echo(f"Opening {link.name} in your browser: this tells the site the name searched.")
    click.launch(link.url)
    click.echo(
        f"Then record what you saw: borrador listings record --person {person_id} "
        f"--broker {link.broker} --found|--not-found|--removed [--evidence FILE]"
    )


@listings.command("record")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--broker", required=True)
@click.option("--found", "result", flag_value=str(ListingResult.FOUND), help="Listed there.")
@click.option(
    "--not-found",
    "result",
    flag_value=str(ListingResult.NOT_FOUND),
    help="No listing (never confirmed as removed).",
)
@click.option(
    "--removed",
    "result",
    flag_value=str(ListingResult.REMOVED),
    help="A listing that was there is gone.",
)
@click.option(
    "--evidence",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="A screenshot (PNG, JPEG) or PDF, kept encrypted; max 10 MB.",
)
@click.option("--on", "on", callback=_date, help="When you checked (default today).")
@click.option("--note", default="")
@click.option("--json", "as_json", is_flag=True)
def record(
    person_id: int,
    broker: str,
    result: str | None,
    evidence: Path | None,
    on: dt.date | None,
    note: str,
    as_json: bool,
) -> None:
    """Record what a check showed; moves the broker's removal request on if there is one."""
    if result is None:
        raise click.UsageError("say what you saw: --found, --not-found or --removed.")
    with open_session() as session:
        done = session.listings.record(
            person_id, broker, result, on=on, evidence=evidence, note=note
        )
    if as_json:
        data = _check_json(done.check)
        data["request_id"] = done.request.id if done.request else None
        click.echo(output.dumps(data))
    else:
        click.echo(done.what)


@listings.command("history")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--broker", default=None)
@click.option("--json", "as_json", is_flag=True)
def history(person_id: int, broker: str | None, as_json: bool) -> None:
    """Every check recorded for a person."""
    with open_session() as session:
        found = session.listings.history(person_id, broker)
    if as_json:
        click.echo(output.dumps([_check_json(c) for c in found]))
        return
    if not found:
        click.echo("No listing checks recorded yet.")
    for c in found:
        extra = f"  evidence {c.evidence_id}" if c.evidence_id else ""
        req = f"  request {c.request_id}" if c.request_id else ""
        click.echo(f"{c.on}  {c.broker:<26} {c.result:<10}{req}{extra}")


@listings.group("evidence")
def evidence() -> None:
    """Evidence files kept in the encrypted store."""


@evidence.command("list")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--json", "as_json", is_flag=True)
def evidence_list(person_id: int, as_json: bool) -> None:
    with open_session() as session:
        found = session.listings.evidence_list(person_id)
    rows = [
        {
            "id": e.id,
            "media_type": e.media_type,
            "size": e.size,
            "sha256": e.sha256,
            "added_at": e.added_at,
        }
        for e in found
    ]
    if as_json:
        click.echo(output.dumps(rows))
        return
    if not rows:
        click.echo("No evidence kept for this person.")
    for r in rows:
        click.echo(f"{r['id']:>5}  {r['media_type']:<16} {r['size']:>9} bytes  {r['added_at']}")


@evidence.command("export")
@click.argument("evidence_id", type=int)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--open", "open_it", is_flag=True, help="Open the file once written.")
def evidence_export(evidence_id: int, file: Path, open_it: bool) -> None:
    """Write an evidence file out (logged, so erasing the person removes it too)."""
    from borrador.services.files import write_person_file

    with open_session() as session:
        info, data = session.listings.evidence(evidence_id)
    write_person_file(current_paths(), info.person_id, file, data)
    click.echo(f"Wrote {file} ({info.media_type}, {info.size} bytes).")
    if open_it:
        click.launch(str(file))


def _check_json(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "person_id": c.person_id,
        "broker": c.broker,
        "result": c.result,
        "on": c.on.isoformat(),
        "request_id": c.request_id,
        "evidence_id": c.evidence_id,
        "note": c.note,
    }
