"""Shared pieces for benchmarks: a throw-away store, and timing."""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PASSPHRASE = "lima tambor nube verde cuchara"


@contextlib.contextmanager
def bench_home() -> Iterator[dict[str, str]]:
    """A temp BORRADOR_HOME with a store that opens with BORRADOR_PASSPHRASE, its key derived
    at the Argon2id floor (the cheapest cost Borrador accepts; a real store costs more). A
    keyring would skip the derivation, but Borrador only trusts keyrings that encrypt, and
    this machine has none."""
    from borrador.home.paths import Paths
    from borrador.keys import FLOOR
    from borrador.services import init_store

    with tempfile.TemporaryDirectory(prefix="borrador-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BORRADOR_")}
        env.update(
            BORRADOR_HOME=str(Path(tmp) / "home"),
            BORRADOR_PASSPHRASE=PASSPHRASE,
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            PYTHONPATH=os.pathsep.join([str(BENCH_DIR), env.get("PYTHONPATH", "")]),
        )
        with init_store(Paths(Path(env["BORRADOR_HOME"])), PASSPHRASE, kdf=FLOOR) as session:
            env["BENCH_DATA_KEY"] = session.keys.data_key.hex()  # for the raw-key floor only
        yield env


def time_command(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_pair(
    measure: Callable[[], float], floor: Callable[[], float], rounds: int
) -> tuple[float, float]:
    """Median of each, interleaved so that machine noise hits both alike."""
    values, floors = [], []
    for _ in range(rounds):
        floors.append(floor())
        values.append(measure())
    return statistics.median(values), statistics.median(floors)
