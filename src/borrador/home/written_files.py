"""A list of the files Borrador wrote outside the database (letters, calendars, CSV, backups),
so that erasing a person, or panic erase, can find and remove them without unlocking anything.

Each line is written *before* its file: the final name, the random temp name it is written
under first, whose data it holds (person ids, or "*" for a file that may name anyone) and the
requests it belongs to. A write cut short therefore always leaves a trace. The log holds ids
and paths only: file names carry a request number and a broker's slug, never a person's name.

Line format (tab separated): kind, request ids, final path, person ids, temp path. Lines of
the older three-field form (kind, request id, path) are still read.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path

from borrador.core.errors import N_
from borrador.home.paths import FILE_MODE, Paths, temp_name, write_private_file

EVERYONE = "*"


@dataclasses.dataclass(frozen=True)
class Written:
    kind: str
    path: Path
    request_ids: frozenset[int] = frozenset()
    person_ids: frozenset[int] = frozenset()
    anyone: bool = False  # may name anyone in the store (a CSV of all requests, a calendar)
    tmp: Path | None = None

    def names(self, person_id: int) -> bool:
        return self.anyone or person_id in self.person_ids

    @property
    def shared(self) -> bool:
        """Holds the data of more than one person (removed whole when erasing one of them)."""
        return self.anyone or len(self.person_ids) > 1

    @property
    def request_id(self) -> int:
        return min(self.request_ids, default=0)


def _ids(values: Iterable[int]) -> str:
    return ",".join(str(int(v)) for v in sorted(set(values)))


def record(
    paths: Paths,
    written: Path,
    *,
    request_id: int = 0,
    kind: str = "file",
    person_ids: Iterable[int] | None = (),
    request_ids: Iterable[int] = (),
    tmp: Path | None = None,
) -> None:
    """Log a file about to be written. `person_ids=None` means it may name anyone."""
    requests = {*request_ids, *([request_id] if request_id else [])}
    people = EVERYONE if person_ids is None else _ids(person_ids)
    line = "\t".join([kind, _ids(requests) or "0", str(written.resolve()), people,
                      str(tmp.resolve()) if tmp else ""])  # fmt: skip
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(paths.exports_log, flags, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _parse_ids(text: str) -> frozenset[int] | None:
    parts = [p for p in text.split(",") if p]
    if not all(p.isdigit() for p in parts):
        return None
    return frozenset(int(p) for p in parts if int(p))


def written(paths: Paths) -> list[Written]:
    """Every logged file (the same path may appear more than once)."""
    if not paths.exports_log.exists():
        return []
    found = []
    for line in paths.exports_log.read_text("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:  # the older form
            parts += ["", ""]
        if len(parts) != 5 or not parts[2]:
            continue
        kind, requests, path, people, tmp = parts
        request_ids = _parse_ids(requests)
        if request_ids is None:
            continue
        person_ids = frozenset() if people == EVERYONE else (_parse_ids(people) or frozenset())
        if kind.startswith("person:") and kind[7:].isdigit():  # the older form of a sheet
            person_ids = person_ids | {int(kind[7:])}
        found.append(Written(kind, Path(path), request_ids, person_ids, people == EVERYONE,
                             Path(tmp) if tmp else None))  # fmt: skip
    return found


def entries(paths: Paths) -> list[tuple[str, int, Path]]:
    """(kind, request id, path) for every logged file."""
    return [(w.kind, w.request_id, w.path) for w in written(paths)]


def person_kind(person_id: int) -> str:
    """The log's kind for a file about one person (sheet, case report, hand-off bundle)."""
    return f"person:{person_id}"


def write_logged(
    paths: Paths,
    path: Path,
    data: bytes,
    *,
    kind: str,
    person_ids: Iterable[int] | None,
    request_ids: Iterable[int] = (),
) -> Path:
    """Log the final and temp names, then write (atomically, 0600)."""
    tmp = temp_name(path)
    record(paths, path, kind=kind, person_ids=person_ids, request_ids=request_ids, tmp=tmp)
    write_private_file(path, data, tmp=tmp)
    return path


def write_person_file(paths: Paths, person_id: int, path: Path, data: bytes) -> None:
    """Write a file about one person (0600, never over another) and log it, so erasing the
    person, or panic erase, destroys it too."""
    from borrador.core.errors import BorradorError

    if path.exists() or path.is_symlink():
        raise BorradorError(
            N_("{path} already exists; nothing was written."),
            hint=N_("Choose a new file name."),
            path=path,
        )
    write_logged(paths, path, data, kind=person_kind(person_id), person_ids=[person_id])


def rewrite(paths: Paths, keep: list[Written]) -> None:
    """Replace the log with `keep` (after erasing: lines for files that are gone go too)."""
    lines = []
    for w in keep:
        people = EVERYONE if w.anyone else _ids(w.person_ids)
        lines.append("\t".join([w.kind, _ids(w.request_ids) or "0", str(w.path), people,
                                str(w.tmp) if w.tmp else ""]))  # fmt: skip
    write_private_file(paths.exports_log, "".join(line + "\n" for line in lines).encode())
