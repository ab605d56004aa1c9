"""Text made safe to show in a terminal: no control characters, escape sequences or bidi
overrides, whatever a database row or an imported file contains."""

from __future__ import annotations

import re

# C0 and C1 controls (but newline and tab), DEL, and the bidi embedding/override/isolate marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def sanitize(text: str) -> str:
    return _UNSAFE.sub("", text)


# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """A CSV cell that no spreadsheet will execute: formula-like text gets a leading quote."""
    text = sanitize("" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text
