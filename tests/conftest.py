"""Every test runs with its own BORRADOR_HOME, no real keyring and no network."""

from __future__ import annotations

import datetime as dt
import functools
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

sys.path.insert(0, str(Path(__file__).parent))

from borrador.home.paths import Paths
from borrador.keys import FLOOR
from borrador.services import Session, init_store
from helpers.memory_keyring import MemoryKeyring

PASSPHRASE = "una frase de paso larga"
TODAY = dt.date(2026, 11, 26)


class FixedClock:
    def __init__(self, today: dt.date = TODAY) -> None:
        self.day = today

    def today(self) -> dt.date:
        return self.day

    def now(self) -> str:
        return f"{self.day.isoformat()}T12:00:00+00:00"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("BORRADOR_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user" / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("BORRADOR_PASSPHRASE", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield home
    keyring.set_keyring(previous)


LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sockets may not connect anywhere. Tests marked `smtp` may reach this machine only."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    loopback_ok = request.node.get_closest_marker("smtp") is not None

    def check(address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if not (loopback_ok and host in LOOPBACK):
            raise OSError(f"test tried to open a network connection to {address!r}")

    def guarded(self: socket.socket, address: object) -> None:
        check(address)
        return connect(self, address)  # type: ignore[arg-type]

    def guarded_ex(self: socket.socket, address: object) -> int:
        check(address)
        return connect_ex(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_ex)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """An in-memory keyring, allow-listed for the test as if it encrypted (it never leaves
    the process)."""
    from borrador.keys import keyring_policy

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    allowed = keyring_policy.ENCRYPTING_BACKENDS | {keyring_policy.backend_name(backend)}
    monkeypatch.setattr(keyring_policy, "ENCRYPTING_BACKENDS", allowed)
    return backend


@pytest.fixture
def paths(isolated: Path) -> Paths:
    return Paths(isolated)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def session(paths: Paths, clock: FixedClock) -> Iterator[Session]:
    with init_store(paths, PASSPHRASE, kdf=FLOOR, clock=clock) as opened:
        yield opened


def all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BORRADOR_")}
    env.update(BORRADOR_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.update(extra)
    return env


def run_cli(
    home: Path,
    *args: str,
    passphrase: str | None = PASSPHRASE,
    input: str | None = None,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """`borrador ARGS` in its own process, as a person runs it, on the data in `home`."""
    extra = {"BORRADOR_PASSPHRASE": passphrase} if passphrase else {}
    return subprocess.run(
        [sys.executable, "-m", "borrador", *args],
        capture_output=True,
        text=True,
        env=cli_env(home, **extra, **env),
        input=input,
        timeout=120,
    )


@pytest.fixture
def run(isolated: Path):  # type: ignore[no-untyped-def]
    """`run("people", "list")`: the CLI on this test's BORRADOR_HOME."""
    return functools.partial(run_cli, isolated)


FIGURES: list[str] = []


@pytest.fixture
def figure():
    """Record a measured figure: printed at the end of the run (and in the README)."""

    def note(text: str) -> None:
        FIGURES.append(text)
        print(text)

    return note


def pytest_terminal_summary(terminalreporter):  # type: ignore[no-untyped-def]
    if FIGURES:
        terminalreporter.section("reliability and security figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
