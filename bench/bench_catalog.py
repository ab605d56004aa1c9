"""Catalog figures: load (curated + 600 imported), search over 5,000, import of 600 rows."""

from __future__ import annotations

import csv
import io
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from harness import BENCH_DIR

sys.path.insert(0, str(BENCH_DIR.parent))  # the repository: shared test fixtures
from tests.helpers.registry_files import ca_cppa_2026, many_rows

QUERIES = ["a", "le", "lex", "peo", "data", "broker", "spokeo", "inv", "ver", "9", "42", "zzz"]


def best(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `fn` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _store(tmp: str):  # a throw-away store, unlocked without the slow KDF
    from borrador.home.paths import Paths
    from borrador.keys import FLOOR
    from borrador.services import init_store

    return init_store(Paths(Path(tmp) / "home"), "benchmark passphrase", kdf=FLOOR)


def load_figure(rounds: int) -> tuple[str, float, float, float]:
    from borrador.catalog.loader import data_folder
    from borrador.services.catalog import CatalogService

    files = [t for t in data_folder().iterdir() if t.name.endswith(".toml")]
    with tempfile.TemporaryDirectory() as tmp, _store(tmp) as session:
        path = Path(tmp) / "registry.csv"
        path.write_bytes(ca_cppa_2026(many_rows(600)))
        session.registry.import_file(path)
        repo = session.catalog.registry
        measured = best(lambda: CatalogService(repo).catalog(), rounds)
        floor = best(lambda: [tomllib.loads(f.read_text("utf-8")) for f in files], rounds)
    return ("catalog_load_curated_plus_600_seconds", measured, floor, 3.0)


def search_figures(rounds: int) -> list[tuple[str, float, float, float]]:
    from borrador.catalog import model
    from borrador.catalog.search import SearchIndex

    words = ("Data", "People", "Lex")
    entries = [
        model.Broker(slug=f"b{i}", name=f"Invented {words[i % 3]} Broker {i}",
                     brands=(f"Brand {i}",), domains=(f"broker{i}.example",),
                     categories=("people-search",))
        for i in range(5000)
    ]  # fmt: skip
    index = SearchIndex(entries)
    names = [e.name for e in entries]
    per_query, floors, worst = [], [], 0.0
    for query in QUERIES:
        q = query.lower()
        per_query.append(best(lambda q=query: index.search(q), rounds))
        floors.append(best(lambda q=q: [n for n in names if q in n.lower()], rounds))
        worst = max(worst, max(_each(lambda q=query: index.search(q), rounds)))
    median, floor = statistics.median(per_query), statistics.median(floors)
    return [
        ("search_5000_median_seconds", median, floor, 3.0),
        ("search_5000_worst_seconds", worst, 0.010, 1.0),
    ]  # absolute ceiling: 10 ms


def _each(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def import_figures(rounds: int) -> list[tuple[str, float, float, float]]:
    """The whole import (parse, match, encrypted write) and the parse alone, against csv."""
    from borrador.catalog.registry import parse_registry

    data = ca_cppa_2026(many_rows(600))
    with tempfile.TemporaryDirectory() as tmp, _store(tmp) as session:
        path = Path(tmp) / "registry.csv"
        path.write_bytes(data)
        runs = []
        for _ in range(rounds):  # each round into an emptied table: a full first import
            session.db.conn.execute("DELETE FROM registry_entries")
            start = time.perf_counter()
            session.registry.import_file(path)
            runs.append(time.perf_counter() - start)
        measured = statistics.median(runs)
    floor = best(lambda: list(csv.reader(io.StringIO(path_text(data)))), rounds)
    parse_only = best(lambda: parse_registry(data), rounds)
    return [
        ("registry_import_600_rows_seconds", measured, floor, 5.0),
        ("registry_parse_600_rows_seconds", parse_only, floor, 5.0),
    ]


def path_text(data: bytes) -> str:
    return data.decode("utf-8")


def run(rounds: int = 15) -> list[tuple[str, float, float, float]]:
    return [load_figure(rounds), *search_figures(rounds), *import_figures(rounds)]
