"""Errors are written once, in English, as templates: every one raised below the front ends
is marked for translation and has a Spanish translation with the same {names}; `str(error)`
stays the English text the CLI prints, whatever language the TUI speaks."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from borrador.core.errors import N_, BorradorError, Phrase, ValidationError, Words
from borrador.core.requests import Status, check_transition
from borrador.core.text import parse_date
from borrador.i18n import set_language, translator
from borrador.tui.advice import advice, in_language

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "borrador"
CATALOG = PACKAGE / "i18n" / "locale" / "es" / "LC_MESSAGES" / "borrador.po"
# The shipped data tables' own checks: a malformed table is a bug in Borrador, caught by its
# tests before release, never something a user can fix; they stay English.
SHIPPED_DATA = {"laws/table.py", "laws/rights.py", "laws/calendars.py", "laws/records_acts.py",
                "catalog/schema.py"}  # fmt: skip
SHIPPED_ERRORS = {"LawTableError", "RightsTableError", "CalendarTableError", "RecordsActsError",
                  "CatalogError"}  # fmt: skip
FRONT_ENDS = {"cli", "tui"}


def _error_names() -> set[str]:
    """Every class named like an error of Borrador's (BorradorError and what derives from it)."""
    names = {"BorradorError"}
    trees = [ast.parse(p.read_text()) for p in PACKAGE.rglob("*.py")]
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                             for b in node.bases}  # fmt: skip
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names - SHIPPED_ERRORS


def _raise_sites() -> list[tuple[str, int, ast.expr]]:
    """(file, line, template expression) for each message and hint an error is made with."""
    errors, found = _error_names(), []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where.split("/")[0] in FRONT_ENDS or where in SHIPPED_DATA:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in errors:
                continue
            index = 1 if name == "ValidationError" else 0
            given = node.args[index : index + 1] + [k.value for k in node.keywords
                                                      if k.arg == "hint"]  # fmt: skip
            found += [(where, node.lineno, expr) for expr in given]
    return found


def _marked(expr: ast.expr) -> list[str] | None:
    """The N_() texts `expr` is made of; None when it is text that would not be translated."""
    if isinstance(expr, ast.Call) and getattr(expr.func, "id", "") == "N_":
        [text] = expr.args
        assert isinstance(text, ast.Constant)
        return [text.value]
    if isinstance(expr, ast.IfExp):
        body, other = _marked(expr.body), _marked(expr.orelse)
        return None if body is None or other is None else body + other
    if isinstance(expr, ast.Name | ast.Attribute):
        return []  # a template passed on (re-raising, crossing a process), marked where written
    if isinstance(expr, ast.Constant) and expr.value == "":
        return []
    return None


def _names(text: str) -> list[str]:
    return sorted(name for _t, name, _s, _c in string.Formatter().parse(text) if name)


def _extracted() -> list[str]:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return [m.id for m in script.template() if m.id]


def test_every_error_below_the_front_ends_is_a_marked_template():
    sites = _raise_sites()
    assert len(sites) > 300  # the walk found the raise sites
    unmarked = [f"{file}:{line}" for file, line, expr in sites if _marked(expr) is None]
    assert unmarked == [], "wrap the message and hint in N_() and pass values as parameters"


def test_every_error_template_is_extracted_and_translated_with_the_same_names():
    with CATALOG.open("rb") as po:
        spanish = {m.id: m.string for m in read_po(po) if m.id}
    compiled = translator("es")
    extracted = set(_extracted())
    templates = {t for _f, _l, expr in _raise_sites() for t in _marked(expr) or []}
    assert len(templates) > 250
    assert templates - extracted == set()
    for template in templates:
        assert spanish.get(template), f"not translated: {template!r}"
        assert compiled.gettext(template) == spanish[template]  # the .mo is up to date
        assert _names(spanish[template]) == _names(template), template


def test_str_stays_english_while_the_tui_speaks_spanish():
    set_language("es")
    with pytest.raises(BorradorError) as refused:
        check_transition(Status.DRAFTED, Status.COMPLETED)
    assert str(refused.value) == ("a request that is 'drafted' cannot become 'completed'. "
                                  "From 'drafted' it can become: sent, withdrawn.")  # fmt: skip
    assert advice(refused.value) == ("una solicitud en estado «borrador» no puede pasar a "
                                     "«cumplida». Desde «borrador» puede pasar a: enviada, "
                                     "retirada.")  # fmt: skip
    with pytest.raises(ValidationError) as bad:
        parse_date("date", "13/45/2026")
    assert str(bad.value) == "date: '13/45/2026' is not a real calendar date (month/day/year)."
    assert in_language(bad.value) == (
        "Fecha: '13/45/2026' no es una fecha real del calendario (mes/día/año)."
    )


def test_fields_are_named_in_spanish_or_left_out():
    set_language("es")
    zip_code = ValidationError("addresses[0].postal_code", N_("{postal!r} is not a US ZIP code "
                               "(12345)"), postal="9")  # fmt: skip
    assert in_language(zip_code) == "Código postal: '9' no es un código postal de EE. UU. (12345)."
    unknown = ValidationError("--state", N_("is required"))
    assert in_language(unknown) == "es obligatorio."  # no English identifier in front


def test_worded_parameters_follow_the_language_and_a_broken_translation_falls_back():
    set_language("es")
    error = BorradorError(N_("{refusal}, so the password cannot be kept."),
                          refusal=Phrase(N_("this computer has no system keyring")))  # fmt: skip
    assert str(error) == "this computer has no system keyring, so the password cannot be kept."
    assert advice(error) == (
        "esta computadora no tiene llavero del sistema, así que no se puede guardar la contraseña."
    )
    assert str(Words([Status.SENT, Status.WITHDRAWN])) == "sent, withdrawn"
    located = BorradorError(N_("the file is empty.")).at("registro.csv")
    assert str(located) == "registro.csv: the file is empty."
    assert advice(located) == "registro.csv: el archivo está vacío."
    # A template the catalog does not know (a newer message) shows in English, never a crash.
    newer = BorradorError("{day} is too late.", day=dt.date(2026, 1, 2))
    assert advice(newer) == "2 ene 2026 is too late."  # dates as the screens show them


def test_a_command_in_a_translated_hint_is_still_turned_into_a_screen():
    set_language("es")
    missing = ValidationError("birth_date", N_("{name} has none recorded, and {entry_name} needs "
                              "it to find the records"), hint=N_("Add it with 'borrador people "
                              "edit {id}'."), name="Ana Inventada", entry_name="Acme", id=4)  # fmt: skip
    said = advice(missing)
    assert said.startswith("Fecha de nacimiento: Ana Inventada no tiene este dato anotado")
    assert "Añádalo en la pantalla Personas (F2)" in said and "borrador" not in said
