"""The request screen: stored replies in its history (text on `m`), the appeal letter where the
law has an appeal step and the request was denied or is late, and the complaint's refusal when
an appeal must come first."""

import datetime as dt

from textual.widgets import DataTable, Static

from borrador.tui.screens.request import RequestScreen
from tests.helpers.reply_fixtures import message
from tests.helpers.tui import SIZE, settle


def _virginia_request(session):
    person = session.people.add(
        {
            "name": "Vera Inventada",
            "state": "VA",
            "emails": ["vera@example.org"],
            "addresses": [{"street": "2 Calle Falsa", "city": "Richmond", "state": "VA",
                           "postal_code": "23220"}],
        }
    )  # fmt: skip
    request = session.requests.create(person.id, "spokeo", "delete")
    session.requests.change_status(request.id, "sent", on=dt.date(2026, 9, 1), channel="mail")
    return session.requests.get(request.id)


async def test_stored_replies_show_in_the_history_and_their_text_on_m(app, tmp_path):
    path = tmp_path / "answer.eml"
    path.write_bytes(message("Acxiom Privacy <consumeradvo@acxiom.com>", "rosa@example.org",
                             "About your request", "We need a copy of your ID to proceed.",
                             msgid="req1@acxiom.com"))  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.session.replies.import_files([path])
        [stored] = app.session.replies.for_request(2)
        app.open(lambda: RequestScreen(2))
        await settle(pilot)
        table = app.screen.query_one("#replies", DataTable)
        row = [str(c) for c in table.get_row_at(0)]
        assert row[2] == stored.subject == "About your request"
        assert "consumeradvo@acxiom.com" in row[1] and row[0].startswith(stored.sent_at[:10])
        await pilot.press("m")
        await settle(pilot)
        assert "copy of your ID" in str(app.screen.query_one("#letter", Static).render())
        await pilot.press("m")
        await settle(pilot)
        assert "copy of your ID" not in str(app.screen.query_one("#letter", Static).render())


async def test_complaint_needs_the_appeal_first_and_the_appeal_letter_is_made(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        session = app.session
        original = _virginia_request(session)
        assert original.legal_basis == "privacy-va"
        app.open(lambda: RequestScreen(original.id))
        await settle(pilot)
        assert "press u" in str(app.screen.query_one("#deadlines", Static).render())
        await pilot.press("l")
        await settle(pilot)
        app.screen.query_one("#m-out").value = str(tmp_path)
        app.screen.finish()
        await settle(pilot)
        assert "requires an appeal first" in str(app.screen.query_one("#m-error").render())
        assert not [r for r in session.requests.find(original.person_id) if r.parent_id]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        app.screen.query_one("#m-out").value = str(tmp_path)
        app.screen.finish()
        await settle(pilot)
        [appeal] = [r for r in session.requests.find(original.person_id) if r.parent_id]
        assert appeal.parent_id == original.id and str(appeal.kind) == "appeal"
        assert list(tmp_path.iterdir())


async def test_no_appeal_offered_where_the_law_sets_none(app):
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        before = len(app.session.requests.find(1))
        app.open(lambda: RequestScreen(1))  # California, late: the CCPA sets no appeal step
        await settle(pilot)
        assert app.screen.check_action("escalate", ("appeal",)) is False
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, RequestScreen)
        assert len(app.session.requests.find(1)) == before
