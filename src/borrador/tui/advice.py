"""Errors as a TUI user reads them: in the screen's language (an error keeps its English
template and parameters; see core/errors.py), and where the services' hints name CLI commands
and flags, the screen and key that does the same, or nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import Enum

from borrador.core.errors import BorradorError, Phrase, ValidationError, Words, fill
from borrador.core.errors import sentence as full_stop
from borrador.i18n import N_, _
from borrador.tui.dates import show_date

# (what the hint mentions, what to say in the TUI instead); "" drops the hint.
INSTEAD = (
    ("borrador people edit", N_("Add it on the People screen (F2): open the person, press e.")),
    ("borrador people list", ""),
    ("borrador requests", ""),
    ("borrador mail setup", N_("Set up the mail account in Settings (F5).")),
    ("borrador clinic profile", N_("Enter the clinic's details in Settings (F5).")),
    ("borrador restore", N_("Restore it in Settings (F5) → Restore…")),
    ("borrador brokers", N_("The Catalog screen (F3) shows every entry.")),
    ("borrador init", ""),
    ("borrador deadlines", ""),
    ("borrador templates", ""),
)
COMMAND = re.compile(r"'borrador [^']*'|`borrador [^`]*`|--[a-z][a-z-]+|BORRADOR_[A-Z]+")


def without_commands(text: str) -> str:
    """`text` with any sentence naming a command, flag or variable replaced or dropped."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    kept: list[str] = []
    for sentence in sentences:
        if not COMMAND.search(sentence):
            kept.append(sentence)
            continue
        instead = next((i for mention, i in INSTEAD if mention in sentence), "")
        if instead and _(instead) not in kept:
            kept.append(_(instead))
    return " ".join(kept)


# Field keys the services name in a ValidationError, as the TUI calls them (an index or a
# container is dropped: "addresses[0].postal_code" is the ZIP code). A field not listed is left
# out of the message rather than shown as an English identifier.
FIELD_LABELS = {
    "name": N_("Name"), "other_names": N_("Other names"), "birth_date": N_("Date of birth"),
    "state": N_("State"), "language": N_("Language"), "emails": N_("Email"),
    "email": N_("Email"), "phones": N_("Phone"), "street": N_("Street"), "unit": N_("Unit"),
    "city": N_("City"), "postal_code": N_("ZIP code"), "notes": N_("Notes"), "note": N_("Note"),
    "addresses": N_("Address"), "date": N_("Date"), "on": N_("Date"),
    "until": N_("New due date"), "filed_on": N_("Date"), "received": N_("Date"),
    "channel": N_("Channel"), "confirmation": N_("Confirmation number"),
    "reason": N_("Reason"), "status": N_("Status"), "kind": N_("Kind"),
    "recipient": N_("Recipient"), "agency_state": N_("The agency's state"),
    "request": N_("Request"), "person": N_("Person"), "volunteer": N_("Volunteer"),
    "from": N_("From"), "format": N_("Format"), "evidence": N_("Evidence"),
    "reply": N_("Reply"), "about": N_("What is disputed"),
}  # fmt: skip


def field_label(field: str) -> str:
    """What the screen calls `field` ("" for one it has no name for)."""
    key = re.sub(r"\[\d+\]", "", field).rsplit(".", 1)[-1]
    label = FIELD_LABELS.get(key)
    return _(label) if label else ""


def _shown(value: object) -> object:
    """A parameter as the screen shows it: vocabulary and worded parts in its language."""
    if isinstance(value, Phrase):
        return _filled(value.template, value.params)
    if isinstance(value, Enum):
        return _(str(value))
    if isinstance(value, dt.date):  # as the screens show dates (not the CLI's ISO form)
        return show_date(value)
    if isinstance(value, Words):
        return ", ".join(str(_shown(word)) for word in value)
    return value


def _filled(template: str, params: Mapping[str, object]) -> str:
    if not template:
        return ""  # _("") would be the catalog's header
    shown = {key: _shown(value) for key, value in params.items()}
    try:
        return fill(_(template), shown)
    except (KeyError, IndexError, ValueError):  # a translation that lost a {name}: the English
        return fill(template, shown)


def in_language(error: BorradorError, *, named: bool = True) -> str:
    """`error` in the screen's language; `named=False` leaves out the field it is about (the
    form shows it under that field)."""
    text = _filled(error.template, error.params)
    if named and isinstance(error, ValidationError) and (label := field_label(error.field)):
        text = f"{label}: {text}"
    if error.where:
        text = f"{error.where}: {text}"
    return f"{full_stop(text)} {_filled(error.hint_template, error.params)}".strip()


def advice(error: BorradorError, *, named: bool = True) -> str:
    """What the screen says about `error`: in its language, with the CLI's commands turned into
    the screens that do the same (the translations keep the commands as they are)."""
    return without_commands(in_language(error, named=named))
