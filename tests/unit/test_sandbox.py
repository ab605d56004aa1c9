"""User templates are untrusted: escapes are refused, errors name file and line, loops stop."""

import time

import pytest

from borrador.letters.environment import LetterTemplateError
from tests.helpers.people import sample_person

HEADER = """{#-
title = "My delete letter"
kind = "delete"
basis = ["privacy-ca"]
recipients = ["broker"]
requires = ["name"]
-#}
"""

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ person.__class__ }}",
    "{{ '{0.__class__}'.format(person) }}",
    "{{ '%s' % person.__class__ }}",
    "{{ person|attr('__class__') }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('touch PWNED') }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__ }}",
    "{{ range.__globals__ }}",
    "{% set x = person.update({'name': 'changed'}) %}{{ x }}",
    "{{ person.pop('name') }}",
    "{{ options.__class__.__base__.__subclasses__() }}",
    "{{ ''.join.__self__.__class__ }}",
    "{{ self.__init__.__globals__ }}",
    "{% include '/etc/passwd' %}",
    "{% extends 'letters/delete.privacy-ca.j2' %}",
    "{% import 'letters/_identify.j2' as x %}",
    "{% for i in range(100000) %}{{ i }}{% endfor %}",
    "{{ config }}",
    "{{ request.application.__globals__ }}",
]


def install(session, body, name="delete.privacy-ca.j2"):
    folder = session.paths.user_templates / "letters"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        HEADER
        + "{% block subject %}S{% endblock %}\n{% block body %}\n"
        + body
        + "\n{% endblock %}\n"
    )
    session.__dict__.pop("templates", None)  # reload the library


@pytest.mark.parametrize("payload", ESCAPES)
def test_escape_payloads_are_refused(session, payload, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    install(session, payload)
    problems = session.letters.check_templates()
    assert problems and any("delete.privacy-ca.j2" in p for p in problems), problems
    person = session.people.add(sample_person(state="CA"))
    try:
        made = session.letters.make(
            person.id, ["acxiom"], "delete", fmt="txt", out_dir=session.paths.root / "out"
        )
    except LetterTemplateError:
        assert session.requests.find() == []  # refused while rendering: nothing made
    else:  # refused on load: the shipped letter was used instead, and the user told
        assert session.letters.templates.errors
        assert "§1798.105" in made[0].request.letter_text
    assert not (tmp_path / "PWNED").exists()


def test_undefined_variable_names_file_and_line(session):
    install(session, "line one\n{{ person.nickname }}")
    problems = session.letters.check_templates()
    assert any(
        p.startswith("letters/delete.privacy-ca.j2:11:") and "nickname" in p for p in problems
    ), problems


def test_syntax_error_names_file_and_line(session):
    install(session, "fine\n{% if person.name %}never closed")
    problems = session.letters.check_templates()
    assert any(p.startswith("letters/delete.privacy-ca.j2:") and "if" in p for p in problems)


def test_unknown_variable_is_refused_on_load(session):
    install(session, "{{ secrets }}")
    assert any("unknown variable(s) secrets" in p for p in session.letters.check_templates())


def test_output_that_grows_without_bound_is_stopped(session):
    install(session, "{% for i in range(1000) %}{{ person.name * 1000 }}{% endfor %}")
    assert any("grew past" in p for p in session.letters.check_templates())


def test_a_loop_with_no_output_is_stopped_in_time(session):
    install(
        session,
        "{% for a in range(1000) %}{% for b in range(1000) %}"
        "{% for c in range(1000) %}{% endfor %}{% endfor %}{% endfor %}",
    )
    start = time.perf_counter()
    problems = session.letters.check_templates()
    assert time.perf_counter() - start < 10
    assert any("took longer than" in p for p in problems)


def test_a_good_user_template_overrides_and_renders(session):
    install(session, "Dear {{ recipient.name }}, delete my data. {{ law.citation }}")
    assert session.letters.check_templates() == []
    person = session.people.add(sample_person(state="CA"))
    made = session.letters.make(
        person.id, ["acxiom"], "delete", fmt="txt", out_dir=session.paths.root / "out"
    )[0]
    assert "Dear Acxiom, delete my data." in made.request.letter_text


def test_a_broken_user_template_leaves_the_shipped_one_in_use(session):
    install(session, "x", name="delete.privacy-co.j2")
    (session.paths.user_templates / "letters" / "delete.privacy-co.j2").write_text("no header")
    session.__dict__.pop("templates", None)
    assert any("no header" in p for p in session.letters.check_templates())
    person = session.people.add(sample_person(state="CO"))
    made = session.letters.make(
        person.id, ["acxiom"], "delete", fmt="txt", out_dir=session.paths.root / "out"
    )[0]
    assert "Colorado Privacy Act" in made.request.letter_text
