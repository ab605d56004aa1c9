"""`borrador due`, `borrador deadlines …`, `borrador calendar export`, `borrador settings …`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import click

from borrador.cli import output
from borrador.cli.app import current_paths, open_session

KINDS = ("opt-out", "delete", "access", "correct", "disclosure", "dispute", "records", "appeal")


_date = output.date_option  # one date callback for every command


@click.group()
def deadlines() -> None:
    """The law table: statutes, their clocks, and what they give for a date."""


@deadlines.command("laws")
@click.option("--json", "as_json", is_flag=True)
def laws(as_json: bool) -> None:
    """List the legal bases Borrador knows, with their deadlines, dates in force and sources."""
    from borrador.services.law_info import law_rows

    rows = law_rows()
    if as_json:
        click.echo(output.dumps(rows))
        return
    for r in rows:
        ack = f"acknowledge {_days(r['acknowledge'])}, " if r["acknowledge"] else ""
        ext = f", +{_days(r['extension'])}" if r["extension"] else ""
        mark = " [courtesy target]" if r["courtesy"] else ""
        since = f" from {r['effective_from']}" if r["effective_from"] else ""
        auto = " [not chosen automatically]" if not r["auto"] else ""
        kinds = ", ".join(r["kinds"]) + (f" ({r['variant']})" if r["variant"] else "")
        click.echo(
            f"{r['law']:<14} {kinds:<36} {ack}respond {_days(r['respond'])}{ext}"
            f"{since}{mark}{auto} [{r['source_quality']}]"
        )


def _days(period: dict[str, Any]) -> str:
    return f"{period['days']} {'business' if period['business'] else 'calendar'} days"


@deadlines.command("compute")
@click.option("--law", required=True, help="A law id or alias (see 'borrador deadlines laws').")
@click.option("--kind", required=True, type=click.Choice(KINDS))
@click.option("--received", required=True, callback=_date, help="YYYY-MM-DD")
@click.option(
    "--after-free-report",
    is_flag=True,
    help="An FCRA dispute made after a free annual report: 45 days (§1681j(a)(3)).",
)
@click.option("--json", "as_json", is_flag=True)
def compute_cmd(law: str, kind: str, received: dt.date, after_free_report: bool,
                as_json: bool) -> None:  # fmt: skip
    """The acknowledgement, response and extended dates for a request received on a date."""
    from borrador.services.law_info import deadline_facts

    result, data = deadline_facts(law, kind, received, after_free_report=after_free_report)
    if as_json:
        click.echo(output.dumps(data))
        return
    rule = result.rule
    label = "Target date (no statute sets one)" if rule.courtesy else "Respond by"
    click.echo(f"{rule.name} — {rule.citation}")
    if not result.in_force:
        click.echo(f"  Not in force on {received} (from {rule.effective_from}): no legal "
                   "deadline yet.")  # fmt: skip
    start = received
    if result.clock_start:
        start = result.clock_start
        click.echo(f"  The clock starts on {start}: {rule.clock_from_note}")
    if result.acknowledge_by:
        click.echo(f"  Acknowledge by: {result.acknowledge_by}  ({rule.acknowledge})")
    click.echo(f"  {label}: {result.respond_by}  ({rule.respond} after {start})")
    if result.extended_respond_by:
        click.echo(f"  If extended:    {result.extended_respond_by}  (+{rule.extension}; "
                   f"{rule.extension_note})")  # fmt: skip
    for moved in result.rolled:
        click.echo(f"  Moved: {moved.reason}.")
    if rule.unverified:
        click.echo(f"  Unverified: {rule.unverified}")


@click.command()
@click.option("--within", type=click.IntRange(0, 3650), help="Only what is due within DAYS.")
@click.option("--json", "as_json", is_flag=True)
def due(within: int | None, as_json: bool) -> None:
    """What is overdue or coming due, and what to do about each."""
    with open_session() as session:
        items = session.tracking.due(within)
    if as_json:
        # Field by field, not dataclasses.asdict: that deep-copies every value of 10,000 items.
        fields = [f.name for f in dataclasses.fields(items[0])] if items else []
        click.echo(output.dumps([
            {**{f: getattr(i, f) for f in fields}, "date": i.date.isoformat(),
             "overdue": i.overdue, "action": i.action}
            for i in items]))  # fmt: skip
        return
    if not items:
        click.echo("Nothing is due" + (f" within {within} days." if within is not None else "."))
        return
    for i in items:
        when = f"OVERDUE {-i.days_left}d" if i.overdue else f"in {i.days_left}d"
        click.echo(f"{when:>13}  #{i.request_id:<5} {i.initials:<4} {i.recipient_name} — "
                   f"{i.what} {i.date}. {i.action}")  # fmt: skip


@click.group()
def calendar() -> None:
    """Export deadlines to any calendar program."""


@calendar.command("export")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def export(file: Path) -> None:
    """Write FILE.ics: one all-day event per open deadline and re-check, with a reminder."""
    from borrador.services.files import write_export

    with open_session() as session:
        items, data = session.tracking.calendar(stamp=dt.datetime.now(dt.UTC))
    whose = {i.person_id for i in items}
    write_export(current_paths(), file, data, kind="calendar", person_ids=whose)
    click.echo(f"Wrote {len(items)} events to {file}. Events show initials and recipients only.")


@click.group()
def settings() -> None:
    """Preferences (kept in config.toml in the data folder)."""


@settings.command("show")
def settings_show() -> None:
    from borrador.services.preferences import LIMITS, Preferences

    current = dataclasses.asdict(Preferences(current_paths().config).current)
    for key, value in current.items():
        about = LIMITS[key][2] if key in LIMITS else "en or es (empty: from the environment)"
        click.echo(f"{key:<17} {value!s:<5} {about}")


@settings.command("set")
@click.argument("key")
@click.argument("value")
def settings_set(key: str, value: str) -> None:
    from borrador.services.preferences import Preferences

    Preferences(current_paths().config).save(key, value)
    click.echo(f"{key} = {value}")
