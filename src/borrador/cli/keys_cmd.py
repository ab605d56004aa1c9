"""`borrador init` and `borrador key …`: creating the store and managing its passphrase."""

from __future__ import annotations

import os
import sys

import click

from borrador.cli.app import current_paths, fail, open_session, secret
from borrador.services.store import ENV_PASSPHRASE


def _new_passphrase(prompt: str = "New passphrase") -> str:
    return secret(ENV_PASSPHRASE, prompt, confirm=True)


@click.command()
@click.option(
    "--remember",
    is_flag=True,
    help="Also keep a key in this computer's keyring, so it opens without asking.",
)
def init(remember: bool) -> None:
    """Create the encrypted store and set its passphrase.

    The passphrase is the only way in: Borrador cannot recover it. Write it down and keep it
    somewhere safe, away from this computer.
    """
    from borrador.services import init_store

    paths = current_paths()
    passphrase = _new_passphrase()
    with init_store(paths, passphrase) as session:
        if remember:
            session.keys.remember_on_device(passphrase)
    click.echo(f"Created an encrypted store in {paths.root}.")
    if remember:
        click.echo("This computer's keyring will open it without asking.")


@click.group()
def key() -> None:
    """Change the passphrase, or remember/forget it on this device."""


@key.command("change-passphrase")
def change_passphrase() -> None:
    """Re-wrap the database key under a new passphrase (the data is not re-encrypted)."""
    if not sys.stdin.isatty():
        fail("changing the passphrase needs a terminal to ask for the old and new ones.")
    old = str(click.prompt("Current passphrase", hide_input=True, err=True))
    new = str(click.prompt("New passphrase", hide_input=True, confirmation_prompt=True, err=True))
    with open_session(old) as session:  # asked once, not again to unlock
        session.keys.change_passphrase(old, new)
    click.echo("Passphrase changed.")


@key.command()
def remember() -> None:
    """Keep a key in this computer's keyring so the store opens without the passphrase."""
    passphrase = os.environ.get(ENV_PASSPHRASE) or (
        str(click.prompt("Passphrase", hide_input=True, err=True)) if sys.stdin.isatty() else ""
    )
    if not passphrase:
        fail(f"no passphrase: run in a terminal or set {ENV_PASSPHRASE}.")
    with open_session(passphrase) as session:
        session.keys.remember_on_device(passphrase)
    click.echo("This computer will open the store without asking. Undo: 'borrador key forget'.")


@key.command()
def forget() -> None:
    """Remove the keyring copy: the passphrase will be asked again."""
    with open_session() as session:
        session.keys.forget_on_device()
    click.echo("Forgotten on this device; the passphrase is needed from now on.")
