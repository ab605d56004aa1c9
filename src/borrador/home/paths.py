"""Where Borrador keeps its files, and how they are written privately.

Everything lives under one folder: `BORRADOR_HOME` when set (tests, a clinic's USB stick),
otherwise the platform's per-user data folder. Nothing here touches the disk at import time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path

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
    """Create `path` (and parents) and make it 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file if it does not exist, so later writers inherit the mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)


def write_private_file(path: Path, data: bytes) -> None:
    """Replace `path` atomically: a 0600 temp file, fsync, rename, fsync the folder."""
    ensure_private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
