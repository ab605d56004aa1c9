"""What an interrupted write left behind, found and removed: temp files named in the log,
letter files whose requests were never stored (a batch cut short before its commit), and
work folders of backups or restores whose process is gone.

Run when a store is opened by the only instance that has it open, and by every erase.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from borrador.home.faults import fault_point
from borrador.home.paths import Paths
from borrador.home.written_files import Written, rewrite, written

WORK_PREFIX = ".work-"
CHUNK = 1024 * 1024


def shred(path: Path) -> bool:
    """Overwrite the whole file with random bytes, fsync, then unlink. (On SSDs and
    journaling file systems old blocks may survive anyway: see the README.)"""
    try:
        if path.is_symlink() or not path.is_file():
            if path.is_symlink():
                path.unlink()
                return True
            return False
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            fault_point("erase.shredding")
            left = size
            while left > 0:
                n = min(left, CHUNK)
                handle.write(secrets.token_bytes(n))
                left -= n
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
        return True
    except FileNotFoundError:
        return False
    except PermissionError:
        with contextlib.suppress(OSError):
            path.unlink()
            return True
        return False


def work_folder_name() -> str:
    """A work folder named after its process, so a later opening knows when it is orphaned."""
    return f"{WORK_PREFIX}{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def shred_tree(folder: Path) -> int:
    count = 0
    for leftover in sorted(folder.rglob("*"), reverse=True):
        if leftover.is_file() or leftover.is_symlink():
            count += shred(leftover)
        elif leftover.is_dir():
            with contextlib.suppress(OSError):
                leftover.rmdir()
    shutil.rmtree(folder, ignore_errors=True)
    return count


def orphaned_work_folders(paths: Paths) -> list[Path]:
    """Work folders whose process is gone (this process's own are in use)."""
    if not paths.root.is_dir():
        return []
    found = []
    for folder in paths.root.glob(f"{WORK_PREFIX}*"):
        pid = folder.name[len(WORK_PREFIX) :].split("-", 1)[0]
        owner = int(pid) if pid.isdigit() else 0
        if folder.is_dir() and owner != os.getpid() and not (owner and _alive(owner)):
            found.append(folder)
    return found


def remove_leftovers(paths: Paths, request_exists: Callable[[int], bool] | None = None) -> int:
    """Temps of interrupted writes, letter files of requests that do not exist (when the
    store is open: `request_exists`), dead work folders. Returns how many files went."""
    count = 0
    keep: list[Written] = []
    entries = written(paths)
    for entry in entries:
        if entry.tmp is not None and (entry.tmp.exists() or entry.tmp.is_symlink()):
            count += shred(entry.tmp)
        orphan = (request_exists is not None and entry.kind == "letter" and entry.request_ids
                  and not all(request_exists(i) for i in entry.request_ids))  # fmt: skip
        if orphan:
            count += shred(entry.path)
        if entry.path.exists() and not orphan:
            keep.append(entry)
    if request_exists is not None and len(keep) != len(entries):
        rewrite(paths, _dedupe(keep))
    for folder in orphaned_work_folders(paths):
        count += shred_tree(folder)
    return count


def _dedupe(entries: list[Written]) -> list[Written]:
    seen, kept = set(), []
    for entry in entries:
        key = (entry.kind, entry.path, entry.request_ids, entry.person_ids, entry.anyone)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept
