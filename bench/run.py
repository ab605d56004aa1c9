"""Run the benchmarks: `python bench/run.py [--check] [NAME ...]`.

Prints one line per figure, `name: value (ratio to floor)`, where the floor is measured in
the same run. With --check, exits 1 if a ratio misses its target.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS = ["requests_list", "catalog", "due", "letters", "tui", "clinic", "scorecard",
              "replies"]


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    check = "--check" in argv
    names = [a for a in argv if a != "--check"] or BENCHMARKS
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
        return 2
    missed = 0
    for name in names:
        module = importlib.import_module(f"bench_{name}")
        for figure, value, floor, target in module.run():
            ratio = value / floor
            verdict = "ok" if ratio <= target else f"MISSED target {target}x"
            print(f"{figure}: {value:.4f} ({ratio:.2f}x floor {floor:.4f}; {verdict})")
            missed += ratio > target
    return 1 if missed and check else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
