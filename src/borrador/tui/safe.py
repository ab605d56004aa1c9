"""Showing stored or imported text: always literal (never Textual markup), always sanitized."""

from __future__ import annotations

from rich.text import Text

from borrador.core.display import sanitize


def literal(value: object, style: str = "") -> Text:
    """A Rich Text: square brackets in a name are just characters, never markup or actions."""
    return Text(sanitize("" if value is None else str(value)), style=style)
