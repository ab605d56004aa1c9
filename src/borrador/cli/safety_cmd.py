"""`borrador backup|restore|erase|retention|check|export`: keeping data safe, and destroying it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from borrador.cli.app import current_paths, fail, open_session
from borrador.services.store import ENV_PASSPHRASE


def _confirm(action: str, word: str, yes: bool) -> None:
    """Typed confirmation, unless --yes (for scripts)."""
    if yes:
        return
    if not sys.stdin.isatty():
        fail(f"{action} needs a typed confirmation in a terminal, or --yes.")
    typed = click.prompt(
        f"{action}. Type {word} to go on", err=True, default="", show_default=False
    )
    if typed.strip() != word:
        fail("not confirmed; nothing was changed.")


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--own-passphrase",
    is_flag=True,
    help="Protect the backup with a separate passphrase (and its own key).",
)
def backup(file: Path, own_passphrase: bool) -> None:
    """Write an encrypted, verified copy of everything to FILE (safe while in use)."""

    passphrase = None
    if own_passphrase:
        if not sys.stdin.isatty():
            fail("--own-passphrase needs a terminal to ask for the backup passphrase.")
        passphrase = str(click.prompt("Backup passphrase", hide_input=True,
                                      confirmation_prompt=True, err=True))  # fmt: skip
    with open_session() as session:
        session.safety.backup(file, backup_passphrase=passphrase)
    which = "its own passphrase" if own_passphrase else "the same passphrase"
    click.echo(f"Backup written to {file}; it opens with {which}.")


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--yes", is_flag=True, help="Do not ask for a typed confirmation.")
def restore(file: Path, yes: bool) -> None:
    """Replace the current data with a backup, after checking the backup completely."""
    from borrador.services.safety import restore_backup

    _confirm("This replaces all current data with the backup", "RESTORE", yes)
    passphrase = os.environ.get(ENV_PASSPHRASE, "")
    if not passphrase and sys.stdin.isatty():
        passphrase = str(click.prompt("The backup's passphrase", hide_input=True, err=True))
    if not passphrase:
        fail(f"a passphrase is needed: run in a terminal or set {ENV_PASSPHRASE}.")
    manifest = restore_backup(current_paths(), file, passphrase)
    click.echo(f"Restored the backup made {manifest.get('created', '?')}.")


@click.command()
@click.option("--everything", is_flag=True, help="Destroy all data, keys and exports.")
@click.option("--person", "person_id", type=int, help="Erase one person and all their requests.")
@click.option("--yes", is_flag=True, help="Do not ask for a typed confirmation.")
def erase(everything: bool, person_id: int | None, yes: bool) -> None:
    """Panic erase (--everything), or erase one person (--person ID). Cannot be undone."""
    from borrador.services.safety import erase_everything

    if everything == (person_id is not None):
        raise click.UsageError("give either --everything or --person ID.")
    if everything:
        _confirm("This destroys every key, the database and every export", "ERASE", yes)
        erased = erase_everything(current_paths())
        click.echo(f"Erased {erased.files} files in {erased.seconds:.2f} s. The old passphrase "
                   "opens nothing.")  # fmt: skip
        return
    with open_session() as session:
        person = session.people.get(person_id or 0)
        _confirm(f"This erases person {person.id} and all their requests", "ERASE", yes)
        erased = session.safety.erase_person(person.id or 0)
    click.echo(f"Erased person {person_id}, {erased.requests} requests and {erased.files} "
               "files about them.")  # fmt: skip
    for path in erased.shared:
        click.echo(f"Also removed {path} whole: it held other people's data too. "
                   "Export it again if they need it.")  # fmt: skip
    for path in erased.backups:
        click.echo(f"The backup {path} still holds this person (encrypted): restoring it "
                   "brings them back. Delete it, or make a new backup and delete the old.")


@click.command()
@click.option("--days", type=click.IntRange(1, 36500), help="Default: the retention_days setting.")
@click.option("--yes", is_flag=True, help="Purge what is listed, without asking.")
def retention(days: int | None, yes: bool) -> None:
    """List closed requests older than N days (and people with none left); purge with --yes."""

    with open_session() as session:
        days = days or session.preferences.current.retention_days
        if not days:
            fail(
                "retention is off: set it with 'borrador settings set retention_days N' or --days."
            )
        requests, people = session.safety.retention_candidates(days)
        click.echo(f"Closed over {days} days ago: {len(requests)} requests "
                   f"{requests[:20]}{'…' if len(requests) > 20 else ''}; "
                   f"people left with none: {people}")  # fmt: skip
        if requests and (yes or (sys.stdin.isatty() and click.confirm("Purge them?", err=True))):
            session.safety.purge(requests, people)
            click.echo("Purged.")


@click.command()
def check() -> None:
    """Verify every page of the database (authentication codes and structure)."""
    from borrador.services.store import check_database

    with open_session() as session:
        found = check_database(session.db)
    if found:
        fail(f"the database is damaged ({found[0]}). Restore a backup: borrador restore FILE")
    click.echo("The database is whole: every page checked.")


@click.command()
@click.argument("what", type=click.Choice(["requests", "progress"]))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--person", "person_id", type=int, help="Only this person's requests.")
def export(what: str, file: Path, person_id: int | None) -> None:
    """Export requests or per-person progress as CSV (safe to open in a spreadsheet)."""
    from borrador.services.files import write_export

    with open_session() as session:
        exports = session.exports
        text = exports.requests_csv(person_id) if what == "requests" else exports.progress_csv()
    whose = [person_id] if person_id is not None and what == "requests" else None
    write_export(current_paths(), file, text.encode("utf-8"), kind="csv", person_ids=whose)
    click.echo(f"Wrote {file}. It holds personal data: keep it safe, delete it when done.")
