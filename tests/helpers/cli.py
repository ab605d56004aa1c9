"""Running `borrador` on a test's data folder.

`run_cli` runs the program in this process, through its own entry point (`borrador.main.main`,
which also puts the sanitizing wrapper on stdout), with what a process would get: the
environment of `cli_env`, stdin that is not a terminal, no usable keyring, its own umask, and
Python's traceback on stderr if an exception escapes. It is quick, so most tests use it.

`run_cli_process` and `run_cli_at_terminal` start a real process, for the few things only a
process shows: the entry point, the exit status, a terminal.
"""

from __future__ import annotations

import dataclasses
import os
import pty
import select
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import keyring
from click.testing import CliRunner
from keyring.backends import fail

from tests.helpers.common import PASSPHRASE

FAIL_KEYRING = "keyring.backends.fail.Keyring"


@dataclasses.dataclass(frozen=True)
class CliResult:
    """What a finished `borrador` left: the same fields as `subprocess.CompletedProcess`."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a `borrador` process on `home`: no other BORRADOR_ setting, no
    keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BORRADOR_")}
    env.update(BORRADOR_HOME=str(home), PYTHON_KEYRING_BACKEND=FAIL_KEYRING)
    env.update(extra)
    return env


def _env_changes(home: Path, extra: dict[str, str]) -> dict[str, str | None]:
    """The changes to os.environ that make it `cli_env(home, **extra)` (None: removed)."""
    changes: dict[str, str | None] = {k: None for k in os.environ if k.startswith("BORRADOR_")}
    changes.update(cli_env(home, **extra))
    return changes


class _Program:
    """The program's entry point, in the shape CliRunner invokes (a `name` and `main`)."""

    name = "borrador"

    def main(self, args: Sequence[str], **_: Any) -> None:
        from borrador.main import main

        main(args)


def run_cli(
    home: Path,
    *args: str,
    passphrase: str | None = PASSPHRASE,
    input: str | None = None,
    **env: str,
) -> CliResult:
    """`borrador ARGS` on the data in `home`, in this process (see the module docstring)."""
    extra = {"BORRADOR_PASSPHRASE": passphrase} if passphrase else {}
    umask = os.umask(0o077)  # the program sets its own; a process's would end with it
    os.umask(umask)
    backend = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # what PYTHON_KEYRING_BACKEND gives a process
    try:
        result = CliRunner().invoke(
            _Program(),  # type: ignore[arg-type]
            list(args),
            input=input,
            env=_env_changes(home, {**extra, **env}),
            catch_exceptions=True,
        )
    finally:
        os.umask(umask)
        keyring.set_keyring(backend)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        stderr += "".join(traceback.format_exception(*result.exc_info))  # as Python prints it
    return CliResult(tuple(args), result.exit_code, result.stdout, stderr)


def run_cli_process(
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


def run_cli_at_terminal(
    home: Path, *args: str, replies: Sequence[tuple[str, str]] = (), timeout: float = 60, **env: str
) -> tuple[int, str]:
    """`borrador ARGS` in its own process on a pseudo-terminal, with no BORRADOR_PASSPHRASE:
    for each (prompt, reply), wait until the terminal shows `prompt`, then type `reply` and
    Enter. Returns the exit status and everything the terminal showed."""
    argv = [sys.executable, "-m", "borrador", *args]
    environ = cli_env(home, **env)  # built before the fork: the child only calls execve
    pid, fd = pty.fork()
    if pid == 0:  # the child, on the terminal
        try:
            os.execve(sys.executable, argv, environ)
        finally:
            os._exit(127)
    shown = b""
    answered = 0  # where in `shown` the next prompt is looked for
    pending = list(replies)
    deadline = time.monotonic() + timeout
    try:
        while True:
            if pending and (at := shown.find(pending[0][0].encode(), answered)) >= 0:
                prompt, reply = pending.pop(0)
                answered = at + len(prompt.encode())
                os.write(fd, reply.encode() + b"\r")
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise AssertionError(f"borrador {' '.join(args)} did not finish: {shown!r}")
            if not select.select([fd], [], [], left)[0]:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # EIO: the child has closed the terminal
                chunk = b""
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")
