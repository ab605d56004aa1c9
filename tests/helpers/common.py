"""What many tests share: the passphrase of test stores, a fixed day, a clock that stays on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

PASSPHRASE = "una frase de paso larga"
TODAY = dt.date(2026, 11, 26)
ROOT = Path(__file__).resolve().parents[2]  # the repository: `tests` is importable from here


class FixedClock:
    def __init__(self, today: dt.date = TODAY) -> None:
        self.day = today

    def today(self) -> dt.date:
        return self.day

    def now(self) -> str:
        return f"{self.day.isoformat()}T12:00:00+00:00"


def all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]
