"""The notes Borrador itself writes into a request's history. They are stored in English (the
history is evidence, and the same in every language) and shown in the reader's language: from
the template kept with the note (`core.requests.worded_note`), or, for notes written before
templates were kept, by matching the English against the notes Borrador writes."""

from __future__ import annotations

import re
from collections.abc import Callable

from borrador.core.errors import fill
from borrador.core.requests import NOTE_TEMPLATE, Event
from borrador.i18n import N_, shown

NOTES = (
    N_("Letter drafted ({fmt})."),
    N_("Letter text stored."),
    N_("{kind} sent as request {id}"),
    N_("{kind} about request {id}"),
    N_("Signed authorisation of the agent recorded ({signed_on})."),
    N_("The server accepted the email."),
    N_("Listing checked: removed."),
    N_("Security freeze placed."),
    N_("Received by the recipient."),
    N_("Re-checked: not listed."),
    N_("Listed again: new request {id}."),
    N_("Sending by email."),
    N_("Email not sent: {problem}"),
)
WORD_PARAMS = ("kind",)  # a request kind, itself translated; other values stay as they are


def _pattern(note: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", note)
    regex = "".join(re.escape(p) if n % 2 == 0 else f"(?P<{p}>.+?)" for n, p in enumerate(parts))
    return re.compile(rf"\A{regex}\Z")


PATTERNS = tuple((note, _pattern(note)) for note in NOTES)


def shown_note(note: str, translate: Callable[[str], str] = shown) -> str:
    """`note` in the language `translate` speaks when Borrador wrote it; a person's own note
    as they wrote it."""
    for english, pattern in PATTERNS:
        found = pattern.match(note)
        if found:
            values = {k: translate(v) if k in WORD_PARAMS else v
                      for k, v in found.groupdict().items()}  # fmt: skip
            return translate(english).format(**values)
    return note


def event_note(event: Event, translate: Callable[[str], str] = shown) -> str:
    """The event's note in the language `translate` speaks ("" for none: `_("")` would be
    the catalog's header)."""
    detail = dict(event.detail)
    template = detail.get(NOTE_TEMPLATE)
    if not template:
        return shown_note(event.note, translate) if event.note else ""
    params = {key[5:]: translate(value) if key[5:] in WORD_PARAMS else value
              for key, value in detail.items() if key.startswith("note:")}  # fmt: skip
    try:
        return fill(translate(template), params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a {name}
        return event.note
