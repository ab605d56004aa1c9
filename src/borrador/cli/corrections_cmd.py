"""`borrador requests report ID` and `borrador catalog corrections`: what users found wrong
with a catalog channel, kept for the catalog's maintainers."""

from __future__ import annotations

from pathlib import Path

import click

from borrador.cli import output
from borrador.cli.app import open_session
from borrador.services.corrections import PROBLEMS


@click.command("report")
@click.argument("request_id", type=int)
@click.option("--problem", required=True, type=click.Choice(list(PROBLEMS)),
              help="What went wrong with the channel.")  # fmt: skip
@click.option("--note", default="", help="A private note (kept here, never exported).")
@click.option("--json", "as_json", is_flag=True)
def report(request_id: int, problem: str, note: str, as_json: bool) -> None:
    """Report a problem with the catalog channel this request used."""
    with open_session() as session:
        saved = session.corrections.report(request_id, problem, note)
    if as_json:
        click.echo(output.dumps(saved._asdict()))
        return
    click.echo(f"Recorded: {PROBLEMS[problem]} ({saved.recipient}, {saved.channel or 'no channel'}"
               f"{': ' + saved.target if saved.target else ''}).")  # fmt: skip


@click.command("corrections")
@click.option("--out", "target", required=True,
              type=click.Path(path_type=Path, dir_okay=False))  # fmt: skip
def corrections(target: Path) -> None:
    """Write the reported problems for the catalog's maintainers (no personal data)."""
    with open_session() as session:
        count = session.corrections.export(target)
    click.echo(f"Wrote {count} corrections to {target}: recipients, channels, problems and "
               "months only.")  # fmt: skip
