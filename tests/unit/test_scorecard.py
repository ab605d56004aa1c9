"""The compliance scorecard on a hand-built set, and the anonymised export: counts only,
months only, small cells suppressed, and not one canary from the people or their requests."""

import datetime as dt
import json
import re

import pytest

from borrador.services.scorecard import SMALL_CELL
from tests.helpers.people import sample_person

D = dt.date
CANARY_EXEMPTION = "Cal. Civ. Code 1798.145(a) per Quimera Canario"


def _sent(session, person, broker, on, *, basis="", kind="delete"):
    request = session.requests.create(
        person.id, broker, kind, legal_basis=basis, channel="web", notes="nota Quimera Canario"
    )
    return session.requests.change_status(
        request.id, "sent", on=on, confirmation="CONF-CANARIO-991"
    )


@pytest.fixture
def built(session):
    person = session.people.add(sample_person(state="CA", name="Quimera Canario Inventada"))
    il = session.people.add(sample_person(state="IL"))
    june = D(2026, 6, 1)
    r1 = _sent(session, person, "acxiom", june)
    session.requests.change_status(r1.id, "completed", on=D(2026, 6, 11))  # 10 days
    r2 = _sent(session, person, "acxiom", june)
    session.requests.change_status(r2.id, "completed", on=D(2026, 6, 21))  # 20 days
    r3 = _sent(session, person, "acxiom", june)
    session.requests.change_status(
        r3.id, "denied", on=D(2026, 7, 31), reason="exempt", exemption=CANARY_EXEMPTION
    )  # 60 days: late (due 07-16)
    r4 = _sent(session, person, "acxiom", june)
    session.requests.change_status(r4.id, "denied", on=D(2026, 6, 6), reason="not-found")
    _sent(session, person, "acxiom", D(2026, 9, 1))  # due 2026-10-16: overdue, unanswered
    _sent(session, person, "acxiom", D(2026, 11, 20))  # still within its time
    r7 = _sent(session, il, "acxiom", june)  # no statute for IL: a courtesy target only
    session.requests.change_status(r7.id, "completed", on=D(2026, 6, 3))  # 2 days
    session.requests.record_recheck(r1.id, listed=True, on=D(2026, 9, 11))
    for day in (1, 2):
        _sent(session, person, "spokeo", D(2026, 8, day), kind="opt-out")
    return session


def test_scorecard_numbers_on_a_hand_built_set(built):
    scores = {s.broker: s for s in built.scorecard.scores()}
    acxiom = scores["acxiom"]
    assert (acxiom.sent, acxiom.answered, acxiom.with_legal_deadline) == (7, 5, 6)
    assert (acxiom.answered_in_time, acxiom.answered_late, acxiom.overdue_unanswered) == (3, 1, 1)
    assert acxiom.median_days_to_answer == 10.0  # of 2, 5, 10, 20, 60
    assert acxiom.denials == 2
    assert acxiom.denials_by_exemption == {CANARY_EXEMPTION: 1, "(no exemption named)": 1}
    assert acxiom.denials_by_reason == {"exempt": 1, "not-found": 1}
    assert (acxiom.removals_completed, acxiom.relistings) == (3, 1)
    assert scores["spokeo"].sent == 2 and scores["spokeo"].answered == 0
    assert built.scorecard.for_broker("spokeo").overdue_unanswered == 2  # 15 business days


def test_anonymised_export_suppresses_small_cells_and_leaves_out_small_brokers(built):
    data = built.scorecard.anonymised()
    assert data["suppressed_below"] == SMALL_CELL
    assert [b["broker"] for b in data["brokers"]] == ["acxiom"]  # spokeo: 2 requests, left out
    row = data["brokers"][0]
    assert (row["sent"], row["answered"], row["with_legal_deadline"]) == (7, 5, 6)
    assert row["answered_in_time"] is None and row["denials"] is None  # 3 and 2: under 5
    assert row["relistings"] is None and row["median_days_to_answer"] == 10.0
    assert row["denials_by_reason"] == {"exempt": None, "not-found": None}
    assert data["period"] == {"from": "2026-06", "to": "2026-11"}
    assert data["brokers_left_out"] is None  # one broker: itself a small cell


def test_export_holds_no_canary_from_the_people_or_their_requests(built, run, tmp_path):
    target = tmp_path / "scorecard.json"
    built.close()
    result = run("scorecard", "export", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text("utf-8")
    json.loads(text)
    canaries = [
        "Quimera",
        "Canario",
        "Xiomara",
        "Inventada",
        "Pruebas",
        "example.net",
        "312-555-0199",
        "555",
        "742",
        "Calle Ficticia",
        "Chicago",
        "60608",
        "1979",
        "CONF-CANARIO",
        "nota",
        "1798.145",
        "person",
        "uid",
        '"id"',
    ]
    for canary in canaries:
        assert canary.lower() not in text.lower(), canary
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # months only, never a day
