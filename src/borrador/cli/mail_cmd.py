"""`borrador mail …`: set up the outgoing account, test it, send letters, or open them in a
mail program."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from borrador.cli.app import fail, open_session
from borrador.cli.mail_options import ca_file_option, remember_option, security_option

ENV_SMTP_PASSWORD = "BORRADOR_SMTP_PASSWORD"  # noqa: S105 (a variable name; for scripts)


def _ask() -> str:
    from_env = os.environ.get(ENV_SMTP_PASSWORD, "")
    if from_env or not sys.stdin.isatty():
        return from_env
    return str(click.prompt("Mail password", hide_input=True, err=True))


@click.group()
def mail() -> None:
    """Send letters from your own mailbox (SMTP), with a copy kept as evidence."""


@mail.command("setup")
@click.option("--host", required=True, help="The outgoing (SMTP) server, e.g. smtp.example.org.")
@click.option("--port", type=int, help="Default: 465 for tls, 587 for starttls.")
@security_option
@click.option("--user", default="", help="The account's user name (often the address).")
@click.option("--from", "from_address", required=True, help="The address letters come from.")
@ca_file_option
@remember_option
def setup(
    host: str,
    port: int | None,
    security: str,
    user: str,
    from_address: str,
    ca_file: str,
    remember_password: bool,
) -> None:
    """Save the outgoing mail account (the password is never written to a file)."""
    from borrador.services.mail import account_type

    MailAccount = account_type()
    port = port or {"tls": 465, "starttls": 587, "plain": 25}[security]
    account = MailAccount(host.strip(), port, security, user.strip(), from_address.strip(),
                          ca_file.strip())  # fmt: skip
    password = _ask() if user else ""
    with open_session() as session:
        session.mail.save_account(account, password, remember=remember_password)
    click.echo(f"Saved the account for {from_address} on {host}:{port} ({security}).")


@mail.command("test")
def test() -> None:
    """Connect and sign in; sends nothing."""
    with open_session() as session:
        click.echo(session.mail.test(session.mail.password(_ask)))


@mail.command("send")
@click.argument("request_ids", type=int, nargs=-1, required=True)
@click.option("--attach-pdf", is_flag=True, help="Attach the letter as a PDF too.")
@click.option(
    "--pause",
    type=click.FloatRange(0, 600),
    default=2.0,
    help="Seconds between messages, so the provider does not block the account.",
)
@click.option("--resend", is_flag=True, help="Send even if an earlier attempt may have gone.")
@click.option(
    "--without-authorisation",
    "unsigned",
    is_flag=True,
    help="Send agent letters even though no signed authorisation is recorded.",
)
def send(
    request_ids: tuple[int, ...], attach_pdf: bool, pause: float, resend: bool, unsigned: bool
) -> None:
    """Send the stored letters of drafted requests, each by email to the recipient."""
    with open_session() as session:
        password = session.mail.password(_ask)
        bar: Any
        with click.progressbar(length=len(request_ids), label="Sending", file=sys.stderr) as bar:
            results = session.mail.send(list(request_ids), password=password, pause=pause,
                                          attach_pdf=attach_pdf, resend=resend,
                                          without_authorisation=unsigned,
                                          progress=lambda n, total: bar.update(1))  # fmt: skip
    for result in results:
        click.echo(f"Request {result.request_id}: {result.message}")
    failed = [r for r in results if not r.sent and not r.done_before]
    if failed:
        fail(f"{len(failed)} of {len(results)} not sent; run the same command again to retry "
             "the ones that failed (nothing is sent twice).")  # fmt: skip


@mail.command("open")
@click.argument("request_id", type=int)
@click.option("--print", "print_only", is_flag=True, help="Print the mailto: link only.")
def open_(request_id: int, print_only: bool) -> None:
    """Open the letter in your own mail program; then mark it sent by hand."""
    with open_session() as session:
        link = session.mail.mailto_link(session.requests.get(request_id), "Privacy request")
    if link is None:
        fail("no email address for this recipient, or no letter yet.")
    if print_only:
        click.echo(link)
        return
    click.launch(link)
    click.echo(f"Opened in your mail program. Once sent: borrador requests mark {request_id} sent "
               "--channel email")  # fmt: skip
