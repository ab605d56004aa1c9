"""`borrador scorecard`: how brokers answered this store's own requests, and an anonymised
export a clinic can share (counts only, months only, small cells suppressed)."""

from __future__ import annotations

from pathlib import Path

import click

from borrador.cli import output
from borrador.cli.app import current_paths, open_session


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True)
@click.option("--broker", default=None, help="Only this broker (its catalog slug).")
@click.pass_context
def scorecard(ctx: click.Context, as_json: bool, broker: str | None) -> None:
    """Per broker: answered within the legal deadline, median days, denials, re-listings."""
    if ctx.invoked_subcommand is not None:
        return
    from borrador.services.scorecard import score_json

    with open_session() as session:
        scores = session.scorecard.scores()
    if broker:
        scores = [s for s in scores if s.broker == broker.strip().lower()]
    if as_json:
        click.echo(output.dumps([score_json(s) for s in scores]))
        return
    if not scores:
        click.echo("No sent requests yet: nothing to score.")
        return
    click.echo(
        f"{'broker':<26} {'sent':>5} {'answered':>8} {'in time':>7} {'late':>5} "
        f"{'overdue':>7} {'median d':>8} {'denied':>6} {'relisted':>8}"
    )
    for s in scores:
        median = f"{s.median_days_to_answer:g}" if s.median_days_to_answer is not None else "-"
        click.echo(
            f"{s.broker:<26} {s.sent:>5} {s.answered:>8} {s.answered_in_time:>7} "
            f"{s.answered_late:>5} {s.overdue_unanswered:>7} {median:>8} "
            f"{s.denials:>6} {s.relistings:>8}"
        )
        for exemption, n in sorted(s.denials_by_exemption.items()):
            click.echo(f"    denied under: {exemption} ({n})")
    click.echo("'In time' and 'late' count only requests with a legal deadline.")


@scorecard.command("export")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def export(file: Path) -> None:
    """Write the anonymised scorecard (no names, ids or free text; counts under 5 left out)."""
    from borrador.services.files import write_export

    if file.exists():
        raise click.ClickException(f"{file} already exists; nothing was written.")
    with open_session() as session:
        data = session.scorecard.anonymised()
    write_export(current_paths(), file, (output.dumps(data) + "\n").encode(), kind="scorecard")
    click.echo(
        f"Wrote {file}: {len(data['brokers'])} brokers with at least "
        f"{data['suppressed_below']} requests each."
    )
