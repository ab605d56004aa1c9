"""Searching the catalog as you type: tolerant of case, accents and one-letter typos.

The index is built once per catalog. A query scans one prebuilt text per entry (a C-level
substring test), so thousands of entries answer in well under a frame; typo tolerance uses a
deletion index (words one deletion apart), never a slow edit-distance scan.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from borrador.catalog import model

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
MIN_FUZZY = 4


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_ALNUM.sub(" ", plain).split())


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


@dataclasses.dataclass(frozen=True)
class _Item:
    entry: model.Broker
    name: str
    names: frozenset[str]  # normalised name and brand names, for exact matches
    blob: str


class SearchIndex:
    def __init__(self, entries: Iterable[model.Broker]) -> None:
        ordered = sorted(entries, key=lambda e: (not e.ice_supplier, normalise(e.name)))
        self.items: list[_Item] = []
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.near: dict[str, set[str]] = defaultdict(set)
        for index, entry in enumerate(ordered):
            name = normalise(entry.name)
            names = {name, *(normalise(b) for b in entry.brands)}
            products = (normalise(p) for p in entry.agency_products)
            categories = (c.replace("-", " ") for c in entry.categories)
            parts = [
                name,
                name.replace(" ", ""),
                *names,
                *products,
                *entry.domains,
                *categories,
                normalise(entry.parent),
                entry.slug.replace("-", " "),
            ]
            blob = "\x00".join(parts)
            self.items.append(_Item(entry, name, frozenset(names), blob))
            for word in set(normalise(blob).split()):
                self.by_word[word].add(index)
                if len(word) >= MIN_FUZZY:
                    for variant in _deletions(word):
                        self.near[variant].add(word)

    def search(self, query: str) -> list[model.Broker]:
        """Exact name matches first, then ICE suppliers, then by how well the name matches."""
        q = normalise(query)
        if not q:
            return [item.entry for item in self.items]
        compact = q.replace(" ", "")
        exact: list[model.Broker] = []
        ranked: list[list[model.Broker]] = [[] for _ in range(8)]
        seen: set[int] = set()
        for index, item in enumerate(self.items):
            blob = item.blob
            if q not in blob and compact not in blob:
                continue
            seen.add(index)
            if q in item.names:
                exact.append(item.entry)
                continue
            name = item.name
            if name.startswith(q):
                rank = 0
            elif f" {q}" in f" {name}":
                rank = 1
            elif q in name:
                rank = 2
            else:
                rank = 3
            ranked[rank if item.entry.ice_supplier else rank + 4].append(item.entry)
        if len(compact) >= MIN_FUZZY:
            fuzzy = self._fuzzy(q.split()) - seen
            ranked[3].extend(self.items[i].entry for i in sorted(fuzzy)
                             if self.items[i].entry.ice_supplier)  # fmt: skip
            ranked[7].extend(self.items[i].entry for i in sorted(fuzzy)
                             if not self.items[i].entry.ice_supplier)  # fmt: skip
        return exact + [entry for bucket in ranked for entry in bucket]

    def _fuzzy(self, words: list[str]) -> set[int]:
        """Entries in which every query word is present, or one edit away from a word."""
        result: set[int] | None = None
        for word in words:
            if len(word) < MIN_FUZZY:
                hits = {i for w, ids in self.by_word.items() if w.startswith(word) for i in ids}
            else:
                close = {w for v in _deletions(word) for w in self.near.get(v, ())}
                hits = {i for w in close for i in self.by_word[w]}
            result = hits if result is None else result & hits
            if not result:
                return set()
        return result or set()


def suggest(catalog: object, slug: str) -> str:
    entries = getattr(catalog, "entries", {})
    close = difflib.get_close_matches(slug, list(entries), n=3, cutoff=0.6)
    return ", ".join(repr(c) for c in close)
