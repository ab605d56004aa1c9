"""The layers of DESIGN.md: core imports only the stdlib; only tui may import textual/rich."""

import json
import pkgutil
import subprocess
import sys

import pytest

import borrador

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(borrador.__path__, "borrador.")
    if m.name != "borrador.__main__"
)

PROBE = """
import importlib, json, sys
before = set(sys.modules)
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def loaded_by(module):
    out = subprocess.run(
        [sys.executable, "-c", PROBE, module], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize("module", [m for m in MODULES if m.startswith("borrador.core")])
def test_core_imports_only_the_standard_library(module):
    foreign = {name.split(".")[0] for name in loaded_by(module)} - set(sys.stdlib_module_names)
    assert foreign <= {"borrador"}, foreign


@pytest.mark.parametrize("module", [m for m in MODULES if not m.startswith("borrador.tui")])
def test_nothing_outside_tui_loads_textual_or_rich(module):
    tops = {name.split(".")[0] for name in loaded_by(module)}
    assert not tops & {"textual", "rich"}, module


def test_cli_run_loads_no_textual_or_rich(tmp_path):
    probe = (
        "import sys\nfrom borrador.cli import cli\n"
        "try:\n    cli(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")
