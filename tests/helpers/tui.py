"""What the TUI tests share: the terminal size they run at, a second volunteer's passphrase, and
a wait for the screen to settle."""

from __future__ import annotations

import time
from typing import Any

SIZE = (100, 32)
TOMAS = "frase de tomás bastante larga"


async def settle(pilot: Any, timeout: float = 30) -> None:
    """Wait until the screen has stopped changing: workers done and the same picture three
    times running. A condition, not a delay: a DataTable sizes its columns when idle, after its
    rows arrive from a worker, and on a busy machine a fixed pause can end before that."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    shots: list[str] = []
    while len(shots) < 3 or len(set(shots[-3:])) > 1:
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen was still changing after {timeout} s")
        await app.workers.wait_for_complete()
        await pilot.wait_for_scheduled_animations()
        shots.append(app.export_screenshot())
