"""The public-records act of each state (records_acts.toml), for the generic agency letter."""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from importlib import resources

from borrador.core.errors import BorradorError

KEYS = {"name", "citation", "confirmed", "source"}


class RecordsActsError(BorradorError):
    """The shipped records_acts.toml is malformed: a bug in Borrador, caught by its tests."""


@dataclasses.dataclass(frozen=True)
class RecordsAct:
    state: str
    name: str
    citation: str
    confirmed: bool  # False: recalled, not checked; letters then do not name it
    source: str


def records_act(state: str) -> RecordsAct | None:
    return _acts().get((state or "").upper())


def all_records_acts() -> dict[str, RecordsAct]:
    return dict(_acts())


@functools.cache
def _acts() -> dict[str, RecordsAct]:
    text = (resources.files("borrador.laws") / "records_acts.toml").read_text("utf-8")
    found = {}
    for state, row in tomllib.loads(text).get("state", {}).items():
        if set(row) != KEYS or not isinstance(row["confirmed"], bool):
            raise RecordsActsError(f"records_acts.toml: state.{state}: needs exactly "
                                   f"{', '.join(sorted(KEYS))}")  # fmt: skip
        found[state] = RecordsAct(state, row["name"], row["citation"], row["confirmed"],
                                  row["source"])  # fmt: skip
    return found
