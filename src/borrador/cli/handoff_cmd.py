"""`borrador handoff export|import`: one resident's file, to another machine, encrypted."""

from __future__ import annotations

from pathlib import Path

import click

from borrador.cli.app import open_session, secret

ENV_HANDOFF = "BORRADOR_HANDOFF_PASSPHRASE"


@click.group()
def handoff() -> None:
    """Move one resident's requests to another volunteer's Borrador."""


@handoff.command("export")
@click.option("--person", "person_id", type=int, required=True)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def export(person_id: int, file: Path) -> None:
    """Write the resident's person, requests, history and letters to FILE. The one-time
    passphrase is the last line printed: read it to the other volunteer, do not send it
    with the file."""

    with open_session() as session:
        passphrase = session.handoff.export(person_id, file)
    click.echo(f"Wrote {file}. Its one-time passphrase (say it aloud; never send it with it):")
    click.echo(passphrase)


@handoff.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def import_(file: Path) -> None:
    """Add the resident in FILE; importing the same file again adds nothing twice."""

    passphrase = secret(ENV_HANDOFF, "The bundle's passphrase")
    with open_session() as session:
        person_id, counts = session.handoff.import_file(file, passphrase)
    click.echo(
        f"Person {person_id}: {'added' if counts['person'] else 'already here'}; "
        f"{counts['requests']} new request(s), {counts['updated']} updated, "
        f"{counts['events']} new history entries."
    )
