"""What each broker-list filter tests. The names and their wording live in core.broker_filters,
so every front end offers the same list; this table covers exactly those names (a test checks)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from borrador.catalog import model
from borrador.core.broker_filters import FILTERS
from borrador.core.errors import N_, ValidationError

TESTS: dict[str, Callable[[model.Broker], bool]] = {
    "ice-supplier": lambda e: e.ice_supplier,
    "federal-government": lambda e: e.flag("sold_to_federal_government"),
    "law-enforcement": lambda e: e.flag("sold_to_law_enforcement"),
    "immigration-status": lambda e: e.flag("collects_immigration_status"),
    "fcra-regulated": lambda e: e.flag("fcra_regulated"),
    "ca-registry": lambda e: e.in_registry("ca"),
}


def check_names(names: Iterable[str]) -> list[str]:
    """The names, each checked against the vocabulary (a ValidationError lists them all)."""
    chosen = list(dict.fromkeys(names))
    unknown = [n for n in chosen if n not in TESTS]
    if unknown:
        raise ValidationError(
            "flag",
            N_("{value!r} is not a filter; the filters are: {choices}"),
            value=unknown[0],
            choices=", ".join(FILTERS),
        )
    return chosen


def apply(entries: Iterable[model.Broker], names: Iterable[str]) -> list[model.Broker]:
    """The entries that pass every named filter (AND), in their order."""
    tests = [TESTS[n] for n in check_names(names)]
    return [e for e in entries if all(test(e) for test in tests)]
