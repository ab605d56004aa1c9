"""The text a person sees on the screen (every layer: background screens, dialogs, footer,
notifications), as Textual draws it, with chosen widgets blanked out."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rich.console import Console

BOX = re.compile(r"[\u2500-\u259f\u25e2-\u25ff▁▂▃▄▅▆▇█▊▌▍▎▏▐▔▕]")  # borders, bars, scrollbars
PO = Path(__file__).resolve().parents[2] / "src/borrador/i18n/locale/es/LC_MESSAGES/borrador.po"


def screen_lines(app: object, blank: Iterable[str] = ()) -> list[str]:
    """The screen as lines of text; widgets with an id in `blank` (on any screen of the
    stack) are overwritten with spaces."""
    width, height = app.size  # type: ignore[attr-defined]
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system=None, legacy_windows=False)  # fmt: skip
    screen = app.screen  # type: ignore[attr-defined]
    console.print(screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))  # type: ignore[attr-defined]  # fmt: skip
    lines = [line.ljust(width) for line in console.export_text().splitlines()][:height]
    for shown in app.screen_stack:  # type: ignore[attr-defined]
        for name in blank:
            for widget in shown.query(f"#{name}"):
                region = widget.region
                for y in range(max(region.y, 0), min(region.bottom, len(lines))):
                    row = lines[y]
                    left, right = max(region.x, 0), min(region.right, width)
                    lines[y] = row[:left] + " " * (right - left) + row[right:]
    return lines


def flat(lines: Iterable[str]) -> str:
    """One line of words: borders gone, runs of spaces (and line ends) as one space, so a
    sentence wrapped over lines reads whole again."""
    return " ".join(BOX.sub(" ", " ".join(lines)).split())


@cache
def english_messages() -> tuple[tuple[str, str], ...]:
    """(English, Spanish) of every message whose Spanish differs."""
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    pairs = []
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english, spanish in zip(ids, strings, strict=False):
            if english and spanish and english != spanish:
                pairs.append((english, spanish))
    return tuple(pairs)


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@cache
def pattern(english: str) -> re.Pattern[str] | None:
    """A regex for `english` as shown (placeholders filled with anything short), or None when
    too short to tell: one word, or two short ones. Single words ("delete", "Street") are
    also the English catalog's own data (its notes, its addresses), which stays English."""
    parts = [" ".join(p.split()) for p in PLACEHOLDER.split(english)]
    words = re.findall(r"[A-Za-z]{2,}", " ".join(parts))
    if len(words) < 2 or (len(words) == 2 and len("".join(words)) < 12):
        return None
    body = r".{0,60}?".join(re.escape(p) for p in parts)
    return re.compile(rf"(?<![A-Za-zÀ-ÿ]){body}(?![A-Za-zÀ-ÿ])")


def english_found(text: str, ignore: Iterable[str] = ()) -> list[str]:
    """The English messages (with a different Spanish) that `text` contains; a message that
    is part of a longer one found is named once, as the longer one."""
    skipped = set(ignore)
    found = []
    for english, _spanish in english_messages():
        if english in skipped:
            continue
        regex = pattern(english)
        if regex is not None and regex.search(text):
            found.append(english)
    return [f for f in found if not any(f != g and f in g for g in found)]
