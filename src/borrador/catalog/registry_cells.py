"""Cleaning registry cells: untrusted text, URLs with no scheme, '[at]' emails, any phone."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence

from borrador.catalog import hosts

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
# clean_file_text: bytes that need no look, what is removed, what becomes a plain space
_PLAIN_BYTES = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_REMOVED = frozenset(
    [chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
    + list(
        "\ufeff\u200b\u200c\u200d\u2060\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )
)
_MADE_SPACE = frozenset("\u00a0\u2007\u202f\u2009\u200a\u3000")
_AT_RE = re.compile(r"\s*[\[\(\{]\s*at\s*[\]\)\}]\s*", re.IGNORECASE)
_DOT_RE = re.compile(r"\s*[\[\(\{]\s*dot\s*[\]\)\}]\s*", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# An address: optional scheme, labels, a final label of letters, port, path. Case is spelled
# out instead of re.IGNORECASE, which makes every match slower.
_URL_TOKEN_RE = re.compile(
    r"(?:[Hh][Tt][Tt][Pp][Ss]?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:/[^\s;,<>\"]*)?"
)
_HOST_RE = re.compile(r"(?:https?://)?([^/:?#\s]+)", re.IGNORECASE)
_TRAILING = ".,;:)]'\"!?"
_MESSY_RE = re.compile(r"[\s,;@\[\(\{]")  # a cell with more than one bare address in it
_TOKEN_BREAKS_RE = re.compile(r"[@_<>\"'\[\](){}]")  # a word could hide or break a link
_NON_DIGIT_RE = re.compile(r"\D")
_LETTER_RE = re.compile(r"[A-Za-z]")
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
# bytes.translate table: ASCII digits and lower-case letters kept, anything else a space
_ALNUM_OR_SPACE = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
_FILE_SUFFIXES = (".pdf", ".html", ".htm", ".php", ".aspx", ".csv", ".png", ".jpg", ".zip",
                  ".mov", ".docx", ".doc")  # fmt: skip


def clean_cell(value: str, *, max_len: int = 4000) -> str:
    """Printable text: controls, bidi overrides and invisible marks removed, spaces tidied."""
    if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return value[:max_len]  # the common case: no control, invisible mark or odd space
    text = _CONTROLS_RE.sub("", value.translate(_TIDY).replace("\r\n", "\n").replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)[:max_len]


def clean_file_text(text: str) -> str:
    """The whole file made printable before it is split into cells (once, not per cell):
    controls, bidi overrides and invisible marks removed, odd spaces made plain. Newlines,
    carriage returns and tabs stay (CSV needs them; cells are tidied later)."""
    unusual = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES)
    for ch in set(unusual.decode("utf-8", "surrogatepass")) if unusual else ():
        if ch in _REMOVED or "\ud800" <= ch <= "\udfff":
            text = text.replace(ch, "")
        elif ch in _MADE_SPACE:
            text = text.replace(ch, " ")
    return text


CELLS = "\x1f"  # joins a row's cells: clean_file_text removed every U+001F from the file


def tidy_row(record: list[str], joined: str, max_len: int = 4000) -> tuple[list[str], str]:
    """A row's cells (after clean_file_text) with spaces tidied and blank lines dropped, and
    the cells joined by CELLS; a row of plain one-line cells comes back as it is."""
    if not (
        "  " in joined
        or "\n" in joined
        or "\r" in joined
        or "\t" in joined
        or "\x1f " in joined
        or " \x1f" in joined
        or joined[:1] == " "
        or joined[-1:] == " "
        or (len(joined) > max_len and max(map(len, record)) > max_len)
    ):
        return record, joined
    tidied = []
    for cell in record:
        if "\n" in cell:
            lines = (" ".join(line.split()) for line in cell.split("\n"))
            cell = "\n".join(line for line in lines if line)
        elif "  " in cell or "\t" in cell or "\r" in cell or cell[:1] == " " or cell[-1:] == " ":
            cell = " ".join(cell.split())
        tidied.append(cell[:max_len])
    return tidied, CELLS.join(tidied)


def normalise_header(value: str) -> str:
    """A header as a comparable key: no BOM/NBSP/curly quotes/trailing colons, lower case."""
    text = clean_cell(value).translate(_QUOTES).replace("\n", " ").lower()
    return " ".join(text.split()).rstrip(" :*").strip()


def _link(token: str) -> tuple[bool, str, str] | None:
    """(written as a bare host?, URL with a scheme, host without www.) for one address-like
    token, or None for a file name or a host with no public suffix."""
    token = token.rstrip(_TRAILING)
    lower = token.lower()
    if lower.endswith(_FILE_SUFFIXES) and "/" not in token:
        return None  # a file name such as form.pdf
    scheme = lower.startswith(("http://", "https://"))
    rest = lower.split("//", 1)[1] if scheme else lower
    host = rest.split("/", 1)[0].split(":", 1)[0].split("?", 1)[0].split("#", 1)[0].rstrip(".")
    if not hosts.is_public(host):
        return None
    if scheme:
        return False, token, host.removeprefix("www.")
    return not lower.startswith("www."), f"https://{token}", host.removeprefix("www.")


def urls(value: str) -> list[str]:
    """Web addresses in a cell, https:// added where the scheme is missing; links written
    with http(s):// or www. first. Never the domain of an email address (ccpa.optout@x.com
    is not a web site), and never a host without a public suffix."""
    return [url for url, _ in links(value)]


def links(value: str) -> list[tuple[str, str]]:
    """urls(value), each with its host (lower case, no www.)."""
    if not value:
        return []
    if not _MESSY_RE.search(value):  # the usual cell: one address and nothing else
        link = _link(value) if _URL_TOKEN_RE.fullmatch(value.rstrip(_TRAILING)) else None
        return [link[1:]] if link else []
    text = value
    if "@" in text or "[" in text or "(" in text or "{" in text:
        text = _EMAIL_RE.sub(" ", _deobfuscate(text))
    elif not _TOKEN_BREAKS_RE.search(text):  # words and addresses: look at each word alone
        return _links_in_words(text.replace(",", " ").replace(";", " ").split())
    written: list[tuple[str, str]] = []  # links written as links come first
    bare: list[tuple[str, str]] = []
    seen = set()
    for match in _URL_TOKEN_RE.finditer(text):
        start, end = match.span()
        if (start and text[start - 1] in "@._-") or text[end : end + 1] in ("@", "_"):
            continue  # a piece of a handle or of a longer word, not a link
        link = _link(match.group())
        if link and link[1] not in seen:
            seen.add(link[1])
            (bare if link[0] else written).append(link[1:])
    return written + bare


def _links_in_words(words: list[str]) -> list[tuple[str, str]]:
    written: list[tuple[str, str]] = []
    bare: list[tuple[str, str]] = []
    seen = set()
    for word in words:
        if _URL_TOKEN_RE.fullmatch(word.rstrip(_TRAILING)):
            found = [_link(word)]
        elif "." in word:  # an address inside a longer word ("site:acme.com")
            found = [_link(m.group()) for m in _URL_TOKEN_RE.finditer(word)]
        else:
            continue
        for link in found:
            if link and link[1] not in seen:
                seen.add(link[1])
                (bare if link[0] else written).append(link[1:])
    return written + bare


def _deobfuscate(text: str) -> str:
    """'name [at] host [dot] com' (and the like with () or {}) as name@host.com."""
    text = text.replace(" [at] ", "@").replace(" [dot] ", ".")  # the usual way, quickly
    if "[" in text or "(" in text or "{" in text:
        text = _DOT_RE.sub(".", _AT_RE.sub("@", text))
    return text


def emails(value: str) -> list[str]:
    """Email addresses in a cell, also when written 'name [at] host [dot] com'."""
    if "[" in value or "(" in value or "{" in value:
        value = _deobfuscate(value)
    elif "@" not in value:
        return []
    found = _EMAIL_RE.findall(value)
    if len(found) == 1:
        return [found[0].lower()]
    return list(dict.fromkeys(e.lower() for e in found))


def phone(value: str) -> str:
    """US numbers as (AAA) BBB-CCCC; anything else kept as written (tidied)."""
    text = clean_cell(value).split("\n", 1)[0] if "\n" in value or not value.isascii() else value
    digits = _NON_DIGIT_RE.sub("", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10 and not _LETTER_RE.search(text):
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


# The answers registries actually write, looked up in one step; anything else goes through
# yes_no. Blank cells are no answer.
_ANSWERS: dict[str, bool | None] = {
    **{w: True for w in ("Yes", "YES", "yes", "Y", "y", "TRUE", "True", "true")},
    **{w: False for w in ("No", "NO", "no", "N", "n", "FALSE", "False", "false")},
    "": None,
}


def yes_no_many(values: Sequence[str]) -> list[bool | None]:
    answers = list(map(_ANSWERS.get, values))
    if None in answers:  # a blank, or an answer written another way ("Yes, consumer reports")
        answers = [
            yes_no(v) if a is None and v else a for v, a in zip(values, answers, strict=True)
        ]
    return answers


def number(value: str) -> float | None:
    text = value.replace(",", "").strip()
    try:
        found = float(text) if text else None
    except ValueError:
        return None
    return found if found is None or math.isfinite(found) else None  # no NaN or infinity


def numbers(values: list[str]) -> list[float | None]:
    """Request counts and days: '1,204' is 1204.0; blank or text is None."""
    try:  # the usual case, every cell a number: three C-level calls for the whole row
        found: list[float | None] = list(
            map(float, "\x1f".join(values).replace(",", "").split("\x1f"))
        )
        if all(map(math.isfinite, found)):  # type: ignore[arg-type]
            return found
    except ValueError:
        pass
    return [number(v) for v in values]


_US_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str) -> str:
    """A registry's date (2021-01-31, 1/31/2021, 1/30/24 10:01:00) as YYYY-MM-DD, or ''."""
    text = value.strip()
    iso, us = _ISO_DATE_RE.match(text), _US_DATE_RE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif us:
        month, day, year = (int(g) for g in us.groups())
        year += 2000 if year < 100 else 0
    else:
        return ""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


_FILE_DATE_RE = re.compile(r"(?<!\d)(20\d\d)(?:[-_]?(\d\d)[-_]?(\d\d))?(?!\d)")


def date_in_name(file_name: str) -> str:
    """The date (2026-09-01) or year (2025) a file's name carries, or ''."""
    found = ""
    for match in _FILE_DATE_RE.finditer(file_name):
        year, month, day = match.groups()
        found = iso_date(f"{year}-{month}-{day}") if month else year
        found = found or year
    return found


_DBA_SPLIT_RE = re.compile(r"\s*(?:\n|;|\||,|\s/\s)\s*")
_DBA_PREFIX_RE = re.compile(r"^(?:d/b/a|d\.b\.a\.?|dba|aka|a/k/a)\s*:?\s*", re.IGNORECASE)


def dba_names(value: str) -> list[str]:
    """The names in a 'doing business as' cell: 'A.com, B; C' is three names."""
    names = []
    for part in _DBA_SPLIT_RE.split(value):
        part = _DBA_PREFIX_RE.sub("", part.strip().strip("\"'")).strip()
        if part and name_key(part) and part not in names:
            names.append(part)
    return names


def display_name(name: str, dba: str) -> str:
    """'Name (DBA)', or just the name when the DBA says the same: never 'X (X)'."""
    if not dba:
        return name
    key = name_key(name)
    others = [n for n in dba_names(dba) if name_key(n) != key]
    if not others:
        return name
    more = f" +{len(others) - 1} more" if len(others) > 1 else ""
    return f"{name} ({others[0]}{more})"


_SUFFIXES = {"inc", "llc", "l.l.c", "corp", "corporation", "co", "company", "ltd", "limited",
             "lp", "llp", "plc", "the", "dba", "incorporated", "holdings", "group"}  # fmt: skip


def name_key(value: str) -> str:
    """A company name for matching: accents, case, punctuation and 'Inc./LLC' removed."""
    text = value
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    if "&" in text:
        text = text.replace("&", " and ")
    if text.isascii():  # one C call instead of a regular expression
        words = text.encode().translate(_ALNUM_OR_SPACE).decode().split()
    else:
        words = _NON_ALNUM_RE.sub(" ", text).split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)
