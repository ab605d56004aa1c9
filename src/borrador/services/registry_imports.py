"""Importing a state data-broker registry file into the encrypted store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from borrador.services.catalog import CatalogService, ImportReport
    from borrador.services.clock import Clock


class RegistryImports:
    def __init__(self, catalog: CatalogService, clock: Clock) -> None:
        self.catalog = catalog
        self.clock = clock

    def import_file(self, path: Path, state: str | None = None) -> ImportReport:
        return self.catalog.import_registry(path, state, self.clock.today(), self.clock.now())
