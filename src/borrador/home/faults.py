"""Fault injection for the crash tests: a named point where a write can be cut short.

Inert unless a test names a point, either with `arm()` or in the BORRADOR_FAULT environment
variable (for a child process). It only ever stops the program, so it cannot weaken a check:
the worst it does is what a power cut would do.
"""

from __future__ import annotations

import os

ENV_FAULT = "BORRADOR_FAULT"
KILLED_STATUS = 137  # as if by SIGKILL: no cleanup handler runs

_armed: str = ""


class InjectedFault(BaseException):  # a BaseException: no `except Exception` may swallow it
    """Raised (instead of a hard kill) when a test arms a point with `kill=False`."""


_kill = True
_hits = 0


def arm(point: str, *, kill: bool = True) -> None:
    """Name the point to fail at in this process ("name" or "name#N" for its Nth passing);
    "" disarms."""
    global _armed, _kill, _hits
    _armed, _kill, _hits = point, kill, 0


def fault_point(point: str) -> None:
    """Stop here if a test named this point; otherwise do nothing."""
    global _hits
    target = _armed or os.environ.get(ENV_FAULT, "")
    if not target:
        return
    name, _, nth = target.partition("#")
    if name != point:
        return
    _hits += 1
    if _hits < (int(nth) if nth.isdigit() else 1):
        return
    if _kill or not _armed:
        os._exit(KILLED_STATUS)
    raise InjectedFault(point)
