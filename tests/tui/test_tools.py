"""Every step in the TUI: mail account set-up and test, calendar export, hand-off out and
in, erase one person, re-check, and honest messages about what opened and what is plain."""

import datetime as dt

from textual.widgets import Input, Select

from tests.helpers.tui import SIZE


def shown(app):
    return " ".join(str(n.message) for n in app._notifications)


async def fill(pilot, values):
    for key, value in values.items():
        widget = pilot.app.screen.query_one(f"#m-{key}")
        widget.value = value
    pilot.app.screen.query_one("#ok").press()
    await pilot.pause()


async def press(pilot, button):
    pilot.app.screen.query_one(button).press()
    await pilot.pause()


async def test_mail_account_calendar_and_handoff_import_from_settings(app, tmp_path):
    calendar = tmp_path / "due.ics"
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await press(pilot, "#mail-setup")
        await fill(pilot, {"host": "127.0.0.1", "security": "starttls", "port": "1",
                           "user": "rosa", "from": "rosa@example.org", "password": "pw"})  # fmt: skip
        account = app.session.mail.account()
        assert (account.host, account.port, account.user) == ("127.0.0.1", 1, "rosa")
        await press(pilot, "#mail-test")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and "Connecting" in shown(app)
        await press(pilot, "#calendar")
        await fill(pilot, {"file": str(calendar)})
        assert calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
        assert "NOT encrypted" in shown(app) and str(calendar) in shown(app)


async def test_handoff_out_and_in_and_erase_one_person(app, tmp_path):
    bundle = tmp_path / "rosa.borrador"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await fill(pilot, {"file": str(bundle)})
        note = str(app.screen.query_one(".warning").render())
        passphrase = note.rsplit(": ", 1)[-1].strip()
        assert bundle.exists() and "separately" in note
        carried = tmp_path / "usb-stick.borrador"  # erasing the person shreds files made here
        carried.write_bytes(bundle.read_bytes())
        await pilot.click("#ok")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#m-word", Input).value = "ERASE"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.session.people.all() == [] and not bundle.exists()
        assert type(app.screen).__name__ == "PeopleScreen"
        await pilot.press("f5")
        await pilot.pause()
        await press(pilot, "#handoff-import")
        await fill(pilot, {"file": str(carried), "passphrase": passphrase})
        assert [p.name for p in app.session.people.all()] == ["Rosa Inventada Ruiz"]
        assert "Imported Rosa Inventada Ruiz" in shown(app)


async def test_recheck_listed_again_and_mail_program_honesty(app):
    from borrador.tui.screens.request import RequestScreen

    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        done = session.requests.create(1, "whitepages", "delete")
        session.requests.change_status(done.id, "sent", on=dt.date(2026, 9, 1), channel="web")
        session.requests.change_status(done.id, "completed", on=dt.date(2026, 10, 1))
        app.open(lambda: RequestScreen(done.id))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#m-listed", Select).value = "yes"
        await pilot.click("#ok")
        await pilot.pause()
        newer = [r for r in session.requests.find(1) if r.parent_id == done.id]
        assert len(newer) == 1 and newer[0].status == "drafted"
        assert "Listed again" in shown(app)
        await pilot.press("o")  # no letter stored: said so, nothing claimed
        await pilot.pause()
        assert "Opened in your mail program" not in shown(app)
