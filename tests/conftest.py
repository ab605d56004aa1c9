"""Every test runs with its own BORRADOR_HOME, no real keyring and no network."""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from borrador.home.lock import StoreLock
from borrador.home.paths import Paths, ensure_private_dir
from borrador.i18n import set_language
from borrador.keys import FLOOR, KdfParams, KeyFile
from borrador.services import Session, init_store
from borrador.storage.db import Database
from tests.helpers.cli import run_cli, run_cli_process
from tests.helpers.common import PASSPHRASE, FixedClock
from tests.helpers.memory_keyring import MemoryKeyring


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
    umask = os.umask(0o022)  # the CLI sets its own: no test sees another's
    yield home
    os.umask(umask)
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The language is process-wide (borrador.i18n): each test starts, and leaves, in English."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def floor_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """New keys (init, change of passphrase, own-passphrase backups, hand-off bundles) are
    derived at the floor, the cheapest cost the program accepts, instead of the default:
    tests make many. Tests of the real cost are marked `real_kdf`. Subprocesses are not
    affected."""
    if request.node.get_closest_marker("real_kdf") is None:
        floor = tuple(getattr(FLOOR, f.name) for f in dataclasses.fields(KdfParams))
        monkeypatch.setattr(KdfParams.__init__, "__defaults__", floor)


LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sockets may not connect anywhere. Tests marked `smtp` or `imap` may reach this machine
    only."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    loopback_ok = any(request.node.get_closest_marker(m) for m in ("smtp", "imap"))

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


@pytest.fixture(scope="session")
def _fresh_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """One new, empty store per test worker, made by init_store itself (floor Argon2id, every
    migration); each `session` starts from a copy of its files."""
    root = tmp_path_factory.mktemp("fresh-store") / "home"
    with init_store(Paths(root), PASSPHRASE, kdf=FLOOR) as made:
        data_key = made.keys.data_key
    return root, data_key


@pytest.fixture
def session(paths: Paths, clock: FixedClock, _fresh_store: tuple[Path, bytes]) -> Iterator[Session]:
    """A new store, as `init_store` returns it (locked as open, empty, at the latest schema),
    copied from this worker's fresh one: a real SQLCipher file and key file, without paying
    the key derivation and the migrations again for every test."""
    source, data_key = _fresh_store
    ensure_private_dir(paths.root)
    for made in sorted(source.iterdir()):
        if made.is_file() and not made.name.endswith((".lock", "-shm")):
            shutil.copyfile(made, paths.root / made.name)
            os.chmod(paths.root / made.name, 0o600)
    lock = StoreLock(paths)
    lock.shared()
    opened = Session(paths, Database(paths.database, data_key), KeyFile.load(paths.key_file),
                     clock, data_key)  # fmt: skip
    opened.store_lock = lock
    with opened:
        yield opened


@pytest.fixture
def run(isolated: Path):  # type: ignore[no-untyped-def]
    """`run("people", "list")`: the CLI on this test's BORRADOR_HOME, in this process."""
    return functools.partial(run_cli, isolated)


@pytest.fixture
def run_process(isolated: Path):  # type: ignore[no-untyped-def]
    """`run_process("people", "list")`: the same in a process of its own (slower)."""
    return functools.partial(run_cli_process, isolated)


@pytest.fixture
def figure(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Record a measured figure: printed at the end of the run (and in the README). Kept in
    the test's report, so that it reaches the summary from an xdist worker too."""

    def note(text: str) -> None:
        request.node.user_properties.append(("figure", text))
        print(text)

    return note


def pytest_terminal_summary(terminalreporter):  # type: ignore[no-untyped-def]
    figures = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", ())
        if name == "figure"
    ]
    if figures:
        terminalreporter.section("reliability and security figures")
        for line in figures:
            terminalreporter.write_line(line)


# The few tests that take many seconds start first: with xdist, a long test that starts last
# keeps one worker busy alone at the end while the other is idle.
LONG_FIRST = (
    "test_an_individual_walks_from_first_run_to_the_appeal",
    "test_a_volunteer_drafts_for_a_resident_and_hands_them_off",
    "test_any_user_template_loads_or_is_refused_clearly",
    "test_every_screen_and_selector_shows_hostile_text_literally",
    "test_any_table_gives_an_entry_or_a_catalog_error",
    "test_request_actions",
    "test_sanitized_text_has_no_controls_escapes_or_bidi",
    "test_arbitrary_input_gives_a_result_or_a_named_error",
    "test_any_command_line_ends_cleanly",
    "test_recheck_listed_again_and_mail_program_honesty",
    "test_a_template_cannot_take_gigabytes",
    "test_any_rows_under_a_real_header",
    "test_kill_during_rekey",
    "test_kill_during_writes",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: getattr(item, "originalname", item.name) not in LONG_FIRST)
