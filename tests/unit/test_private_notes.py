"""Notes typed with --note are private (issue 13, break 17): a follow-up or complaint goes to
a broker or a regulator, so it quotes only notes marked for the letter."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers.people import sample_person

SECRET = "Tiene cita en inmigracion el martes"  # what a volunteer might jot down


@pytest.mark.parametrize("kind", ["follow-up", "complaint"])
def test_notes_stay_out_of_escalation_letters(session, tmp_path, kind):
    person = session.people.add(sample_person(state="CA"))
    original = session.requests.create(person.id, "acxiom", "delete", notes=SECRET)
    session.requests.change_status(original.id, "sent", on=dt.date(2026, 9, 1), channel="mail",
                                   confirmation="9400 1234", note=SECRET + " (sent)")  # fmt: skip
    session.requests.add_note(original.id, SECRET + " (note)")
    session.requests.add_note(original.id, "They asked for ID by phone", for_letter=True)
    made = session.letters.escalate(original.id, kind, fmt="txt", out_dir=tmp_path / "out")
    text = made.request.letter_text
    assert "Tiene cita" not in text
    assert "9400 1234" in text and "They asked for ID by phone" in text
    assert all("Tiene cita" not in p.read_text() for p in made.files)
