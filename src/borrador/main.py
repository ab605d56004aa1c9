"""The `borrador` command: the CLI, which opens the TUI when run with no arguments in a
terminal. The only module that knows both front ends."""

from __future__ import annotations

from collections.abc import Sequence


def _open_tui() -> None:
    from borrador.tui.app import run  # only here: a CLI command never loads Textual

    run()


def main(args: Sequence[str] | None = None) -> None:
    """`borrador ARGS` (default: the command line); tests run it in-process with `args`."""
    from borrador.cli import main as cli_main

    cli_main(open_tui=_open_tui, args=args)
