"""Fuzzing what comes from outside: user templates, CLI arguments, displayed text, CSV cells."""

import csv
import io
import random

import keyring
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borrador.core.display import csv_safe, sanitize
from borrador.letters.environment import LetterTemplateError
from borrador.letters.library import TemplateLibrary
from borrador.letters.resources import shipped_templates
from borrador.services.exports import to_csv
from tests.helpers.common import PASSPHRASE
from tests.helpers.memory_keyring import MemoryKeyring

HEADER = '{#-\ntitle = "t"\nkind = "delete"\nbasis = ["privacy-ca"]\n-#}\n'
PIECES = [
    "{{ person.name }}",
    "{{ law.citation }}",
    "{% if agent %}",
    "{% endif %}",
    "{% for x in history %}",
    "{% endfor %}",
    "{% block body %}",
    "{% endblock %}",
    "{% block subject %}",
    "{{",
    "}}",
    "{%",
    "%}",
    "|upper",
    "__class__",
    ".format(",
    "{{ range(5) }}",
    "{{ options.about * 3 }}",
    "{# c #}",
    "\n",
    "x",
    "ñ",
    "'",
    '"',
]


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=20))
def test_any_user_template_loads_or_is_refused_clearly(tmp_path_factory, parts):
    folder = tmp_path_factory.getbasetemp() / "fuzz-templates" / "letters"  # one folder, the
    folder.mkdir(parents=True, exist_ok=True)  # file rewritten: cheaper than one per example
    (folder / "delete.privacy-ca.j2").write_text(HEADER + "".join(parts), "utf-8", "replace")
    library = TemplateLibrary(shipped_templates(), folder.parent)
    if library.errors:
        assert all(str(e).startswith("letters/delete.privacy-ca.j2") for e in library.errors)
        return
    from borrador.letters.context import sample_context

    try:
        library.render(
            library.infos["letters/delete.privacy-ca.j2"], sample_context(with_agent=False)
        )
    except LetterTemplateError as exc:
        assert str(exc).startswith("letters/delete.privacy-ca.j2")


WORDS = [
    "people",
    "requests",
    "brokers",
    "list",
    "show",
    "add",
    "mark",
    "due",
    "deadlines",
    "compute",
    "laws",
    "letters",
    "templates",
    "check",
    "catalog",
    "import-registry",
    "settings",
    "set",
    "calendar",
    "export",
    "progress",
    "--json",
    "--person",
    "--broker",
    "--kind",
    "--law",
    "--on",
    "--within",
    "--search",
    "--pack",
    "1",
    "0",
    "-1",
    "99999",
    "delete",
    "opt-out",
    "records",
    "spokeo",
    "ice-foia",
    "2026-02-30",
    "2026-11-01",
    "sent",
    "withdrawn",
    "ccpa",
    "--help",
    "--received",
    "--format",
    "pdf",
    "mail",
]


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=6))
def test_any_command_line_ends_cleanly(session, monkeypatch, argv):
    """Exit 0, 1 (bug report) or 2 (user error), never an unhandled exception."""
    from borrador.cli import cli
    from borrador.keys import keyring_policy

    memory = keyring_policy.backend_name(MemoryKeyring())  # allow-listed for the test only
    monkeypatch.setattr(keyring_policy, "ENCRYPTING_BACKENDS",
                        keyring_policy.ENCRYPTING_BACKENDS | {memory})  # fmt: skip

    ready = getattr(test_any_command_line_ends_cleanly, "ready", None)
    if ready is None or ready[0] != session.paths.root:  # once per run of the test
        backend = MemoryKeyring()
        keyring.set_keyring(backend)
        session.keys.remember_on_device(PASSPHRASE)  # unlock without the KDF, for speed
        ready = (session.paths.root, backend)
        test_any_command_line_ends_cleanly.ready = ready  # type: ignore[attr-defined]
    keyring.set_keyring(ready[1])
    if argv[:1] in (["erase"], ["restore"], ["init"], ["backup"]) or "mail" in argv:
        return
    result = CliRunner().invoke(cli, argv, catch_exceptions=True)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    assert result.exit_code != 1, result.output


UNSAFE = (
    [chr(c) for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)]]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    + ["\x1b[31m", "\x1b]8;;x\x07"]
)


@settings(max_examples=5000, deadline=None)
@given(st.lists(st.one_of(st.text(), st.sampled_from(UNSAFE)), max_size=10).map("".join))
def test_sanitized_text_has_no_controls_escapes_or_bidi(text):
    shown = sanitize(text)
    assert not any(ch in shown for ch in UNSAFE if len(ch) == 1)
    assert "\x1b" not in shown
    assert all(ch in "\n\t" or not (ord(ch) < 32 or 127 <= ord(ch) < 160) for ch in shown)


def test_ten_thousand_fuzzed_rows_export_safely(figure):
    rng = random.Random(11)
    starts = ["=", "+", "-", "@", "\t", "\r", "=HYPERLINK(", "@SUM(", "+1", "-1", "", "a"]
    rows = [
        [
            rng.choice(starts) + "".join(rng.choice("abc=+-@\t\r\n,\"' 1") for _ in range(8))
            for _ in range(5)
        ]
        for _ in range(10_000)
    ]
    text = to_csv(["a", "b", "c", "d", "e"], rows)
    parsed = list(csv.reader(io.StringIO(text, newline="")))[1:]
    dangerous = sum(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in parsed for cell in row
    )
    figure(
        f"CSV export: 10,000 fuzzed rows (50,000 cells), {dangerous} cells a spreadsheet "
        "would run as a formula"
    )
    assert len(parsed) == 10_000 and dangerous == 0
    assert csv_safe("=1+1") == "'=1+1" and csv_safe("plain") == "plain"
