"""Who is at the keyboard: in clinic mode the volunteer who unlocked; "" for one person."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Identity:
    """Shared by the services that record or print who acted: set once on unlocking."""

    name: str = ""

    def __call__(self) -> str:
        return self.name
