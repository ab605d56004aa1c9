"""Who has the store open: every open store holds a shared lock on `borrador.lock`; restore
needs it alone (an exclusive lock), so it refuses while another window or command has the
store open instead of silently losing that instance's later writes.

POSIX only (fcntl.flock); where there is no fcntl the lock is a no-op, and says so.
"""

from __future__ import annotations

import os

from borrador.home.paths import FILE_MODE, Paths

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SUPPORTED = fcntl is not None


class StoreLock:
    def __init__(self, paths: Paths) -> None:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        self._fd: int | None = os.open(paths.root / "borrador.lock", flags, FILE_MODE)

    def shared(self) -> None:
        """Wait for a shared hold (others may open too; restore may not)."""
        if fcntl is not None and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

    def alone(self) -> bool:
        """Try to hold it alone, without waiting: False if the store is open elsewhere."""
        if fcntl is None or self._fd is None:
            return True
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None
