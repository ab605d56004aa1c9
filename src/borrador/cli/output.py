"""How the CLI shows people and requests: stable JSON keys and plain text lines."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Any

from borrador.core.people import Person, person_to_data
from borrador.core.requests import PUBLIC_FIELDS, Event, Request


def person_json(person: Person) -> dict[str, Any]:
    return {"id": person.id, **person_to_data(person)}


def request_json(request: Request, *, with_letter: bool = False) -> dict[str, Any]:
    out = {key: getattr(request, key) for key in PUBLIC_FIELDS}
    for key, value in out.items():
        if isinstance(value, dt.date):
            out[key] = value.isoformat()
        elif isinstance(value, StrEnum):
            out[key] = value.value
    if with_letter:
        out["letter_text"] = request.letter_text
    return out


def event_json(event: Event) -> dict[str, Any]:
    return {
        "on": event.on.isoformat(),
        "from": str(event.from_status) if event.from_status else None,
        "to": str(event.to_status),
        "note": event.note,
        "actor": event.actor,
        "recorded_at": event.recorded_at,
    }


def json_array(items: list[str]) -> str:
    """A JSON array from already-encoded items, one per line."""
    return "[\n" + ",\n".join(items) + "\n]" if items else "[]"


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def person_line(person: Person) -> str:
    state = person.state or "--"
    return f"{person.id:>5}  {state:<2}  {person.name}"


def person_text(person: Person) -> str:
    lines = [f"Person {person.id}: {person.name}"]
    if person.other_names:
        lines.append(f"  Other names: {'; '.join(person.other_names)}")
    if person.birth_date:
        lines.append(f"  Born:        {person.birth_date.isoformat()}")
    lines.append(f"  State:       {person.state or '(not given)'}")
    lines.append(f"  Language:    {person.language}")
    for email in person.emails:
        lines.append(f"  Email:       {email}")
    for phone in person.phones:
        lines.append(f"  Phone:       {phone}")
    for a in person.addresses:
        unit = f" {a.unit}" if a.unit else ""
        mark = " (current)" if a.current else ""
        lines.append(
            f"  Address:     {a.street}{unit}, {a.city}, {a.state} {a.postal_code} "
            f"{a.country}{mark}".rstrip()
        )
    if person.notes:
        lines.append(f"  Notes:       {person.notes}")
    return "\n".join(lines)


def request_line(request: Request) -> str:
    return (
        f"{request.id:>6}  person {request.person_id:<5} {request.recipient:<28} "
        f"{request.kind:<16} {request.status}"
    )


def request_text(request: Request, events: list[Event]) -> str:
    lines = [
        f"Request {request.id}: {request.kind} to {request.recipient} (person {request.person_id})",
        f"  Status: {request.status}",
    ]
    for key in PUBLIC_FIELDS[5:]:
        value = getattr(request, key)
        if value:
            lines.append(f"  {key.replace('_', ' ').capitalize()}: {value}")
    lines.append("  History:")
    for e in events:
        note = f" — {e.note}" if e.note else ""
        actor = f" ({e.actor})" if e.actor else ""  # the volunteer, in clinic mode
        lines.append(
            f"    {e.on.isoformat()}  {e.from_status or '':>22} → {e.to_status}{note}{actor}"
        )
    return "\n".join(lines)


def date_option(_ctx: object, param: object, value: str | None) -> dt.date | None:
    """Click callback for a date option: YYYY-MM-DD or MM/DD/YYYY; a bad one is refused with
    the option named (`--on: …`)."""
    from borrador.core.text import parse_date

    name = str(getattr(param, "name", "") or "date").replace("_", "-")
    return None if value is None else parse_date(f"--{name}", value)
