"""`borrador letters …` and `borrador templates …`: make, show and check letters."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from borrador.cli.app import open_session
from borrador.core.requests import ESCALATION_KINDS, LETTER_KINDS, Kind

KINDS = tuple(str(k) for k in LETTER_KINDS)  # a freeze has no letter: see 'borrador freeze'
ESCALATIONS = tuple(kind.value for kind in Kind if kind in ESCALATION_KINDS)

SENSITIVE_NOTE = (
    "A public-records request tells the agency the requester's name and contact details. "
    "Consider sending it through a clinic or organisation instead."
)


@click.group()
def letters() -> None:
    """Letters to brokers and agencies: make them, read them back."""


@letters.command("make")
@click.option("--person", "person_id", type=int, help="Whose letters (all kinds but escalations).")
@click.option(
    "--request",
    "request_id",
    type=int,
    help="For follow-up, appeal and complaint: the request they are about.",
)
@click.option("--broker", "brokers", multiple=True, help="A recipient's catalog slug (repeat).")
@click.option("--pack", help="Every member of a pack (see 'borrador brokers packs').")
@click.option("--kind", required=True, type=click.Choice(KINDS))
@click.option("--law", default="", help="Legal basis; chosen from the person's state if left out.")
@click.option("--format", "fmt", default="pdf", type=click.Choice(["txt", "pdf", "eml", "web"]))
@click.option("--combined", is_flag=True, help="Also one PDF of all letters, with a cover sheet.")
@click.option("--out", "out_dir", required=True,
              type=click.Path(path_type=Path, file_okay=False))  # fmt: skip
@click.option("--about", default="", help="Records requests and disputes: what you ask about.")
@click.option("--fee-waiver", is_flag=True, help="Records requests: ask to waive fees.")
@click.option("--agency-name", default="", help="For the generic state or local agency.")
@click.option("--agency-address", default="", help="Its mailing address (use \\n between lines).")
@click.option("--agency-state", default="",
              help="The generic agency's state (XX): its public-records law applies.")
@click.option("--yes", is_flag=True, help="Do not ask before a request that reveals the person.")
def make(
    person_id: int | None,
    request_id: int | None,
    brokers: tuple[str, ...],
    pack: str | None,
    kind: str,
    law: str,
    fmt: str,
    combined: bool,
    out_dir: Path,
    about: str,
    fee_waiver: bool,
    agency_name: str,
    agency_address: str,
    agency_state: str,
    yes: bool,
) -> None:
    """Draft requests (status 'drafted') with their letters and the person's explainers.

    Follow-ups, appeals and complaints are made from a request: --kind appeal --request ID.
    """
    if kind in ESCALATIONS:
        if request_id is None:
            raise click.UsageError(f"a {kind} letter needs --request ID (the request it is "
                                   "about).")  # fmt: skip
        _escalate(request_id, kind, "txt" if fmt == "web" else fmt, out_dir)
        return
    if person_id is None:
        raise click.UsageError("name the person with --person ID.")
    if not brokers and not pack:
        raise click.UsageError("name recipients with --broker or --pack.")
    options = {"about": about, "fee_waiver": fee_waiver, "agency_name": agency_name,
               "agency_address": agency_address.replace("\\n", "\n"),
               "agency_state": agency_state.strip().upper()}  # fmt: skip
    with open_session() as session:
        for problem in session.letters.templates.errors:
            click.echo(f"borrador: your template is not used: {problem}", err=True)
        recipients = list(brokers)
        if pack:
            recipients += [e.slug for e in session.catalog.catalog().pack_members(pack)]
        if kind == "records" and not yes:
            click.echo(f"Warning: {SENSITIVE_NOTE}", err=True)
            if not click.confirm("Make the letter anyway?", err=True, default=False):
                raise click.Abort()
        recipients = list(dict.fromkeys(recipients))
        bar: Any
        with click.progressbar(length=len(recipients), label="Preparing letters",
                               file=sys.stderr) as bar:  # fmt: skip
            made = session.letters.make(
                person_id, recipients, kind, fmt=fmt, out_dir=out_dir,
                law=law, combined=combined, options=options,
                progress=lambda n, total: bar.update(1))  # fmt: skip
    for m in made:
        files = ", ".join(p.name for p in m.files)
        click.echo(f"Request {m.request.id}: {m.request.kind} to {m.request.recipient} "
                   f"({m.request.legal_basis}) -> {files}")  # fmt: skip
    if combined and fmt == "pdf":
        click.echo(f"All letters in one file: {out_dir / 'letters-combined.pdf'}")
    click.echo("Review each letter, send it, then record it: borrador requests mark ID sent "
               "--channel mail --confirmation NUMBER")  # fmt: skip


@letters.command("escalate")
@click.argument("request_id", type=int)
@click.option("--kind", required=True, type=click.Choice(ESCALATIONS))
@click.option("--format", "fmt", default="pdf", type=click.Choice(["txt", "pdf", "eml"]))
@click.option("--out", "out_dir", required=True,
              type=click.Path(path_type=Path, file_okay=False))  # fmt: skip
def escalate(request_id: int, kind: str, fmt: str, out_dir: Path) -> None:
    """A follow-up, an appeal or a regulator complaint about a request, with its history."""
    _escalate(request_id, kind, fmt, out_dir)


def _escalate(request_id: int, kind: str, fmt: str, out_dir: Path) -> None:
    with open_session() as session:
        made = session.letters.escalate(request_id, kind, fmt=fmt, out_dir=out_dir)
    click.echo(f"Request {made.request.id} ({kind} about {request_id}) -> "
               f"{', '.join(p.name for p in made.files)}")  # fmt: skip


@letters.command("guide")
@click.argument("topic", type=click.Choice(["drop", "own-file"]))
@click.option("--person", "person_id", type=int, required=True)
def guide(topic: str, person_id: int) -> None:
    """A guide with no letter: California's DROP, or one's own immigration file."""
    with open_session() as session:
        form = session.letters.drop_guide(person_id).text if topic == "drop" else ""
        sheet = session.letters.guide(person_id, topic)
    click.echo(form + ("\n" if form else "") + sheet, nl=False)


@letters.command("show")
@click.argument("request_id", type=int)
def show(request_id: int) -> None:
    """The exact letter text stored with a request."""
    with open_session() as session:
        request = session.requests.get(request_id)
    if not request.letter_text:
        raise click.ClickException(f"request {request_id} has no letter yet.")
    click.echo(request.letter_text, nl=False)


@click.group()
def templates() -> None:
    """Letter templates, including your own in the data folder's templates/."""


@templates.command("list")
def list_() -> None:
    with open_session() as session:
        library = session.letters.templates
    for info in sorted(library.infos.values(), key=lambda i: i.name):
        mark = " (yours)" if info.user else ""
        click.echo(f"{info.name:<40} {info.kind:<13} {', '.join(info.basis) or '-':<16} "
                   f"{info.title}{mark}")  # fmt: skip


@templates.command("check")
def check() -> None:
    """Validate every template, yours included: syntax, variables, a trial render."""
    with open_session() as session:
        problems = session.letters.check_templates()
    if problems:
        for problem in problems:
            click.echo(f"borrador: {problem}", err=True)
        raise SystemExit(2)
    click.echo("All templates are valid.")
