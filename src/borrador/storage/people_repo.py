"""People in the database. List fields are JSON columns inside the encrypted file."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any, NamedTuple

from borrador.core.errors import N_, NotFoundError
from borrador.core.people import Address, Person, person_to_data
from borrador.storage.db import Database

_COLUMNS = "id, name, other_names, birth_date, state, language, emails, phones, addresses, notes"


class PersonName(NamedTuple):
    id: int
    name: str


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _row_to_person(row: Any) -> Person:
    (pid, name, other_names, birth_date, state, language, emails, phones, addresses, notes) = row
    return Person(
        id=pid,
        name=name,
        other_names=tuple(json.loads(other_names)),
        birth_date=_date(birth_date),
        state=state,
        language=language,
        emails=tuple(json.loads(emails)),
        phones=tuple(json.loads(phones)),
        addresses=tuple(
            Address(
                street=a["street"],
                unit=a["unit"],
                city=a["city"],
                state=a["state"],
                postal_code=a["postal_code"],
                country=a["country"],
                current=a["current"],
                from_date=_date(a["from"]),
                to_date=_date(a["to"]),
            )
            for a in json.loads(addresses)
        ),
        notes=notes,
    )


def _values(person: Person) -> dict[str, Any]:
    data = person_to_data(person)
    for key in ("other_names", "emails", "phones", "addresses"):
        data[key] = json.dumps(data[key], ensure_ascii=False)
    return data


class PeopleRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, person: Person, now: str) -> Person:
        values = _values(person) | {"uid": uuid.uuid4().hex, "now": now}
        with self.db.write() as conn:
            cur = conn.execute(
                "INSERT INTO people (uid, name, other_names, birth_date, state, language, emails,"
                " phones, addresses, notes, created_at, updated_at) VALUES (:uid, :name,"
                " :other_names, :birth_date, :state, :language, :emails, :phones, :addresses,"
                " :notes, :now, :now)",
                values,
            )
            new_id = int(cur.lastrowid)
        return self.get(new_id)

    def update(self, person_id: int, person: Person, now: str) -> Person:
        values = _values(person) | {"id": person_id, "now": now}
        with self.db.write() as conn:
            cur = conn.execute(
                "UPDATE people SET name=:name, other_names=:other_names, birth_date=:birth_date,"
                " state=:state, language=:language, emails=:emails, phones=:phones,"
                " addresses=:addresses, notes=:notes, updated_at=:now WHERE id=:id",
                values,
            )
            if cur.rowcount != 1:
                raise NotFoundError(
                    N_("there is no person with id {person_id}."),
                    hint=N_("'borrador people list' shows the ids."),
                    person_id=person_id,
                )
        return self.get(person_id)

    def get(self, person_id: int) -> Person:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM people WHERE id = ?", (person_id,))
        if not rows:
            raise NotFoundError(
                N_("there is no person with id {person_id}."),
                hint=N_("'borrador people list' shows the ids."),
                person_id=person_id,
            )
        return _row_to_person(rows[0])

    def all(self) -> list[Person]:
        return [
            _row_to_person(r) for r in self.db.query(f"SELECT {_COLUMNS} FROM people ORDER BY id")
        ]

    def left_without(self, request_ids: list[int]) -> list[int]:
        """People who have requests, all of them among `request_ids`."""
        gone = set(request_ids)
        by_person: dict[int, set[int]] = {}
        for pid, rid in self.db.query("SELECT person_id, id FROM requests"):
            by_person.setdefault(int(pid), set()).add(int(rid))
        return sorted(pid for pid, ids in by_person.items() if ids <= gone)

    def names(self) -> list[PersonName]:
        rows = self.db.query("SELECT id, name FROM people ORDER BY id")
        return [PersonName(int(i), n) for i, n in rows]

    def count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM people")[0][0])

    def delete(self, person_id: int) -> None:
        """Remove the person with their requests and events (cascade)."""
        with self.db.write() as conn:
            if conn.execute("DELETE FROM people WHERE id = ?", (person_id,)).rowcount != 1:
                raise NotFoundError(
                    N_("there is no person with id {person_id}."), person_id=person_id
                )
