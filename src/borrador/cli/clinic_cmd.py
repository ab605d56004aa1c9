"""`borrador clinic …`: volunteers, the clinic's details, authorisations, sheets and reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from borrador.cli import output
from borrador.cli.app import open_session, secret
from borrador.services.store import ENV_PASSPHRASE

ENV_NEW_PASSPHRASE = "BORRADOR_NEW_PASSPHRASE"  # noqa: S105 (a variable name)


_date = output.date_option  # one date callback for every command


@click.group()
def clinic() -> None:
    """Clinic mode: volunteers share one laptop and act as residents' authorised agents."""


@clinic.command("profile")
@click.option("--name", help="The clinic's name (signs as the organisation).")
@click.option("--organisation", default=None, help="Full organisation name, if different.")
@click.option("--address", default=None, help="Mailing address (use \\n between lines).")
@click.option("--email", default=None)
@click.option("--phone", default=None, help="The number residents call with questions.")
def profile(
    name: str | None,
    organisation: str | None,
    address: str | None,
    email: str | None,
    phone: str | None,
) -> None:
    """Show, or set, the clinic's details used in agent letters and resident sheets."""
    import dataclasses

    from borrador.services.profile import Agent

    with open_session() as session:
        current = session.profile.get() or Agent(name="")
        given = {
            "name": name,
            "organisation": organisation,
            "address": address,
            "email": email,
            "phone": phone,
        }
        changes = {k: v.replace("\\n", "\n") for k, v in given.items() if v is not None}
        if changes:
            session.profile.save(dataclasses.replace(current, **changes))
            current = session.profile.get() or current
    for key, value in dataclasses.asdict(current).items():
        click.echo(f"{key}: {value}".replace("\n", " / "))


@clinic.command("enable")
@click.option("--volunteer", required=True, help="Your name: the first volunteer.")
def enable(volunteer: str) -> None:
    """Turn clinic mode on; your passphrase becomes the first volunteer's."""
    with open_session() as session:
        passphrase = secret(ENV_PASSPHRASE, "Your passphrase")
        session.clinic.enable(passphrase, volunteer)
    click.echo(f"Clinic mode is on. {volunteer} is the first volunteer.")


@clinic.command("volunteers")
def volunteers() -> None:
    """List the volunteers who can open this laptop's data."""
    with open_session() as session:
        names = session.clinic.volunteers()
    click.echo("\n".join(names) if names else "Clinic mode is off.")


@clinic.command("add-volunteer")
@click.argument("name")
def add_volunteer(name: str) -> None:
    """Give NAME their own passphrase (asked twice, or from BORRADOR_NEW_PASSPHRASE)."""
    with open_session() as session:
        new = secret(ENV_NEW_PASSPHRASE, f"Passphrase for {name}", confirm=True)
        session.clinic.add_volunteer(name, new)
    click.echo(f"{name} can now open Borrador with their own passphrase.")


@clinic.command("remove-volunteer")
@click.argument("name")
def remove_volunteer(name: str) -> None:
    """Remove NAME and re-key the data: their passphrase and old key open nothing new."""
    with open_session() as session:
        stale = session.clinic.remove_volunteer(name)
    click.echo(f"{name} was removed and the database re-encrypted under a new key.")
    if stale:
        click.echo(
            "These backups still open with the old key; make a new backup, then destroy them:"
        )
        for path in stale:
            click.echo(f"  {path}")


@clinic.command("authorised")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--date", "signed_on", callback=_date, required=True, help="YYYY-MM-DD signed.")
def authorised(person_id: int, signed_on: dt.date) -> None:
    """Record the date the person signed the authorisation, on their open agent requests."""
    with open_session() as session:
        changed = session.clinic.record_authorization(person_id, signed_on)
    click.echo(f"Recorded on {len(changed)} request(s): {', '.join(str(r.id) for r in changed)}")


@clinic.command("progress")
@click.option("--volunteer", default="", help="Only residents this volunteer acted for.")
def progress(volunteer: str) -> None:
    """Each resident: requests, open, done, and agent letters still missing a signature."""
    with open_session() as session:
        rows = session.progress.per_person()
    for row in rows:
        if volunteer and volunteer not in row.volunteers:
            continue
        click.echo(
            f"{row.person_id}\t{row.name}\t{row.requests} requests, {row.open} open, "
            f"{row.done} done, {row.unauthorised} unsigned\t{', '.join(row.volunteers)}"
        )


@clinic.command("sheet")
@click.option("--person", "person_id", type=int, required=True)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def sheet(person_id: int, file: Path) -> None:
    """The resident's one-page sheet (PDF), in their language."""
    from borrador.services.files import write_person_file

    with open_session() as session:
        write_person_file(session.paths, person_id, file, session.reports.resident_sheet(person_id))
    click.echo(f"Wrote {file}")


@clinic.command("report")
@click.option("--person", "person_id", type=int, required=True)
@click.option("--language", type=click.Choice(["en", "es"]), default="en")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def report(person_id: int, language: str, file: Path) -> None:
    """The case report (PDF): every request, its timeline and deadlines."""
    from borrador.services.files import write_person_file

    with open_session() as session:
        data = session.reports.case_report(person_id, language)
        write_person_file(session.paths, person_id, file, data)
    click.echo(f"Wrote {file}")
