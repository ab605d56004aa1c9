"""Dates shown in the user's language (Babel)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from borrador.i18n import language


@functools.cache
def _locale(code: str) -> Any:
    from babel import Locale

    return Locale.parse(code)


def show_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    from babel.dates import format_date

    return str(format_date(day, format="medium", locale=_locale(language())))
