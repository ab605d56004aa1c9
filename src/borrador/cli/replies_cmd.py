"""`borrador replies …`: bring in answers from mail files or an IMAP mailbox, see what they
match, and apply a suggested next step only when you say so."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from borrador.cli import output
from borrador.cli import replies_output as show
from borrador.cli.app import fail, open_session
from borrador.cli.mail_options import ca_file_option, remember_option, security_option

ENV_IMAP_PASSWORD = "BORRADOR_IMAP_PASSWORD"  # noqa: S105 (a variable name; for scripts)


def _ask() -> str:
    from_env = os.environ.get(ENV_IMAP_PASSWORD, "")
    if from_env or not sys.stdin.isatty():
        return from_env
    return str(click.prompt("Incoming mail password", hide_input=True, err=True))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    from borrador.core.errors import ValidationError
    from borrador.core.text import parse_date

    if value is None:
        return None
    try:
        return parse_date(param.name or "date", value)
    except ValidationError as exc:
        raise click.BadParameter(exc.problem) from None


@click.group()
def replies() -> None:
    """Answers from recipients, brought in from mail files or your mailbox (read-only)."""


@replies.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
def import_(files: tuple[Path, ...], as_json: bool) -> None:
    """Read .eml files and .mbox mailboxes; match each message to a request. Changes no
    request's status: see the suggestions, then 'borrador replies accept'."""
    with open_session() as session:
        result = session.replies.import_files(list(files))
    if as_json:
        click.echo(output.dumps(show.result_json(result)))
    else:
        click.echo("\n".join(show.result_text(result)))


@replies.command("setup")
@click.option("--host", required=True, help="The incoming (IMAP) server, e.g. imap.example.org.")
@click.option("--port", type=int, help="Default: 993 for tls, 143 for starttls.")
@security_option
@click.option("--user", required=True, help="The account's user name (often the address).")
@click.option("--folder", default="INBOX", show_default=True, help="The folder to read.")
@ca_file_option
@remember_option
def setup(
    host: str,
    port: int | None,
    security: str,
    user: str,
    folder: str,
    ca_file: str,
    remember_password: bool,
) -> None:
    """Save the incoming mail account (the password is never written to a file)."""
    from borrador.services.replies import imap_account

    port = port or {"tls": 993, "starttls": 143, "plain": 143}[security]
    account = imap_account(
        host.strip(), port, security, user.strip(), folder.strip(), ca_file.strip()
    )
    password = _ask()
    with open_session() as session:
        session.replies.account.save(account, password, remember=remember_password)
    click.echo(
        f"Saved the incoming account {user} on {host}:{port} ({security}), folder "
        f"{folder}. Borrador only reads it: nothing is deleted, moved or flagged."
    )


@replies.command("fetch")
@click.option("--json", "as_json", is_flag=True)
def fetch(as_json: bool) -> None:
    """Read new messages since the last fetch (read-only), only from senders or threads that
    can match a request."""
    with open_session() as session:
        result = session.replies.fetch(session.replies.account.password(_ask))
    if as_json:
        click.echo(output.dumps(show.result_json(result)))
    else:
        click.echo("\n".join(show.result_text(result)))
    if result.interrupted:
        fail(f"the fetch stopped early: {result.interrupted}")


@replies.command("list")
@click.option("--unmatched", is_flag=True, help="Only those that matched no request.")
@click.option("--json", "as_json", is_flag=True)
def list_(unmatched: bool, as_json: bool) -> None:
    """Replies waiting for a decision: matched ones with a suggestion, and unmatched ones."""
    with open_session() as session:
        rows = (
            session.replies.unmatched()
            if unmatched
            else [*session.replies.pending(), *session.replies.unmatched()]
        )
    if as_json:
        click.echo(output.dumps([show.reply_json(r) for r in rows]))
    elif not rows:
        click.echo("No replies waiting. Bring some in: borrador replies import FILE…")
    else:
        click.echo("\n".join(show.reply_line(r) for r in rows))


@replies.command("show")
@click.argument("reply_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def show_(reply_id: int, as_json: bool) -> None:
    """The reply as plain text (HTML was turned into text; nothing was loaded or opened)."""
    with open_session() as session:
        row = session.replies.get(reply_id)
    click.echo(output.dumps(show.reply_json(row)) if as_json else show.reply_text(row))


@replies.command("assign")
@click.argument("reply_id", type=int)
@click.argument("request_id", type=int)
def assign(reply_id: int, request_id: int) -> None:
    """Say which request an unmatched reply answers."""
    with open_session() as session:
        row = session.replies.assign(reply_id, request_id)
    click.echo(
        f"Reply {reply_id} is now with request {request_id}; it suggests: "
        f"{row.suggested or 'nothing clear'}. Apply it: borrador replies accept "
        f"{reply_id}"
    )


@replies.command("dismiss")
@click.argument("reply_id", type=int)
def dismiss(reply_id: int) -> None:
    """Not about any request: erase its text (it will not be imported again)."""
    with open_session() as session:
        session.replies.dismiss(reply_id)
    click.echo(f"Dismissed reply {reply_id}; its text was erased.")


@replies.command("accept")
@click.argument("reply_id", type=int)
@click.option("--status", help="A different status than the one suggested.")
@click.option("--until", callback=_date, help="With 'extended': the new date (YYYY-MM-DD).")
@click.option("--exemption", default="", help="With 'denied': the exemption the reply names.")
@click.option("--on", "on", callback=_date, help="When it happened (default: the reply's date).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (scripts).")
def accept(
    reply_id: int,
    status: str | None,
    until: dt.date | None,
    exemption: str,
    on: dt.date | None,
    yes: bool,
) -> None:
    """Apply a reply's suggested next step to its request, after you confirm."""
    with open_session() as session:
        row = session.replies.get(reply_id)
        click.echo(show.reply_text(row).split("\n\n", 1)[0])
        chosen = status or row.suggested
        if not chosen:
            fail("the reply suggests nothing clear; say which status it means with --status.")
        if not yes:
            if not sys.stdin.isatty():
                fail("confirmation is needed: run in a terminal, or add --yes.")
            if not click.confirm(f"Mark request {row.request_id} {chosen}?", err=True):
                fail("nothing was changed.")
        done = session.replies.accept(
            reply_id, status=status or "", until=until, exemption=exemption, on=on
        )
    request = done.request
    due = request.extended_due_on or request.due_on
    click.echo(
        f"Request {request.id} is now {request.status}"
        + (f"; the answer is due {due}." if due and request.is_open else ".")
    )
    if done.appeal:
        click.echo(done.appeal)
