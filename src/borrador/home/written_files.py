"""A list of the files Borrador wrote outside the database (letters, calendars, CSV, backups),
so that panic erase can find and remove them without unlocking anything.

It holds paths and request numbers only: file names carry a request number and a broker's
slug, never a person's name.
"""

from __future__ import annotations

import os
from pathlib import Path

from borrador.home.paths import FILE_MODE, Paths, write_private_file


def record(paths: Paths, written: Path, *, request_id: int = 0, kind: str = "file") -> None:
    line = f"{kind}\t{request_id}\t{written.resolve()}\n"
    fd = os.open(paths.exports_log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(line)


def entries(paths: Paths) -> list[tuple[str, int, Path]]:
    if not paths.exports_log.exists():
        return []
    found = []
    for line in paths.exports_log.read_text("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1].isdigit():
            found.append((parts[0], int(parts[1]), Path(parts[2])))
    return found


def person_kind(person_id: int) -> str:
    """The log's kind for a file about one person (sheet, case report, hand-off bundle)."""
    return f"person:{person_id}"


def write_person_file(paths: Paths, person_id: int, path: Path, data: bytes) -> None:
    """Write a file about one person (0600, never over another) and log it, so erasing the
    person, or panic erase, destroys it too."""
    from borrador.core.errors import BorradorError

    if path.exists():
        raise BorradorError(
            f"{path} already exists; nothing was written.", hint="Choose a new file name."
        )
    write_private_file(path, data)
    record(paths, path, kind=person_kind(person_id))
