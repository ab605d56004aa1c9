"""Translations (gettext). Catalogs live in `locale/<lang>/LC_MESSAGES/borrador.po`, compiled
to `.mo` files that ship in the package (`python scripts/i18n.py` rebuilds them).

`_()` translates with the current language; `set_language()` switches it for everything that
renders afterwards. English is the source language (no catalog needed).
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

DOMAIN = "borrador"
LANGUAGES = {"en": "English", "es": "Español"}

_state: dict[str, object] = {"code": "en", "translations": gettext.NullTranslations()}


def locale_dir() -> Path:
    return Path(str(resources.files("borrador.i18n") / "locale"))


def base_language(code: str) -> str:
    """en, es: es-MX → es; unknown codes fall back to English."""
    base = (code or "en").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else "en"


def set_language(code: str) -> str:
    """Switch to `code` for everything that renders afterwards."""
    base = base_language(code)
    _state.update(code=base, translations=translator(base))
    return base


def language() -> str:
    return str(_state["code"])


def _(message: str) -> str:
    translations = _state["translations"]
    assert isinstance(translations, gettext.NullTranslations)
    return translations.gettext(message)


def shown(text: str) -> str:
    """`text` in the current language when the catalog has it, else as it is (the broker
    catalog's own English data, a user's note). An empty text stays empty: gettext would
    give the catalog's header for it."""
    return _(text) if text else text


def N_(message: str) -> str:
    """Marks a string for translation where it is defined; `_()` translates it when shown."""
    return message


def from_environment(environ: Mapping[str, str]) -> str:
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key, "")
        if value and value not in ("C", "POSIX"):
            return value.split(":")[0].split(".")[0]
    return "en"


def translator(code: str) -> gettext.NullTranslations:
    """Translations for one document in `code` (a resident's sheet), leaving the screen's
    language as it is."""
    base = base_language(code)
    if base == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, locale_dir(), languages=[base])
