"""Where "today" comes from: passed in, so the core never reads the clock itself."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def today(self) -> dt.date: ...
    def now(self) -> str: ...


class SystemClock:
    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> str:
        return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
