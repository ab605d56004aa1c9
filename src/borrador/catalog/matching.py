"""Which curated entries a registry row is about, so that a broker the catalog already knows is
enriched rather than listed twice.

A row matches an entry when one of its names (the registrant or a DBA) is the entry's name or
brand, or a DBA is the entry's web domain (FastPeopleSearch.com). A web address in the row
matches only when the names also share a distinctive word: a shared domain alone is not enough
(RELX Inc. uses lexisnexis.com, yet is not LexisNexis Risk Solutions). One registrant may match
several entries (an operator of four sites, a parent of two brands).
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable
from importlib import resources

from borrador.catalog import hosts, model
from borrador.catalog import registry_cells as cells
from borrador.catalog.registry import RegistryRow
from borrador.catalog.schema import CatalogError, _Reader

# Words too common in company names to say two names are the same company.
_GENERIC = """
    and of for the a an inc llc corp company co ltd group holdings enterprises international
    global national america american usa us data information info solutions solution services
    service risk analytics analytic marketing technologies technology tech systems consumer
    consumers digital media network networks partners research intelligence software labs
    legal professional public records people search background check checks report reports
    credit financial insurance health business direct list lists online web mobile identity
    verification workforce management com net org www
"""
GENERIC_WORDS = frozenset(_GENERIC.split())
_BARE_HOST_RE = re.compile(r"(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)
DISTINCT_KEYS = {"registrant", "curated", "why", "source"}


@dataclasses.dataclass(frozen=True)
class Distinct:
    """A registrant and a curated entry that look alike but are different companies."""

    registrant: str
    curated: str
    why: str
    source: str


def load_distinct() -> list[Distinct]:
    """The pairs never merged (registry_matching.toml); a bad file is a CatalogError."""
    file = "registry_matching.toml"
    data = tomllib.loads((resources.files("borrador.catalog") / file).read_text("utf-8"))
    pairs = []
    for i, table in enumerate(data.get("distinct", [])):
        r = _Reader(file, f"distinct[{i}]", table, DISTINCT_KEYS)
        pair = Distinct(
            registrant=r.text("registrant", required=True, max_len=200),
            curated=r.text("curated", required=True, max_len=64),
            why=r.text("why", required=True, max_len=1000),
            source=r.url("source", required=True),
        )
        if not cells.name_key(pair.registrant):
            raise CatalogError(file, f"distinct[{i}].registrant", "names no company")
        pairs.append(pair)
    return pairs


def _words(key: str) -> set[str]:
    return {w for w in key.split() if len(w) >= 3 and w not in GENERIC_WORDS}


def compatible(keys: list[str], others: list[str]) -> bool:
    """Whether two lists of name keys could be the same company: a shared distinctive word,
    or one name written inside the other ('fastpeoplesearch' in 'fast people search')."""
    for a in keys:
        words, compact = _words(a), a.replace(" ", "")
        for b in others:
            other = b.replace(" ", "")
            if words & _words(b):
                return True
            if min(len(compact), len(other)) >= 5 and (compact in other or other in compact):
                return True
    return False


def _host_name(name: str) -> str:
    """The host a DBA written as a web address names ('' if it is not one)."""
    text = name.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if not (_BARE_HOST_RE.fullmatch(text) and hosts.is_public(text)):
        return ""
    return text.removeprefix("www.")


class CuratedIndex:
    """Curated brokers by normalised name (and brand) and by registrable web domain."""

    def __init__(self, entries: dict[str, model.Broker], distinct: Iterable[Distinct] = ()) -> None:
        self.by_name: dict[str, list[str]] = {}
        self.by_domain: dict[str, list[str]] = {}
        self.keys_of: dict[str, list[str]] = {}
        for entry in entries.values():
            if entry.kind != "broker":
                continue
            keys = [k for k in (cells.name_key(n) for n in (entry.name, *entry.brands)) if k]
            self.keys_of[entry.slug] = keys
            for key in keys:
                self.by_name.setdefault(key, []).append(entry.slug)
            for domain in entry.domains:
                slugs = self.by_domain.setdefault(hosts.registrable(domain), [])
                if entry.slug not in slugs:
                    slugs.append(entry.slug)
        self.distinct = {(cells.name_key(p.registrant), p.curated) for p in distinct}

    def match(self, row: RegistryRow) -> list[str]:
        """The curated entries this row is about (none, one or several), best first."""
        dbas = row.dba_names if row.dba else []
        keys = [row.key, *(k for k in map(cells.name_key, dbas) if k)] if dbas else [row.key]
        found: list[str] = []
        for key in keys:
            if key in self.by_name:
                found.extend(self.by_name[key])
        for name in dbas:  # a DBA written as a web address names that site
            host = _host_name(name)
            if host:
                found.extend(self.by_domain.get(hosts.registrable(host), ()))
                found.extend(self.by_name.get(hosts.label(host), ()))
        for domain in row.domains:
            for slug in self.by_domain.get(hosts.registrable(domain), ()):
                if slug not in found and compatible(keys, self.keys_of[slug]):
                    found.append(slug)
        if not found:
            return found
        return [s for s in dict.fromkeys(found) if (row.key, s) not in self.distinct]
