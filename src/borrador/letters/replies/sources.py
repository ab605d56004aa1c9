"""Messages read out of .eml files and .mbox mailboxes, each with where it came from, so a
bad one can be reported by file and position and the rest still read."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from borrador.letters.replies.message import MAX_MESSAGE_BYTES

MAX_MESSAGES_PER_IMPORT = 20_000
MAX_EML_BYTES = MAX_MESSAGE_BYTES
_QUOTED_FROM = re.compile(rb"^>+From ")


@dataclasses.dataclass(frozen=True)
class RawMessage:
    file: str
    position: str  # "message 3 (line 120)" in a mailbox, "" for a single .eml
    data: bytes | None  # None: not readable; `problem` says why
    problem: str = ""


def _is_mbox(path: Path) -> bool:
    if path.suffix.lower() in (".mbox", ".mbx") or path.name.lower() == "mbox":
        return True
    if path.suffix.lower() == ".eml":
        return False
    with path.open("rb") as handle:
        return handle.read(5) == b"From "


def _mbox(path: Path, name: str) -> Iterator[RawMessage]:
    """Split on 'From ' lines after a blank line (or at the start); un-quote '>From '."""
    lines: list[bytes] = []
    size, number, start_line, previous_blank = 0, 0, 1, True
    too_big = False

    def finish() -> RawMessage:
        where = f"message {number} (line {start_line})"
        if too_big:
            return RawMessage(name, where, None, f"larger than {MAX_MESSAGE_BYTES // 2**20} MB")
        return RawMessage(name, where, b"".join(lines))

    with path.open("rb") as handle:
        for line_no, line in enumerate(handle, 1):
            if previous_blank and line.startswith(b"From "):
                if number:
                    yield finish()
                number += 1
                lines, size, too_big, start_line = [], 0, False, line_no
                previous_blank = False
                continue
            previous_blank = line in (b"\n", b"\r\n")
            if not number:
                if line.strip():
                    yield RawMessage(
                        name,
                        f"line {line_no}",
                        None,
                        "the mailbox does not start with a 'From ' line; is it an mbox file?",
                    )
                    return
                continue
            size += len(line)
            if size > MAX_MESSAGE_BYTES:
                too_big, lines = True, []
                continue
            if not too_big:
                lines.append(line[1:] if _QUOTED_FROM.match(line) else line)
    if number:
        yield finish()


def read_files(files: list[Path]) -> Iterator[RawMessage]:
    """Every message in the files, in order; at most MAX_MESSAGES_PER_IMPORT in all."""
    count = 0
    for path in files:
        name = str(path)
        if not path.is_file():
            yield RawMessage(name, "", None, "no such file")
            continue
        try:
            if _is_mbox(path):
                source: Iterator[RawMessage] = _mbox(path, name)
            elif path.stat().st_size > MAX_EML_BYTES:
                source = iter([RawMessage(name, "", None, "larger than 25 MB")])
            else:
                source = iter([RawMessage(name, "", path.read_bytes())])
            for item in source:
                count += 1
                if count > MAX_MESSAGES_PER_IMPORT:
                    yield RawMessage(
                        name,
                        item.position,
                        None,
                        f"more than "
                        f"{MAX_MESSAGES_PER_IMPORT} messages in one import; "
                        "import the rest separately",
                    )
                    return
                yield item
        except OSError as exc:
            yield RawMessage(name, "", None, f"cannot be read ({exc.strerror or exc})")
