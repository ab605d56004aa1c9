"""Checks for single fields: text, dates, state codes. Each error names its field."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from borrador.core.errors import N_, ValidationError
from borrador.core.us_states import state_code

# Bidi embedding/override/isolate controls let stored text disguise itself on screen.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI"
)
US_STATES: frozenset[str] = frozenset(_STATE_CODES.split())

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_US_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")  # month/day/year, as written in the US


# What _bad_char looks for, found in one pass; the loop below then names it.
_SUSPECT_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _bad_char(text: str, allow_newlines: bool) -> str | None:
    if not _SUSPECT_RE.search(text):
        return None
    for ch in text:
        if allow_newlines and ch in "\n\t":
            continue
        if ch in _BIDI_CONTROLS:
            return f"U+{ord(ch):04X} (a text-direction control)"
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs"):
            name = "NUL" if ch == "\0" else f"U+{ord(ch):04X}"
            return f"{name} (a control character)"
    return None


def clean_text(
    field: str,
    value: object,
    *,
    max_len: int,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """A trimmed string with no control characters, within `max_len` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(
            field, N_("must be text, not {type_name}"), type_name=type(value).__name__
        )
    text = value.strip()
    if required and not text:
        raise ValidationError(field, N_("is required and may not be empty"))
    if len(text) > max_len:
        raise ValidationError(
            field,
            N_("is {length} characters long; the limit is {max_len}"),
            length=len(text),
            max_len=max_len,
        )
    bad = _bad_char(text, multiline)
    if bad:
        raise ValidationError(field, N_("contains {bad}; remove it and try again"), bad=bad)
    return text


def clean_list(field: str, value: object, *, max_items: int) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValidationError(
            field, N_("must be a list, not {type_name}"), type_name=type(value).__name__
        )
    if len(value) > max_items:
        raise ValidationError(
            field,
            N_("has {count} entries; the limit is {max_items}"),
            count=len(value),
            max_items=max_items,
        )
    return list(value)


def parse_date(field: str, value: object) -> dt.date:
    """A calendar date from a `datetime.date`, a YYYY-MM-DD string, or a US month/day/year
    one (11/30/2026)."""
    if isinstance(value, dt.datetime):
        raise ValidationError(field, N_("must be a date without a time (YYYY-MM-DD)"))
    if isinstance(value, dt.date):
        return value
    us = _US_DATE_RE.fullmatch(value.strip()) if isinstance(value, str) else None
    if us:
        month, day, year = (int(g) for g in us.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValidationError(field, N_("{value!r} is not a real calendar date "
                                  "(month/day/year)"), value=value) from None  # fmt: skip
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value.strip()):
        raise ValidationError(field, N_("{value!r} is not a date; write it as YYYY-MM-DD or "
                              "MM/DD/YYYY"), value=value)  # fmt: skip
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            field, N_("{value!r} is not a real calendar date"), value=value
        ) from None


def parse_state(field: str, value: object, *, required: bool = False) -> str:
    """A two-letter US state or territory code, upper-cased; empty when not given. A state's
    name in English or Spanish ("Texas") is taken as its code."""
    text = clean_text(field, value, max_len=40, required=required)
    text = state_code(text) or text.upper()
    if text and text not in US_STATES:
        raise ValidationError(
            field, N_("{text!r} is not a US state code (e.g. CA, CO, IL)"), text=text
        )
    return text
