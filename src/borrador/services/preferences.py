"""One source of the user's preferences (`config.toml`): one loader, one save path.

Every reader asks `current`, which re-reads the file when it changed on disk (another window
or the CLI saved it), so a saved setting reaches every part of an open session at once.
"""

from __future__ import annotations

import os
from pathlib import Path

from borrador.home.config import LANGUAGE_CODES, LIMITS, Settings, load_settings, save_setting

__all__ = ["LANGUAGE_CODES", "LIMITS", "Preferences", "Settings"]


class Preferences:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._current = Settings()

    def _file_stamp(self) -> tuple[int, int]:
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return (0, -1)
        return (info.st_mtime_ns, info.st_size)

    @property
    def current(self) -> Settings:
        stamp = self._file_stamp()
        if stamp != self._stamp:
            self._current = load_settings(self.path)
            self._stamp = stamp
        return self._current

    def save(self, key: str, value: str) -> Settings:
        """Check and write one setting; every reader sees it from now on."""
        self._current = save_setting(self.path, key, value)
        self._stamp = self._file_stamp()
        return self._current
