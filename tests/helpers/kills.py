"""Kills at chosen points, for the crash tests: the operation runs in a forked child that
arms one fault point (borrador.home.faults) and dies there as if by SIGKILL (no cleanup
handler runs). Forking keeps it fast: nothing is imported again, the floor KDF is reused."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

KILLED = 137


def run_killed(point: str, operation: Callable[[], object]) -> bool:
    """Run `operation` in a child killed at `point` ("name#N": at its Nth passing). True if it died there; False if it
    finished without reaching the point. A child that fails otherwise raises here."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 0
        try:
            _arm(point)
            operation()
        except BaseException:
            import traceback

            traceback.print_exc()
            status = 3
        os._exit(status)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, KILLED):
        raise AssertionError(f"the child failed (exit {code}) before reaching {point}")
    return code == KILLED


def _arm(point: str) -> None:
    try:
        from borrador.home.faults import arm
    except ImportError:  # the code before the hook existed: the nearest equivalent place
        _arm_without_hook(point)
        return
    arm(point)


def _arm_without_hook(point: str) -> None:
    """Only for running these tests against the commit before the fault hook existed: a
    kill at the first rename of a written file (`*.before-rename`) or the Nth rename."""
    real = os.replace
    count = {"n": 0}
    nth = int(point.rsplit("#", 1)[1]) if "#" in point else 1

    def replace(src: object, dst: object) -> None:
        count["n"] += 1
        if count["n"] >= nth:
            os._exit(KILLED)
        real(src, dst)  # type: ignore[arg-type]

    os.replace = replace  # type: ignore[assignment]


def files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def holding(canary: bytes, *roots: Path) -> list[Path]:
    """Files under `roots` whose bytes contain `canary` (plaintext)."""
    return [p for p in files_under(*roots) if canary in p.read_bytes()]


def logged_paths(log: Path) -> set[str]:
    """Every final and temp path named in the written-files log."""
    names: set[str] = set()
    if log.exists():
        for line in log.read_text("utf-8", "replace").splitlines():
            names.update(part for part in line.split("\t") if part.startswith("/"))
    return names
