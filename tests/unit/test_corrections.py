"""Problems users report with a catalog channel: stored with the request, shown on the broker,
checked by `catalog check`, exported for the maintainers with no personal data."""

import datetime as dt
import json

import pytest

from borrador.core.errors import BorradorError, ValidationError
from tests.helpers.people import sample_person


@pytest.fixture
def person(session):
    return session.people.add(sample_person(state="CA", notes="Canaryzz private note"))


def test_a_report_names_the_channel_and_the_export_names_no_one(session, person, tmp_path):
    request = session.requests.create(person.id, "spokeo", "opt-out")
    saved = session.corrections.report(request.id, "bounced", note="Canaryzz the cousin's email")
    assert (saved.recipient, saved.channel) == ("spokeo", "email")
    assert saved.target == "privacy@spokeo.com"
    assert session.corrections.for_broker("spokeo") == [saved]
    assert "privacy@spokeo.com" in session.corrections.reported_targets()
    target = tmp_path / "corrections.json"
    assert session.corrections.export(target) == 1
    data = json.loads(target.read_text())
    assert data["corrections"] == [{"recipient": "spokeo", "channel": "email",
                                    "target": "privacy@spokeo.com", "problem": "bounced",
                                    "month": "2026-11", "reports": 1}]  # fmt: skip
    text = target.read_text()
    for private in ("Canaryzz", person.name, "Xiomara", "request", "note", "2026-11-26"):
        assert private not in text


def test_a_report_needs_a_known_problem_and_a_channel_of_its_kind(session, person):
    request = session.requests.create(person.id, "spokeo", "opt-out")
    with pytest.raises(ValidationError, match="is not one of"):
        session.corrections.report(request.id, "rude")
    no_email = next(
        e for e in session.catalog.search("")
        if e.kind == "broker" and e.status == "active" and not e.covered_by and e.channels
        and not any(c.type == "email" for c in e.channels)
    )  # fmt: skip
    other = session.requests.create(person.id, no_email.slug, "opt-out")
    with pytest.raises(BorradorError, match="has no email channel"):
        session.corrections.report(other.id, "bounced")


def test_erasing_the_person_erases_their_reports(session, person):
    request = session.requests.create(person.id, "spokeo", "opt-out")
    session.corrections.report(request.id, "dead-link", note="private")
    session.safety.erase_person(person.id)
    assert session.corrections.for_broker("spokeo") == []


def test_catalog_check_lists_reported_channels(run, tmp_path):
    assert run("init").returncode == 0
    (tmp_path / "p.toml").write_text('name = "Ana Ejemplo"\nstate = "CA"\n')
    assert run("people", "add", "--from-file", str(tmp_path / "p.toml")).returncode == 0
    run("requests", "add", "--person", "1", "--broker", "spokeo", "--kind", "opt-out")
    result = run("requests", "report", "1", "--problem", "bounced")
    assert result.returncode == 0, result.stderr
    check = run("catalog", "check", "--json")
    found = json.loads(check.stdout)["findings"]
    assert any(f["slug"] == "spokeo" and "privacy@spokeo.com" in f["problem"] for f in found)
    assert check.returncode == 1  # a reported channel is an error to fix
    shown = json.loads(run("brokers", "show", "spokeo", "--json").stdout)
    assert shown["reported_problems"][0]["problem"] == "bounced"


def test_a_dispute_after_a_free_report_has_45_days(session, person):
    plain = session.requests.create(person.id, "equifax", "dispute")
    after = session.requests.create(person.id, "equifax", "dispute", after_free_report=True)
    for request in (plain, after):
        session.requests.change_status(request.id, "sent", on=dt.date(2026, 11, 2),
                                       channel="web")  # fmt: skip
    assert session.tracking.deadlines(session.requests.get(plain.id)).respond_by == dt.date(
        2026, 12, 2
    )  # 30 days, 15 U.S.C. §1681i(a)(1)(A)
    assert session.tracking.deadlines(session.requests.get(after.id)).respond_by == dt.date(
        2026, 12, 17
    )  # 45 days, §1681j(a)(3)
    with pytest.raises(ValidationError, match="only with an FCRA dispute"):
        session.requests.create(person.id, "equifax", "disclosure", after_free_report=True)


def test_saved_mail_days_move_a_deadline_in_the_open_session(session, person):
    request = session.requests.create(person.id, "spokeo", "delete")
    session.requests.change_status(request.id, "sent", on=dt.date(2026, 11, 2), channel="mail")
    before = session.tracking.deadlines(session.requests.get(request.id)).received
    session.preferences.save("mail_days", "10")  # what the Settings screen and CLI call
    after = session.tracking.deadlines(session.requests.get(request.id)).received
    assert (before, after) == (dt.date(2026, 11, 7), dt.date(2026, 11, 12))
