"""The options a mail account takes, shared by `mail setup` (SMTP) and `replies setup` (IMAP)."""

from __future__ import annotations

import click

security_option = click.option(
    "--security",
    type=click.Choice(["tls", "starttls", "plain"]),
    default="tls",
    help="tls = encrypted from the start; plain is refused except to this machine.",
)
ca_file_option = click.option(
    "--ca-file", default="", help="An extra certificate authority to trust."
)
remember_option = click.option(
    "--remember-password",
    is_flag=True,
    help="Keep the password in this computer's keyring (if it has one).",
)
