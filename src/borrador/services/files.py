"""Files written outside the encrypted store (exports, calendars, sheets): each is logged
with whose data it holds, before it is written, so erasing a person or everything finds it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from borrador.home.paths import Paths
from borrador.home.written_files import write_logged, write_person_file

__all__ = ["write_export", "write_person_file"]


def write_export(
    paths: Paths,
    target: Path,
    data: bytes,
    *,
    kind: str,
    person_ids: Iterable[int] | None = None,
) -> Path:
    """Write a file that may name anyone in the store (a CSV export, a calendar), logged
    first. `person_ids`: whose data it holds, when known; None means it may name anyone, so
    erasing any person removes it (and says so)."""
    return write_logged(paths, target, data, kind=kind, person_ids=person_ids)
