"""Command-line front end (click). Imports no Textual or Rich; calls only `services`.

Subcommand modules load only when their command runs, so a quick command such as
`borrador requests list --json` pays for nothing else.
"""

from __future__ import annotations

from borrador.cli.app import cli


def main() -> None:
    cli(prog_name="borrador")


__all__ = ["cli", "main"]
