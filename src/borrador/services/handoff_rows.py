"""Every row of a hand-off bundle checked as if it were typed in here, before any is stored.

A bundle comes from another machine: its rows are input, not trusted data. One bad status,
date or field refuses the whole bundle, naming the row and the field.
"""

from __future__ import annotations

import json
import re
from typing import Any

from borrador.core.errors import N_, ValidationError
from borrador.core.requests import Channel, Kind, Status, parse_enum, parse_slug
from borrador.core.text import clean_text, parse_date

_UID = re.compile(r"[0-9a-f]{32}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T[0-9:.]+(?:[+-]\d{2}:\d{2}|Z)?")

REQUEST_DATES = ("created_on", "sent_on", "received_on", "acknowledged_on", "due_on",
                 "extended_due_on", "closed_on", "recheck_on", "authorized_on")  # fmt: skip
REQUEST_TEXT = {"legal_basis": (64, False), "confirmation": (500, False),
                "letter_text": (200_000, True), "notes": (10_000, True),
                "message_id": (998, False), "sent_message": (5_000_000, True),
                "agent": (200, False)}  # fmt: skip
MAX_ROWS = 10_000


def _uid(field: str, value: object) -> str:
    if not isinstance(value, str) or not _UID.fullmatch(value):
        raise ValidationError(
            field, N_("{value!r} is not an id of the form Borrador writes"), value=value
        )
    return value


def _stamp(field: str, value: object) -> str:
    if not isinstance(value, str) or not _STAMP.fullmatch(value):
        raise ValidationError(
            field, N_("{value!r} is not a date and time (YYYY-MM-DDTHH:MM:SS)"), value=value
        )
    return value


def _optional_date(field: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    return parse_date(field, value).isoformat()


def _count(field: str, value: object) -> int:
    if type(value) is not int or not 1 <= value <= 1_000_000:
        raise ValidationError(field, N_("{value!r} is not a version number"), value=value)
    return value


def _text(field: str, value: object, limit: int, multiline: bool) -> str:
    """Checked like typed text, but kept exactly (a stored letter is evidence, byte for byte)."""
    # an email as sent has CRLF line ends: the CR is part of the evidence, not a control trick
    probe = (
        value.replace("\r\n", "\n") if isinstance(value, str) and field == "sent_message" else value
    )
    clean_text(field, probe, max_len=limit, multiline=multiline)
    return value if isinstance(value, str) else ""


def _known(field: str, row: object, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise ValidationError(field, N_("is not a row of fields"))
    unknown = sorted(set(row) - allowed)
    if unknown:  # from a newer Borrador: refuse rather than drop facts silently
        raise ValidationError(
            field, N_("has fields this Borrador does not know: {unknown}"), unknown=unknown
        )
    return row


def check_request(row: object) -> dict[str, Any]:
    allowed = {"uid", "parent_uid", "recipient", "kind", "status", "channel", "version",
               "updated_at", "after_free_report", *REQUEST_DATES, *REQUEST_TEXT}  # fmt: skip
    data = _known("", row, allowed)
    out: dict[str, Any] = {"uid": _uid("uid", data.get("uid"))}
    parent = data.get("parent_uid")
    out["parent_uid"] = None if parent is None else _uid("parent_uid", parent)
    out["recipient"] = parse_slug("recipient", data.get("recipient"))
    out["kind"] = str(parse_enum("kind", data.get("kind"), Kind))
    out["status"] = str(parse_enum("status", data.get("status"), Status))
    channel = data.get("channel")
    out["channel"] = None if channel in (None, "") else str(parse_enum("channel", channel, Channel))
    for name in REQUEST_DATES:
        out[name] = _optional_date(name, data.get(name))
    if out["created_on"] is None:
        raise ValidationError("created_on", N_("is required"))
    for name, (limit, multiline) in REQUEST_TEXT.items():
        out[name] = _text(name, data.get(name), limit, multiline)
    flag = data.get("after_free_report", 0)
    if flag not in (0, 1) or isinstance(flag, float):
        raise ValidationError("after_free_report", N_("{flag!r} is not 0 or 1"), flag=flag)
    out["after_free_report"] = int(flag)
    out["version"] = _count("version", data.get("version", 1))
    out["updated_at"] = _stamp("updated_at", data.get("updated_at"))
    return out


def check_event(row: object, request_uids: set[str]) -> dict[str, Any]:
    allowed = {"request_uid", "on_date", "from_status", "to_status", "note", "actor",
               "recorded_at", "detail"}  # fmt: skip
    data = _known("", row, allowed)
    uid = _uid("request_uid", data.get("request_uid"))
    if uid not in request_uids:
        raise ValidationError("request_uid", N_("names no request in the bundle"))
    before = data.get("from_status")
    detail = data.get("detail", "{}")
    try:
        parsed = json.loads(detail) if isinstance(detail, str) else None
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in parsed.items()
    ):
        raise ValidationError("detail", N_("is not a list of named facts"))
    for key, value in parsed.items():
        clean_text(f"detail.{key}", value, max_len=2000, multiline=True)
    return {
        "request_uid": uid,
        "on_date": parse_date("on_date", data.get("on_date")).isoformat(),
        "from_status": None if before in (None, "") else str(
            parse_enum("from_status", before, Status)),
        "to_status": str(parse_enum("to_status", data.get("to_status"), Status)),
        "note": _text("note", data.get("note"), 10_000, True),
        "actor": _text("actor", data.get("actor"), 200, False),
        "recorded_at": _stamp("recorded_at", data.get("recorded_at")),
        "detail": json.dumps(parsed, ensure_ascii=False),
    }  # fmt: skip


def check_rows(rows: object) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """(person, requests, events), each checked; a ValidationError names the row and field."""
    if not isinstance(rows, dict) or set(rows) != {"person", "requests", "events"}:
        raise ValidationError("bundle", N_("does not hold a person, requests and events"))
    person, requests, events = rows["person"], rows["requests"], rows["events"]
    if not isinstance(person, dict):
        raise ValidationError("person", N_("is not a row of fields"))
    for name, items in (("requests", requests), ("events", events)):
        if not isinstance(items, list) or len(items) > MAX_ROWS:
            raise ValidationError(
                name, N_("is not a list of at most {max_rows} rows"), max_rows=MAX_ROWS
            )
    checked_requests = []
    for n, row in enumerate(requests, 1):
        try:
            checked_requests.append(check_request(row))
        except ValidationError as exc:
            raise exc.within(f"request {n}") from None
    uids = {r["uid"] for r in checked_requests}
    if len(uids) != len(checked_requests):
        raise ValidationError("requests", N_("two requests have the same id"))
    for n, r in enumerate(checked_requests, 1):
        if r["parent_uid"] is not None and r["parent_uid"] not in uids:
            raise ValidationError(f"request {n}.parent_uid", N_("names no request in the bundle"))
    checked_events = []
    for n, row in enumerate(events, 1):
        try:
            checked_events.append(check_event(row, uids))
        except ValidationError as exc:
            raise exc.within(f"event {n}") from None
    return person, checked_requests, checked_events
