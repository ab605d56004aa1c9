"""Files written outside the encrypted store (exports, calendars, sheets): each is logged
with whose data it holds, so erasing a person or everything finds it."""

from __future__ import annotations

from pathlib import Path

from borrador.home.paths import Paths, write_private_file
from borrador.home.written_files import record, write_person_file

__all__ = ["write_export", "write_person_file"]


def write_export(paths: Paths, target: Path, data: bytes, *, kind: str) -> Path:
    """Write a file that may name anyone in the store (a CSV export, a calendar), logged."""
    record(paths, target, kind=kind)  # logged first: a crash mid-write still leaves a trace
    write_private_file(target, data)
    return target
