"""`borrador requests …`: draft requests, list them, and record what happened."""

from __future__ import annotations

import datetime as dt

import click

from borrador.cli import output
from borrador.cli.app import open_session
from borrador.core.requests import Channel, Kind, Status
from borrador.services.requests import DENIAL_REASONS

_date = output.date_option  # one date callback for every command


@click.group()
def requests() -> None:
    """Requests to brokers and agencies, and their history."""


@requests.command("add")
@click.option("--person", "person_id", type=int, required=True, help="The person's id.")
@click.option(
    "--broker",
    "recipients",
    required=True,
    multiple=True,
    help="The recipient's catalog slug; repeat for several.",
)
@click.option("--kind", required=True, type=click.Choice([k.value for k in Kind]))
@click.option("--basis", default="", help="Legal basis, e.g. ccpa, fcra, foia.")
@click.option("--channel", type=click.Choice([c.value for c in Channel]))
@click.option("--note", default="", help="A private note kept with the request.")
@click.option(
    "--after-free-report",
    is_flag=True,
    help="An FCRA dispute made after a free annual report: 45 days (15 U.S.C. §1681j(a)(3)).",
)
@click.option("--agency-state", default="",
              help="The generic agency's state (XX): its public-records law applies.")
@click.option("--json", "as_json", is_flag=True)
def add(
    person_id: int,
    recipients: tuple[str, ...],
    kind: str,
    basis: str,
    channel: str | None,
    note: str,
    after_free_report: bool,
    agency_state: str,
    as_json: bool,
) -> None:
    """Draft a request (one per --broker) for a person."""
    with open_session() as session:
        made = session.requests.create_many(
            person_id, list(recipients), kind, legal_basis=basis, channel=channel, notes=note,
            after_free_report=after_free_report, agency_state=agency_state,
        )
    if as_json:
        click.echo(output.dumps([output.request_json(r) for r in made]))
    else:
        for r in made:
            click.echo(f"Drafted request {r.id}: {r.kind} to {r.recipient}")


@requests.command("list")
@click.option("--person", "person_id", type=int, help="Only this person's requests.")
@click.option("--json", "as_json", is_flag=True)
def list_(person_id: int | None, as_json: bool) -> None:
    """List requests, oldest first."""
    with open_session() as session:
        if as_json:
            click.echo(output.json_array(session.requests.find_json(person_id)))
            return
        found = session.requests.find(person_id)
    if not found:
        click.echo("No requests yet. Draft one with 'borrador requests add'.")
    else:
        click.echo("\n".join(output.request_line(r) for r in found))


@requests.command("show")
@click.argument("request_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.option("--reveal-pin", is_flag=True, help="A security freeze: also show its stored PIN.")
def show(request_id: int, as_json: bool, reveal_pin: bool) -> None:
    """Show a request with its full history."""
    from borrador.cli import replies_output
    from borrador.cli.freeze_cmd import state_json

    freeze, pin = None, None
    with open_session() as session:
        request = session.requests.get(request_id)
        events = session.requests.events(request_id)
        replies = session.replies.for_request(request_id)
        if request.kind is Kind.SECURITY_FREEZE:
            freeze = session.freezes.state(request_id)
            pin = session.freezes.reveal_pin(request_id) if reveal_pin else None
        elif reveal_pin:
            raise click.UsageError(f"request {request_id} is not a security freeze; it has no PIN.")
    if as_json:
        data = output.request_json(request, with_letter=True)
        data["events"] = [output.event_json(e) for e in events]
        data["replies"] = [replies_output.reply_json(r) for r in replies]
        if freeze is not None:
            data["freeze"] = state_json(freeze, pin)
        click.echo(output.dumps(data))
        return
    click.echo(output.request_text(request, events))
    if replies:
        click.echo("  Replies:")
        click.echo("\n".join("  " + replies_output.reply_line(r) for r in replies))
    if freeze is not None:
        until = f" until {freeze.thawed_until}" if freeze.thawed_until else ""
        click.echo(f"  Freeze: {freeze.state}{until}")
        if pin is not None:
            click.echo(f"  PIN: {pin or '(none stored)'}")
        elif freeze.pin_stored:
            click.echo("  PIN: stored encrypted (shown with --reveal-pin)")


@requests.command("mark")
@click.argument("request_id", type=int)
@click.argument("status", type=click.Choice([s.value for s in Status]))
@click.option("--on", "on", callback=_date, help="When it happened (YYYY-MM-DD; default today).")
@click.option("--note", default="", help="What happened, in a few words.")
@click.option(
    "--channel", type=click.Choice([c.value for c in Channel]), help="With 'sent': how it was sent."
)
@click.option(
    "--confirmation", default="", help="With 'sent': certified-mail or confirmation number."
)
@click.option("--until", callback=_date, help="With 'extended': the new due date announced.")
@click.option("--reason", type=click.Choice(DENIAL_REASONS), help="With 'denied': why.")
@click.option("--exemption", default="", help="With 'denied': the exemption the recipient named.")
@click.option("--case-number", default="",
              help="The recipient's own case or reference number (letters cite it).")
def mark(
    request_id: int,
    status: str,
    on: dt.date | None,
    note: str,
    channel: str | None,
    confirmation: str,
    until: dt.date | None,
    reason: str | None,
    exemption: str,
    case_number: str,
) -> None:
    """Record that a request moved to STATUS."""
    with open_session() as session:
        if status == "sent" and session.clinic.unauthorised([request_id]):
            click.echo(f"Warning: request {request_id} is an agent letter and the person's "
                       "signed authorisation is not recorded (borrador clinic authorised).",
                       err=True)  # fmt: skip
        request = session.requests.change_status(
            request_id, status, on=on, note=note, channel=channel, confirmation=confirmation,
            until=until, reason=reason, exemption=exemption,
            case_number=case_number)  # fmt: skip
        clocks = session.tracking.deadlines(request)
    click.echo(f"Request {request.id} is now {request.status}.")
    if clocks and request.is_open:
        due = request.extended_due_on or clocks.respond_by
        kind = "legal deadline" if clocks.legal else "target date (no statute)"
        estimated = " (receipt date estimated)" if clocks.receipt_estimated else ""
        click.echo(f"Answer due by {due} — {kind}, {clocks.rule.citation}{estimated}.")
    if request.recheck_on:
        click.echo(f"Check the listing again on {request.recheck_on}.")


@requests.command("note")
@click.argument("request_id", type=int)
@click.argument("text")
@click.option("--on", "on", callback=_date, help="When it happened (YYYY-MM-DD; default today).")
@click.option("--for-letter", is_flag=True,
              help="May be quoted in a follow-up, appeal or complaint (notes are private "
                   "otherwise).")  # fmt: skip
def note(request_id: int, text: str, on: dt.date | None, for_letter: bool) -> None:
    """Add a dated note to a request's history; it stays private unless --for-letter."""
    with open_session() as session:
        session.requests.add_note(request_id, text, on, for_letter=for_letter)
    where = "it may be quoted in later letters" if for_letter else "private: never in a letter"
    click.echo(f"Note added to request {request_id} ({where}).")


@requests.command("received")
@click.argument("request_id", type=int)
@click.option(
    "--on",
    "on",
    callback=_date,
    required=True,
    help="The date the recipient got it (delivery receipt, submission date).",
)
@click.option("--note", default="", help="Where the date comes from.")
def received(request_id: int, on: dt.date, note: str) -> None:
    """Record when the recipient received a request; deadlines are recomputed from it."""
    with open_session() as session:
        request = session.requests.mark_received(request_id, on, note)
        clocks = session.tracking.deadlines(request)
    click.echo(f"Request {request.id}: received on {on}.")
    if clocks:
        click.echo(f"Answer due by {request.extended_due_on or clocks.respond_by}.")


@requests.command("recheck")
@click.argument("request_id", type=int)
@click.option(
    "--listed/--not-listed",
    required=True,
    help="Whether the person is listed again by this broker.",
)
@click.option("--on", "on", callback=_date, help="When you checked (default today).")
@click.option("--note", default="")
def recheck(request_id: int, listed: bool, on: dt.date | None, note: str) -> None:
    """Record a re-check of a completed request (listed again opens a new request)."""
    with open_session() as session:
        request = session.requests.record_recheck(request_id, listed=listed, on=on, note=note)
    if listed:
        click.echo(f"Listed again: drafted request {request.id}, linked to {request_id}.")
    else:
        click.echo(f"Not listed. Next re-check on {request.recheck_on}.")


def _add_report_command() -> None:
    from borrador.cli.corrections_cmd import report

    requests.add_command(report)


_add_report_command()
