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


# One prebuilt row per entry: (search text, normalised name, entry). ICE suppliers, the rest
# and the records targets are kept apart, each in name order, so a query never sorts: it
# filters each group with one comprehension (a C-level substring test per entry), then ranks
# only the hits.
_Row = tuple[str, str, model.Broker]


class SearchIndex:
    def __init__(self, entries: Iterable[model.Broker]) -> None:
        # Records targets (no consumer route, nothing to send) go after every writable entry.
        ordered = sorted(
            entries, key=lambda e: (e.records_target, not e.ice_supplier, normalise(e.name))
        )
        self.entries: list[model.Broker] = ordered
        # ICE suppliers one can write to, the others, then the records targets.
        self.groups: tuple[list[_Row], list[_Row], list[_Row]] = ([], [], [])
        self.exact: dict[str, list[model.Broker]] = defaultdict(list)  # name or brand -> entries
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
            group = 2 if entry.records_target else 0 if entry.ice_supplier else 1
            self.groups[group].append((blob, name, entry))
            for exact in names:
                self.exact[exact].append(entry)
            for word in set(normalise(blob).split()):
                self.by_word[word].add(index)
                if len(word) >= MIN_FUZZY:
                    for variant in _deletions(word):
                        self.near[variant].add(word)

    def search(self, query: str) -> list[model.Broker]:
        """Exact name matches first, then ICE suppliers, then by how well the name matches:
        the name starts with the query, a word of it does, it holds the query, or only a
        brand, product, domain or category does."""
        q = normalise(query)
        if not q:
            return list(self.entries)
        compact = q.replace(" ", "")
        word_start = f" {q}"
        exact = self.exact.get(q, [])
        found = list(exact)
        for rows in self.groups:
            if " " in q:  # 'lexis nexis' also finds 'lexisnexis'
                hits = [r for r in rows if q in r[0] or compact in r[0]]
            else:
                hits = [r for r in rows if q in r[0]]
            if not hits:
                continue
            named = [r for r in hits if q in r[1]]
            elsewhere = [r[2] for r in hits if q not in r[1]] if len(named) < len(hits) else []
            starts: list[model.Broker] = []
            word: list[model.Broker] = []
            inside: list[model.Broker] = []
            for _, name, entry in named:
                if name.startswith(q):
                    starts.append(entry)
                elif word_start in name:
                    word.append(entry)
                else:
                    inside.append(entry)
            ranked = starts + word + inside + elsewhere
            if exact:
                taken = {id(e) for e in exact}
                ranked = [e for e in ranked if id(e) not in taken]
            found += ranked
        if len(compact) >= MIN_FUZZY and len(found) < FUZZY_BELOW:
            seen = {id(entry) for entry in found}
            for index in sorted(self._fuzzy(q.split())):
                entry = self.entries[index]
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
