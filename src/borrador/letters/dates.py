"""The long date format letters, explainers and reports use, in a given language (Babel)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


@functools.cache
def long_date(language: str) -> Callable[[Any], str]:
    from babel import Locale
    from babel.dates import format_date

    locale = Locale.parse(language.replace("-", "_"))
    return lambda day: format_date(day, format="long", locale=locale)
