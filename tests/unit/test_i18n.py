"""The Spanish catalog is complete, compiled, and in step with the UI's text."""

import subprocess
import sys
from pathlib import Path

from borrador.i18n import _, from_environment, language, set_language

ROOT = Path(__file__).resolve().parents[2]


def test_catalogs_are_complete_and_compiled():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_switching_language():
    assert set_language("es_MX") == "es" and language() == "es"
    assert _("People") == "Personas"
    assert set_language("fr") == "en" and _("People") == "People"
    assert from_environment({"LANG": "es_US.UTF-8"}) == "es_US"
    assert from_environment({"LANG": "C"}) == "en"
