"""Who is at the keyboard (clinic mode: the volunteer who unlocked; "" for one person alone),
and the clinic's own details, which sign agent letters."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from borrador.core.errors import ValidationError
from borrador.core.text import clean_text
from borrador.letters.context import Agent

__all__ = ["Agent", "Identity", "OrganisationProfile"]

if TYPE_CHECKING:
    from borrador.storage.settings_repo import SettingsRepo

ORGANISATION_KEY = "organisation"


@dataclasses.dataclass
class Identity:
    """Shared by the services that record or print who acted: set once on unlocking."""

    name: str = ""

    def __call__(self) -> str:
        return self.name


class OrganisationProfile:
    """The clinic's sender details, kept in the encrypted settings table."""

    def __init__(self, settings: SettingsRepo) -> None:
        self.settings = settings

    def get(self) -> Agent | None:
        data = self.settings.get(ORGANISATION_KEY)
        return Agent(**data) if data else None

    def save(self, agent: Agent) -> None:
        fields = {k: clean_text(k, v, max_len=300, multiline=k == "address")
                  for k, v in dataclasses.asdict(agent).items()}  # fmt: skip
        if not fields["name"]:
            raise ValidationError("name", "is required")
        self.settings.put(ORGANISATION_KEY, fields)
