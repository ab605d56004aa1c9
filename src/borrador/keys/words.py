"""The word list for one-time hand-off passphrases (256 words: 8 bits each), kept as data."""

from __future__ import annotations

import functools
from importlib.resources import files


@functools.cache
def handoff_words() -> tuple[str, ...]:
    text = files("borrador.keys").joinpath("handoff_words.txt").read_text(encoding="utf-8")
    words = tuple(w for w in text.split() if w)
    if len(words) != 256 or len(set(words)) != 256:
        raise RuntimeError("handoff_words.txt must hold 256 distinct words")
    return words
