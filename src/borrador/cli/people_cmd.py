"""`borrador people …`: add from a TOML/JSON file, list, show, edit."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import click

from borrador.cli import output
from borrador.cli.app import open_session
from borrador.core.errors import BorradorError, ValidationError


def read_person_file(path: Path) -> dict[str, Any]:
    """The person table from a .toml or .json file; errors name the file and the line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BorradorError(f"{path}: cannot be read ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BorradorError(
            f"{path}: is not UTF-8 text (byte {exc.start}).", hint="Save it as UTF-8 and try again."
        ) from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise BorradorError(f"{path}: line {exc.lineno}, column {exc.colno}: {exc.msg}.") from None
    except tomllib.TOMLDecodeError as exc:
        raise BorradorError(f"{path}: {exc}.", hint="Check the TOML syntax there.") from None
    if not isinstance(data, dict):
        raise BorradorError(f"{path}: must hold one table of person fields.")
    return data


def _with_file(path: Path, action: Any) -> Any:
    try:
        return action()
    except ValidationError as exc:
        raise BorradorError(
            f"{path}: {exc.message}", hint=exc.hint or "Fix that field and run again."
        ) from None


@click.group()
def people() -> None:
    """The people whose data you are asking brokers to remove."""


@people.command("add")
@click.option(
    "--from-file",
    "from_file",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A .toml or .json file with the person's details (see the README).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the new person as JSON.")
def add(from_file: Path, as_json: bool) -> None:
    """Add a person from a file."""
    data = read_person_file(from_file)
    with open_session() as session:
        person = _with_file(from_file, lambda: session.people.add(data))
    click.echo(
        output.dumps(output.person_json(person))
        if as_json
        else f"Added person {person.id}: {person.name}"
    )


@people.command("edit")
@click.argument("person_id", type=int)
@click.option(
    "--from-file", "from_file", required=True, type=click.Path(path_type=Path, dir_okay=False)
)
def edit(person_id: int, from_file: Path) -> None:
    """Replace a person's details with those in a file."""
    data = read_person_file(from_file)
    with open_session() as session:
        person = _with_file(from_file, lambda: session.people.edit(person_id, data))
    click.echo(f"Updated person {person.id}: {person.name}")


@people.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def list_(as_json: bool) -> None:
    """List everyone in the store."""
    with open_session() as session:
        everyone = session.people.all()
    if as_json:
        click.echo(output.dumps([output.person_json(p) for p in everyone]))
    elif not everyone:
        click.echo("No people yet. Add one with 'borrador people add --from-file FILE'.")
    else:
        click.echo("\n".join(output.person_line(p) for p in everyone))


@people.command("show")
@click.argument("person_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(person_id: int, as_json: bool) -> None:
    """Show one person's details."""
    with open_session() as session:
        person = session.people.get(person_id)
    click.echo(output.dumps(output.person_json(person)) if as_json else output.person_text(person))
