"""The clinic's own details, which sign agent letters."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from borrador.core.errors import N_, ValidationError
from borrador.core.text import clean_text
from borrador.letters.context import Agent

if TYPE_CHECKING:
    from borrador.storage.settings_repo import SettingsRepo

__all__ = ["Agent", "OrganisationProfile"]
ORGANISATION_KEY = "organisation"


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
            raise ValidationError("name", N_("is required"))
        self.settings.put(ORGANISATION_KEY, fields)
