"""Command-line front end (click). Imports no Textual or Rich; calls only `services`."""

from __future__ import annotations

from borrador.cli import keys_cmd, people_cmd, requests_cmd
from borrador.cli.app import cli

for module in (keys_cmd, people_cmd, requests_cmd):
    module.register(cli)


def main() -> None:
    cli(prog_name="borrador")


__all__ = ["cli", "main"]
