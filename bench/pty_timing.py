"""Time a terminal program from exec to a text on its screen, in a pseudo-terminal.

Both sides of a start-up comparison run this same way: a new process, a real terminal size,
the clock stopped when the marker first appears in what the program drew."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*\x07|\x1b.")


def time_to_marker(
    argv: list[str],
    env: dict[str, str],
    markers: list[bytes],
    size: tuple[int, int] = (100, 32),
    timeout: float = 60.0,
) -> list[float]:
    """Seconds from exec until each marker (a regex on the text drawn) first appears."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                            env={**env, "TERM": "xterm-256color"},
                            start_new_session=True)  # fmt: skip
    os.close(slave)
    seen = b""
    found: list[float] = []
    try:
        while len(found) < len(markers):
            if time.perf_counter() - start > timeout:
                tail = ANSI.sub(b"", seen)[-1500:]
                raise TimeoutError(f"{markers[len(found)]!r} never appeared; last drawn: {tail!r}")
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            text = ANSI.sub(b"", seen)
            while len(found) < len(markers) and re.search(markers[len(found)], text):
                found.append(time.perf_counter() - start)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(master)
    if len(found) < len(markers):
        raise RuntimeError(f"the program ended before {markers[len(found)]!r} appeared")
    return found
