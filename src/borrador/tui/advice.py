"""Errors as a TUI user reads them: the services' hints name CLI commands and flags; here
each becomes the screen and key that does the same, or is left out."""

from __future__ import annotations

import re

from borrador.core.errors import BorradorError, ValidationError
from borrador.i18n import N_, _

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


def advice(error: BorradorError) -> str:
    """What the screen says about `error`."""
    return without_commands(str(error))


def field_advice(error: ValidationError) -> str:
    """What to say under the field a refusal names (the field's label is already there)."""
    problem = error.problem if error.problem.endswith((".", "?", "!")) else error.problem + "."
    return without_commands(f"{problem} {error.hint}".strip())
