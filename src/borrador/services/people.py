"""People: add, edit and read, each checked the same way whether typed or imported."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from borrador.core.people import Person, parse_person

if TYPE_CHECKING:
    from borrador.services.clock import Clock
    from borrador.storage.people_repo import PeopleRepo


def normalise_email(text: str) -> str:
    """Syntax check and normal form, with no DNS lookup (no network)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None


class PeopleService:
    def __init__(self, people: PeopleRepo, clock: Clock) -> None:
        self.repo = people
        self.clock = clock

    def check(self, data: Mapping[str, Any]) -> Person:
        """Validate without storing (imported data gets the same checks as typed data)."""
        return parse_person(data, today=self.clock.today(), normalise_email=normalise_email)

    def add(self, data: Mapping[str, Any]) -> Person:
        return self.repo.add(self.check(data), self.clock.now())

    def edit(self, person_id: int, data: Mapping[str, Any]) -> Person:
        return self.repo.update(person_id, self.check(data), self.clock.now())

    def get(self, person_id: int) -> Person:
        return self.repo.get(person_id)

    def all(self) -> list[Person]:
        return self.repo.all()

    def count(self) -> int:
        return self.repo.count()
