"""Which web hosts are real: a host needs a registrable name under a public suffix.

The Public Suffix List comes from the snapshot bundled with `tldextract`: no list is ever
fetched and nothing is cached on disk, so this never touches the network or the home folder.
"""

from __future__ import annotations

import functools
from typing import Any

# RFC 2606 reserves .example for documentation: invented registry rows (tests, examples) use
# it, a published registry never does. Nothing else outside the public list is accepted.
RESERVED_FOR_EXAMPLES = ("example",)


@functools.cache
def _extractor() -> Any:
    import tldextract  # loaded on first use: it pulls in `requests`, which most commands skip

    return tldextract.TLDExtract(
        suffix_list_urls=(),  # never download the list
        cache_dir=None,  # never write a cache
        fallback_to_snapshot=True,  # the list shipped inside the package
        include_psl_private_domains=False,
        extra_suffixes=RESERVED_FOR_EXAMPLES,
    )


_plain: frozenset[str] = frozenset()


def _plain_suffixes() -> frozenset[str]:
    """One-label suffixes under which the list has no longer rule (com, org, example): for
    them the registrable name is simply the label before, so the full lookup can be skipped."""
    global _plain
    if not _plain:
        suffixes = _extractor().tlds
        deeper = {s.rsplit(".", 1)[-1] for s in suffixes if "." in s}
        _plain = frozenset(
            s for s in suffixes if "." not in s and s[0] not in "*!" and s not in deeper
        )
    return _plain


def _split(host: str) -> tuple[str, str]:
    """(registrable name, public suffix); either is empty when the host has none."""
    labels = host.rsplit(".", 2)
    if len(labels) >= 2 and labels[-1] in (_plain or _plain_suffixes()):
        return labels[-2], labels[-1]  # the same answer as the full lookup, much sooner
    return _full_split(host)


@functools.lru_cache(maxsize=4096)
def _full_split(host: str) -> tuple[str, str]:
    parts = _extractor()(host)
    return parts.domain, parts.suffix


def start_import() -> None:
    """Forget the hosts of the previous import: memory stays bounded, each import pays its
    own way (and a benchmark of repeated imports measures a cold one each time)."""
    _full_split.cache_clear()


def is_public(host: str) -> bool:
    """Whether `host` (lower case, no scheme or path) is a name under a public suffix."""
    domain, suffix = _split(host)
    return bool(domain and suffix)


def registrable(host: str) -> str:
    """The name a company registers: lexisnexis.com for risk.lexisnexis.com, example.co.uk
    for www.example.co.uk; the host itself when it has no public suffix."""
    domain, suffix = _split(host)
    return f"{domain}.{suffix}" if domain and suffix else host


def label(host: str) -> str:
    """The registrable name without its suffix: fastpeoplesearch for fastpeoplesearch.com."""
    return _split(host)[0]
