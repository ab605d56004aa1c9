"""Searching the catalog as you type: tolerant of case, accents and one-letter typos.

The index is built once per catalog. A query scans one prebuilt text per entry (a C-level
substring test), so thousands of entries answer in well under a frame; typo tolerance uses a
deletion index (words one deletion apart), never a slow edit-distance scan.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from borrador.catalog import model

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
MIN_FUZZY = 4
FUZZY_BELOW = 25  # typo matches are added only when the exact ones are few


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_ALNUM.sub(" ", plain).split())


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


# One prebuilt row per entry: (search text, normalised name, exact names, bucket offset, entry).
# A plain tuple, unpacked in the loop, keeps the per-entry cost of a query to a few C calls.
_Row = tuple[str, str, frozenset[str], int, model.Broker]
_BUCKETS = 4  # name starts with q / a word starts with q / q inside the name / elsewhere


class SearchIndex:
    def __init__(self, entries: Iterable[model.Broker]) -> None:
        # Records targets (no consumer route, nothing to send) go after every writable entry.
        ordered = sorted(
            entries, key=lambda e: (e.records_target, not e.ice_supplier, normalise(e.name))
        )
        self.rows: list[_Row] = []
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
            offset = (2 * _BUCKETS if entry.records_target else 0) + (
                0 if entry.ice_supplier else _BUCKETS
            )
            self.rows.append((blob, name, frozenset(names), offset, entry))
            for word in set(normalise(blob).split()):
                self.by_word[word].add(index)
                if len(word) >= MIN_FUZZY:
                    for variant in _deletions(word):
                        self.near[variant].add(word)

    def search(self, query: str) -> list[model.Broker]:
        """Exact name matches first, then ICE suppliers, then by how well the name matches."""
        q = normalise(query)
        if not q:
            return [row[4] for row in self.rows]
        compact = q.replace(" ", "")
        word_start = f" {q}"
        exact: list[model.Broker] = []
        buckets: list[list[model.Broker]] = [[] for _ in range(3 * _BUCKETS)]
        for blob, name, names, offset, entry in self.rows:
            if q not in blob and (compact is q or compact not in blob):
                continue
            if q in names:
                exact.append(entry)
            elif q not in name:
                buckets[offset + 3].append(entry)
            elif name.startswith(q):
                buckets[offset].append(entry)
            elif word_start in name:
                buckets[offset + 1].append(entry)
            else:
                buckets[offset + 2].append(entry)
        found = exact + [entry for bucket in buckets for entry in bucket]
        if len(compact) >= MIN_FUZZY and len(found) < FUZZY_BELOW:
            seen = {id(entry) for entry in found}
            for index in sorted(self._fuzzy(q.split())):
                entry = self.rows[index][4]
                if id(entry) not in seen:
                    found.append(entry)
        return found

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
