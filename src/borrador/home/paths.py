"""Where Borrador keeps its files, and how they are written privately.

Everything lives under one folder: `BORRADOR_HOME` when set (tests, a clinic's USB stick),
otherwise the platform's per-user data folder. Nothing here touches the disk at import time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from borrador.core.errors import N_

ENV_HOME = "BORRADOR_HOME"
ENV_PASSPHRASE = "BORRADOR_PASSPHRASE"
DIR_MODE = 0o700
FILE_MODE = 0o600


@dataclasses.dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "borrador.db"

    @property
    def key_file(self) -> Path:
        return self.root / "borrador.key"

    @property
    def config(self) -> Path:
        return self.root / "config.toml"

    @property
    def user_templates(self) -> Path:
        return self.root / "templates"

    @property
    def exports_log(self) -> Path:
        return self.root / "exports.log"


def data_paths(environ: Mapping[str, str] | None = None) -> Paths:
    env = os.environ if environ is None else environ
    home = env.get(ENV_HOME, "").strip()
    if home:
        return Paths(Path(home).expanduser().absolute())
    import platformdirs  # deferred: only needed when no BORRADOR_HOME is given

    return Paths(Path(platformdirs.user_data_dir("borrador", appauthor=False)))


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and any missing parents) as 0700. A folder that already exists is
    left exactly as it is: Borrador never changes the mode of a folder it did not create
    (exporting into /tmp must not touch /tmp)."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: theirs, not ours to change
        os.chmod(folder, DIR_MODE)  # mkdir's mode is narrowed by the umask only, never widened


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file if it does not exist, so later writers inherit the mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)


TMP_SUFFIX = ".tmp"
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def temp_name(path: Path) -> Path:
    """A random, unguessable temp name beside `path` (so it can be logged before writing)."""
    import secrets

    return path.with_name(f".{path.name}.{secrets.token_hex(8)}{TMP_SUFFIX}")


def open_new_private(path: Path) -> int:
    """A new 0600 file: refuses an existing name and a symlink planted in its place."""
    return os.open(path, _NEW_FILE, FILE_MODE)


def write_private_file(path: Path, data: bytes, *, tmp: Path | None = None) -> None:
    """Replace `path` atomically: a new 0600 temp file (random name, O_EXCL, O_NOFOLLOW),
    fsync, rename, fsync the folder. `tmp` is the temp name when the caller logged it."""
    from borrador.home.faults import fault_point

    def fill(handle: BinaryIO) -> None:
        half = len(data) // 2
        handle.write(data[:half])
        handle.flush()
        fault_point("file.half-written")
        handle.write(data[half:])

    write_private_stream(path, fill, tmp=tmp)


def write_private_stream(
    path: Path, fill: Callable[[BinaryIO], None], *, tmp: Path | None = None
) -> None:
    """As `write_private_file`, with the content written by `fill` (large files, streamed)."""
    from borrador.core.errors import BorradorError
    from borrador.home.faults import fault_point

    tmp = tmp or temp_name(path)
    try:
        ensure_private_dir(path.parent)
        fd = open_new_private(tmp)
    except FileExistsError:  # a name planted where the temp file goes: never written through
        raise BorradorError(N_("{path}: something already sits where its temporary file goes; "
                            "nothing was written."), hint=N_("Choose another folder."),
                            path=path) from None
    except OSError as exc:
        raise BorradorError(N_("{path}: cannot be written ({strerror}); nothing was written."),
                            hint=N_("Choose a folder you can write to."),
                            path=path, strerror=exc.strerror) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        fault_point("file.before-rename")
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise BorradorError(N_("{path}: cannot be written ({strerror}); nothing was "
                                "written."), hint=N_("Choose a folder you can write to."),
                                path=path, strerror=exc.strerror) from None
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
