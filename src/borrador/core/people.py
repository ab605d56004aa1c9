"""A person whose data we ask brokers to remove: only what a letter needs to find them.

Never a Social Security number, an immigration status or an A-number: there are no fields
for them, and unknown keys are refused, so they cannot slip in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from borrador.core.errors import N_, ValidationError
from borrador.core.text import clean_list, clean_text, parse_date, parse_state

NAME_MAX = 200
MAX_ITEMS = 20
NOTES_MAX = 5000
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
_ZIP_RE = re.compile(r"\d{5}(-\d{4})?")
_PHONE_CHARS_RE = re.compile(r"[0-9+()\-. ]+")

EmailNormaliser = Callable[[str], str]
"""Returns the normalised address, or raises ValueError with a reason."""


@dataclasses.dataclass(frozen=True)
class Address:
    street: str
    city: str
    state: str = ""
    postal_code: str = ""
    unit: str = ""
    country: str = "US"
    current: bool = False
    from_date: dt.date | None = None
    to_date: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class Person:
    name: str
    other_names: tuple[str, ...] = ()
    birth_date: dt.date | None = None
    state: str = ""
    language: str = "en"
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    notes: str = ""
    id: int | None = None

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.split() if part).upper()


PERSON_KEYS = frozenset(
    [
        "name",
        "other_names",
        "birth_date",
        "state",
        "language",
        "emails",
        "phones",
        "addresses",
        "notes",
    ]
)
ADDRESS_KEYS = frozenset(
    ["street", "unit", "city", "state", "postal_code", "country", "current", "from", "to"]
)


def _refuse_unknown(field: str, data: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(str(key) for key in data if key not in allowed)
    if unknown:
        raise ValidationError(
            field or "person",
            N_("unknown key(s) {keys}"),
            hint=N_("Allowed keys: {allowed}."),
            keys=", ".join(repr(k) for k in unknown),
            allowed=", ".join(sorted(allowed)),
        )


def parse_phone(field: str, value: object) -> str:
    text = " ".join(clean_text(field, value, max_len=30, required=True).split())
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_CHARS_RE.fullmatch(text) or not 7 <= digits <= 15:
        raise ValidationError(
            field, N_("{text!r} is not a phone number (7 to 15 digits)"), text=text
        )
    return text


def parse_address(field: str, data: object, *, today: dt.date) -> Address:
    if not isinstance(data, Mapping):
        raise ValidationError(field, N_("must be a table with street, city, state, postal_code"))
    _refuse_unknown(field, data, ADDRESS_KEYS)
    country = clean_text(f"{field}.country", data.get("country") or "US", max_len=60).upper()
    in_us = country in ("US", "USA", "UNITED STATES")
    state = (
        parse_state(f"{field}.state", data.get("state"), required=True)
        if in_us
        else clean_text(f"{field}.state", data.get("state"), max_len=60)
    )
    postal = clean_text(f"{field}.postal_code", data.get("postal_code"), max_len=20)
    if in_us and postal and not _ZIP_RE.fullmatch(postal):
        raise ValidationError(
            f"{field}.postal_code", N_("{postal!r} is not a US ZIP code (12345)"), postal=postal
        )
    current = data.get("current", False)
    if not isinstance(current, bool):
        raise ValidationError(f"{field}.current", N_("must be true or false"))
    dates = {}
    for key in ("from", "to"):
        raw = data.get(key)
        dates[key] = None if raw in (None, "") else parse_date(f"{field}.{key}", raw)
        if dates[key] and dates[key] > today:  # type: ignore[operator]
            raise ValidationError(f"{field}.{key}", N_("is in the future"))
    if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
        raise ValidationError(f"{field}.to", N_("is before the 'from' date"))
    return Address(
        street=clean_text(f"{field}.street", data.get("street"), max_len=200, required=True),
        unit=clean_text(f"{field}.unit", data.get("unit"), max_len=40),
        city=clean_text(f"{field}.city", data.get("city"), max_len=100, required=True),
        state=state,
        postal_code=postal,
        country="US" if in_us else country,
        current=current,
        from_date=dates["from"],
        to_date=dates["to"],
    )


def parse_person(
    data: Mapping[str, Any],
    *,
    today: dt.date,
    normalise_email: EmailNormaliser,
    person_id: int | None = None,
) -> Person:
    """A validated Person from plain data (a parsed TOML/JSON file or a form)."""
    if not isinstance(data, Mapping):
        raise ValidationError("person", N_("must be a table of fields"))
    _refuse_unknown("", data, PERSON_KEYS)

    def items(key: str) -> list[tuple[str, object]]:
        values = clean_list(key, data.get(key), max_items=MAX_ITEMS)
        return [(f"{key}[{i}]", v) for i, v in enumerate(values)]

    birth_date = None
    if data.get("birth_date") not in (None, ""):
        birth_date = parse_date("birth_date", data["birth_date"])
        if not dt.date(1900, 1, 1) <= birth_date <= today:
            raise ValidationError(
                "birth_date",
                N_("{birth_date} is not a plausible birth date"),
                birth_date=birth_date,
            )
    emails = []
    for field, value in items("emails"):
        text = clean_text(field, value, max_len=254, required=True)
        try:
            emails.append(normalise_email(text))
        except ValueError as exc:
            raise ValidationError(
                field, N_("{text!r} is not a valid email address: {error}"), text=text, error=exc
            ) from None
    language = clean_text("language", data.get("language") or "en", max_len=10)
    if not _LANGUAGE_RE.fullmatch(language):
        raise ValidationError(
            "language", N_("{language!r} is not a language code (en, es, …)"), language=language
        )
    addresses = tuple(parse_address(f, v, today=today) for f, v in items("addresses"))
    if sum(a.current for a in addresses) > 1:
        raise ValidationError("addresses", N_("more than one address is marked current"))
    return Person(
        id=person_id,
        name=clean_text("name", data.get("name"), max_len=NAME_MAX, required=True),
        other_names=tuple(
            clean_text(f, v, max_len=NAME_MAX, required=True) for f, v in items("other_names")
        ),
        birth_date=birth_date,
        state=parse_state("state", data.get("state")),
        language=language,
        emails=tuple(dict.fromkeys(emails)),
        phones=tuple(parse_phone(f, v) for f, v in items("phones")),
        addresses=addresses,
        notes=clean_text("notes", data.get("notes"), max_len=NOTES_MAX, multiline=True),
    )


def person_to_data(person: Person) -> dict[str, Any]:
    """The inverse of `parse_person`: plain data with the documented person-file keys."""
    return {
        "name": person.name,
        "other_names": list(person.other_names),
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "state": person.state,
        "language": person.language,
        "emails": list(person.emails),
        "phones": list(person.phones),
        "addresses": [
            {
                "street": a.street,
                "unit": a.unit,
                "city": a.city,
                "state": a.state,
                "postal_code": a.postal_code,
                "country": a.country,
                "current": a.current,
                "from": a.from_date.isoformat() if a.from_date else None,
                "to": a.to_date.isoformat() if a.to_date else None,
            }
            for a in person.addresses
        ],
        "notes": person.notes,
    }
