"""User settings in `config.toml` under the data folder: nothing personal, only preferences.

(Sender and clinic details are personal: they belong in the encrypted database, not here.)
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

from borrador.core.errors import N_, BorradorError
from borrador.home.paths import write_private_file

LIMITS = {
    "mail_days": (0, 30, "days a mailed letter takes to arrive, when no delivery date is known"),
    "due_soon_days": (1, 90, "how far ahead 'due soon' looks"),
    "reminder_days": (0, 30, "how many days before a deadline calendar reminders ring"),
    "retention_days": (0, 36500, "purge closed requests after this many days (0: never)"),
    "auto_lock_minutes": (0, 240, "lock the screen after this many idle minutes (0: never)"),
    "recheck_days": (7, 730, "days after completion to check a listing again, when the broker"
                             " has no re-list interval of its own"),
}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Settings:
    mail_days: int = 5
    due_soon_days: int = 7
    reminder_days: int = 3
    recheck_days: int = 90
    retention_days: int = 0
    auto_lock_minutes: int = 5
    language: str = ""  # en, es; empty: from the environment


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BorradorError(
            N_("{path}: {error}."), hint=N_("Fix or delete the file."), path=path, error=exc
        ) from None
    return Settings(**{key: _check(path, key, value) for key, value in data.items()})


LANGUAGE_CODES = ("", "en", "es")


def _check(path: Path, key: str, value: Any) -> Any:
    if key == "language":
        if value not in LANGUAGE_CODES:
            raise BorradorError(
                N_("{path}: language must be one of: en, es (or empty)."), path=path
            )
        return value
    if key not in LIMITS:
        raise BorradorError(N_("{path}: unknown setting {key!r}."),
                            hint=N_("Known: {known}."),
                            path=path, key=key, known=', '.join(sorted(LIMITS)))  # fmt: skip
    low, high, _ = LIMITS[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise BorradorError(
            N_("{path}: {key} must be a whole number from {low} to {high}."),
            path=path,
            key=key,
            low=low,
            high=high,
        )
    return value


def save_setting(path: Path, key: str, value: str) -> Settings:
    current = dataclasses.asdict(load_settings(path))
    if key == "language":
        current[key] = _check(path, key, value)
    else:
        try:
            number = int(value)
        except ValueError:
            raise BorradorError(
                N_("{key} must be a whole number, not {value!r}."), key=key, value=value
            ) from None
        current[key] = _check(path, key, number)
    text = "".join(f"{k} = {v!r}\n" if isinstance(v, str) else f"{k} = {v}\n"
                   for k, v in current.items())  # fmt: skip
    write_private_file(path, text.encode())
    return Settings(**current)
