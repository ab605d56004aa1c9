"""A small invented world for reply tests: two invented people and nine sent requests to
catalog recipients, each with the Message-ID or reference number a reply could carry."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from tests.helpers.people import sample_person

PEOPLE = {
    "x": sample_person(state="CA", emails=["xiomara.pruebas@example.net"]),
    "t": sample_person(
        name="Teodoro Ejemplo Ficticio",
        other_names=[],
        state="CA",
        emails=["teo.ficticio@example.org"],
    ),
}
# key -> (person, recipient, kind, Message-ID of the sent email or "", confirmation)
REQUESTS = {
    "eps-x": ("x", "epsilon", "delete", "req-eps-x.1@example.net", "REQ-448812"),
    "acx-x": ("x", "acxiom", "opt-out", "req-acx-x.2@example.net", "ZD-730015"),
    "bv-x": ("x", "beenverified", "opt-out", "", "BV99120457"),
    "core-x": ("x", "corelogic", "delete", "", ""),
    "class-x": ("x", "classmates", "opt-out", "", "WF-88231"),
    "eps-t": ("t", "epsilon", "delete", "req-eps-t.3@example.org", "REQ-551907"),
    "acx-t": ("t", "acxiom", "opt-out", "", "ZD-730998"),
    "411-x": ("x", "411-com", "opt-out", "", ""),
    "411-t": ("t", "411-com", "opt-out", "", ""),
    "anywho-x": ("x", "anywho", "opt-out", "", "AW-310562"),
}
SENT_ON = dt.date(2026, 11, 2)


def build(session: Any) -> dict[str, int]:
    """The world in `session`; returns request key -> request id."""
    people = {key: session.people.add(data).id for key, data in PEOPLE.items()}
    ids: dict[str, int] = {}
    for key, (who, recipient, kind, message_id, confirmation) in REQUESTS.items():
        request = session.requests.create(people[who], recipient, kind)
        if message_id:
            repo = session.repos.requests
            before = repo.get(request.id)
            after = dataclasses.replace(
                before, message_id=f"<{message_id}>", version=before.version + 1
            )
            from borrador.core.requests import Event

            repo.save_change(
                before,
                after,
                Event(
                    request_id=request.id,
                    on=SENT_ON,
                    from_status=before.status,
                    to_status=before.status,
                    note="Message-ID stored",
                ),
                session.clock.now(),
            )
        session.requests.change_status(
            request.id,
            "sent",
            on=SENT_ON,
            channel="email" if message_id else "web",
            confirmation=confirmation,
        )
        ids[key] = request.id
    return ids
