"""Where the shipped letter templates are: inside the installed package, or the source tree."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def shipped_templates() -> Traversable:
    """The `templates/` folder: packaged as `borrador/templates` in a wheel; in a source
    checkout (editable install) it is the repository's top-level `templates/`."""
    packaged = resources.files("borrador") / "templates"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "templates"
    return source_tree
