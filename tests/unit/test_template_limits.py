"""Hostile user templates that attack the process rather than the sandbox (issue 13:
break 13 and the render-limits weakness)."""

from __future__ import annotations

import time

from tests.helpers.people import sample_person
from tests.unit.test_sandbox import install


def test_deeply_nested_template_is_refused_by_name_and_line_others_work(session, tmp_path):
    """Break 13: one deeply nested user template made every letter command fail with an
    internal RecursionError."""
    depth = 2000
    body = "{% if true %}" * depth + "x" + "{% endif %}" * depth
    install(session, body, name="delete.privacy-ca.j2")
    problems = session.letters.check_templates()
    assert any("delete.privacy-ca.j2:" in p and "nested" in p for p in problems), problems
    person = session.people.add(sample_person(state="CA"))
    made = session.letters.make(person.id, ["acxiom"], "delete", fmt="txt",
                                out_dir=tmp_path / "out")  # fmt: skip
    assert made[0].request.letter_text  # the shipped template took over


def test_deep_brackets_are_refused_too(session):
    install(session, "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", name="delete.privacy-ca.j2")
    problems = session.letters.check_templates()
    assert any("delete.privacy-ca.j2:" in p and "nested" in p for p in problems), problems


def test_a_template_cannot_take_gigabytes(session):
    """Weakness: a user template could take 3 GB of memory in its render process."""
    install(session, "{{ ('x' * 1500000000)|length }}", name="delete.privacy-ca.j2")
    start = time.perf_counter()
    problems = session.letters.check_templates()
    assert any("memory" in p for p in problems), problems
    assert time.perf_counter() - start < 20  # (before: one render alone could run 37 s)
