"""The root `borrador` command: error handling, unlocking, and the status summary."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, NoReturn

import click

from borrador import __version__
from borrador.core.display import sanitize
from borrador.core.errors import BorradorError
from borrador.services.store import Paths, data_paths

USER_ERROR = 2


def fail(message: str) -> NoReturn:
    click.echo(f"borrador: {sanitize(message)}", err=True)
    sys.exit(USER_ERROR)


# command name -> (module, attribute): loaded on first use.
SUBCOMMANDS = {
    "init": ("borrador.cli.keys_cmd", "init"),
    "key": ("borrador.cli.keys_cmd", "key"),
    "people": ("borrador.cli.people_cmd", "people"),
    "requests": ("borrador.cli.requests_cmd", "requests"),
    "brokers": ("borrador.cli.brokers_cmd", "brokers"),
    "catalog": ("borrador.cli.brokers_cmd", "catalog_group"),
    "letters": ("borrador.cli.letters_cmd", "letters"),
    "templates": ("borrador.cli.letters_cmd", "templates"),
    "mail": ("borrador.cli.mail_cmd", "mail"),
    "replies": ("borrador.cli.replies_cmd", "replies"),
    "backup": ("borrador.cli.safety_cmd", "backup"),
    "restore": ("borrador.cli.safety_cmd", "restore"),
    "erase": ("borrador.cli.safety_cmd", "erase"),
    "retention": ("borrador.cli.safety_cmd", "retention"),
    "check": ("borrador.cli.safety_cmd", "check"),
    "export": ("borrador.cli.safety_cmd", "export"),
    "due": ("borrador.cli.tracking_cmd", "due"),
    "deadlines": ("borrador.cli.tracking_cmd", "deadlines"),
    "calendar": ("borrador.cli.tracking_cmd", "calendar"),
    "settings": ("borrador.cli.tracking_cmd", "settings"),
    "clinic": ("borrador.cli.clinic_cmd", "clinic"),
    "handoff": ("borrador.cli.handoff_cmd", "handoff"),
    "drop": ("borrador.cli.drop_cmd", "drop"),
    "freeze": ("borrador.cli.freeze_cmd", "freeze"),
    "listings": ("borrador.cli.listings_cmd", "listings"),
    "scorecard": ("borrador.cli.scorecard_cmd", "scorecard"),
}


class Group(click.Group):
    """Loads subcommands lazily, and turns every error into one line on stderr: exit 2 for
    what the user can fix, 1 (with no traceback) for a bug."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in SUBCOMMANDS:
            module_name, attribute = SUBCOMMANDS[cmd_name]
            command: click.Command = getattr(importlib.import_module(module_name), attribute)
            return command
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BorradorError as exc:
            fail(str(exc))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # output piped into `head` and the like: not an error
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            fail("interrupted; nothing half-written was kept.")
        except Exception as exc:
            from borrador.services.store import is_sqlite_error

            if is_sqlite_error(exc):  # a page failed its check: damaged or tampered with
                fail("the database is damaged or was altered, so nothing more was read. "
                     "Restore a backup: borrador restore FILE")  # fmt: skip
            # A bug: say so without a traceback or personal data.
            click.echo(
                f"borrador: internal error ({type(exc).__name__}); the last change was "
                "not saved. Please report it, with the command you ran.",
                err=True,
            )
            sys.exit(1)


def ask_passphrase() -> str:
    if not sys.stdin.isatty():
        return ""
    return str(click.prompt("Passphrase", hide_input=True, err=True))


def secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    """A passphrase from `env` (scripts), else typed in a terminal (hidden), else a clear
    error: never read from a pipe by surprise."""
    given = os.environ.get(env, "")
    if given:
        return given
    if not sys.stdin.isatty():
        fail(f"no terminal to ask for a passphrase; set {env} and run again.")
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True))


def current_paths() -> Paths:
    return data_paths()


def open_session(passphrase: str | None = None) -> Any:
    """The store, unlocked by the keyring, `passphrase` (when the command already asked for
    it), BORRADOR_PASSPHRASE, or by asking at a terminal."""
    from borrador.services import open_store

    session = open_store(current_paths(), passphrase=passphrase, ask=ask_passphrase)
    for warning in session.warnings:
        click.echo(f"borrador: warning: {warning}", err=True)
    return session


@click.group(
    cls=Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, "--version", prog_name="borrador")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Borrador: draft, send and track the letters that get you out of data brokers.

    Everything is stored encrypted on this computer, in the folder BORRADOR_HOME names
    (or your user data folder). Nothing leaves it unless you send it.
    """
    os.umask(0o077)
    if ctx.invoked_subcommand is None:
        open_tui = (ctx.obj or {}).get("open_tui")
        if open_tui is not None and sys.stdin.isatty() and sys.stdout.isatty():
            open_tui()
        else:
            show_status()


def show_status() -> None:
    from borrador.services import store_exists

    paths = current_paths()
    click.echo(f"Borrador {__version__} — data folder: {paths.root}")
    if not store_exists(paths):
        click.echo("No data yet. Start with 'borrador init', then 'borrador people add'.")
        return
    with open_session() as session:
        summary = session.summary()
    click.echo(
        f"People: {summary.people}. Requests: {summary.requests} ({summary.open_requests} open)."
    )
    for status, count in sorted(summary.requests_by_status.items()):
        click.echo(f"  {status:<24} {count}")
    click.echo("See 'borrador --help' for commands.")
