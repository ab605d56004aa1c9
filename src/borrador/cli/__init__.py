"""Command-line front end (click). Imports no Textual or Rich; calls only `services`.

Subcommand modules load only when their command runs, so a quick command such as
`borrador requests list --json` pays for nothing else.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from borrador.cli.app import cli
from borrador.core.display import sanitize


class _SanitizedStdout:
    """Everything the CLI prints goes through `sanitize`: stored or imported text can never
    send escape sequences, control characters or bidi overrides to the terminal."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(sanitize(text)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(open_tui: Callable[[], None] | None = None, args: Sequence[str] | None = None) -> None:
    """Run the CLI on `args` (default: the command line). `open_tui` starts the full-screen
    interface (given by `borrador.main`, so the CLI never imports the TUI: both front ends sit
    side by side). Ends with SystemExit, as click does."""
    sys.stdout = _SanitizedStdout(sys.stdout)
    cli(args=None if args is None else list(args), prog_name="borrador", obj={"open_tui": open_tui})


__all__ = ["cli", "main"]
