"""What screens need from the application, as a Protocol: screens never import the app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from textual.screen import Screen

from borrador.services import Clock, Session
from borrador.services.preferences import Preferences, Settings
from borrador.services.store import Paths

ScreenFactory = Callable[[], Screen[Any]]


class Host(Protocol):
    """The running application, as the screens see it."""

    paths: Paths
    clock: Clock | None
    prefs: Preferences
    session: Session | None

    @property
    def preferences(self) -> Settings: ...

    def open(self, factory: ScreenFactory, *, replace: bool = False) -> None: ...

    def apply_language(self, code: str) -> None: ...

    def open_link(self, url: str) -> bool: ...
