"""Cleaning registry cells: untrusted text, URLs with no scheme, '[at]' emails, any phone."""

from __future__ import annotations

import re
import unicodedata

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"',
           **dict.fromkeys(range(0x2010, 0x2016), "-")}  # fmt: skip
_DROP = dict.fromkeys(
    map(
        ord,
        "\ufeff\u200b\u200c\u200d\u2060\u00ad"
        "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    )
)
_TIDY = {**_SPACES, **_DROP}  # invisible marks and bidi overrides removed, odd spaces made plain
_CONTROLS_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # Cc and Cs
_PLAIN_RE = re.compile(r"[^\x20-\x7e]|  |^ | $")  # anything clean_cell would change
_PLAIN_ROW_RE = re.compile(r"[^\x1e\x20-\x7e]|  |^ | $|\x1e | \x1e")  # cells joined by \x1e
_AT_RE = re.compile(r"\s*[\[\(\{]\s*at\s*[\]\)\}]\s*", re.IGNORECASE)
_DOT_RE = re.compile(r"\s*[\[\(\{]\s*dot\s*[\]\)\}]\s*", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_URL_TOKEN_RE = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:/[^\s;,<>\"]*)?",
                           re.IGNORECASE)  # fmt: skip
_HOST_RE = re.compile(r"(?:https?://)?([^/:?#\s]+)", re.IGNORECASE)
_FILE_SUFFIXES = (".pdf", ".html", ".htm", ".php", ".aspx", ".csv", ".png", ".jpg")


def clean_cell(value: str, *, max_len: int = 4000) -> str:
    """Printable text: controls, bidi overrides and invisible marks removed, spaces tidied."""
    if not _PLAIN_RE.search(value):  # the common case: plain single-line ASCII
        return value[:max_len]
    text = _CONTROLS_RE.sub("", value.translate(_TIDY).replace("\r\n", "\n").replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)[:max_len]


def needs_cleaning(joined_row: str) -> bool:
    """Whether any cell of a row (joined with \\x1e) is not plain single-line ASCII."""
    return _PLAIN_ROW_RE.search(joined_row) is not None


def normalise_header(value: str) -> str:
    """A header as a comparable key: no BOM/NBSP/curly quotes/trailing colons, lower case."""
    text = clean_cell(value).translate(_QUOTES).replace("\n", " ").lower()
    return " ".join(text.split()).rstrip(" :*").strip()


def urls(value: str) -> list[str]:
    """Web addresses in a cell, with https:// added where the scheme is missing."""
    found = []
    for token in _URL_TOKEN_RE.findall(value):
        token = token.rstrip(".,;)")
        if "@" in token or (token.lower().endswith(_FILE_SUFFIXES) and "/" not in token):
            continue
        url = token if token.lower().startswith(("http://", "https://")) else f"https://{token}"
        if url not in found:
            found.append(url)
    return found


def domain_of(url: str) -> str:
    match = _HOST_RE.match(url.strip())
    host = match.group(1).lower().rstrip(".") if match else ""
    return host.removeprefix("www.")


def registrable(domain: str) -> str:
    """The last two labels (lexisnexis.com for risk.lexisnexis.com); enough to match brokers."""
    return ".".join(domain.split(".")[-2:])


def emails(value: str) -> list[str]:
    text = _DOT_RE.sub(".", _AT_RE.sub("@", value))
    return list(dict.fromkeys(e.lower() for e in _EMAIL_RE.findall(text)))


def phone(value: str) -> str:
    """US numbers as (AAA) BBB-CCCC; anything else kept as written (tidied)."""
    text = clean_cell(value).split("\n")[0]
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10 and not re.search(r"[A-Za-z]", text):
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return text[:40]


def yes_no(value: str) -> bool | None:
    text = value.strip().lower()
    if text not in ("yes", "no"):
        text = normalise_header(value)
    if text in ("yes", "y", "true", "x", "1"):
        return True
    if text in ("no", "n", "false", "0", "none"):
        return False
    if text.startswith("yes"):
        return True
    if text.startswith("no"):
        return False
    return None


def number(value: str) -> float | None:
    text = value.replace(",", "").strip()
    try:
        return float(text) if text else None
    except ValueError:
        return None


_SUFFIXES = {"inc", "llc", "l.l.c", "corp", "corporation", "co", "company", "ltd", "limited",
             "lp", "llp", "plc", "the", "dba", "incorporated", "holdings", "group"}  # fmt: skip


def name_key(value: str) -> str:
    """A company name for matching: accents, case, punctuation and 'Inc./LLC' removed."""
    text = value.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = text.replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def slugify(value: str, max_len: int = 48) -> str:
    slug = name_key(value).replace(" ", "-")[:max_len].strip("-")
    return slug or "unnamed"
