"""Long work in the UI runs in workers: registry import, backup and restore, CSV export,
sending by email."""

import pytest
from textual.widgets import Input, Select

from tests.helpers import registry_files
from tests.helpers.common import PASSPHRASE
from tests.helpers.tui import SIZE


async def submit(pilot, **values):
    for key, value in values.items():
        widget = pilot.app.screen.query_one(f"#m-{key}")
        widget.value = value
    await pilot.click("#ok")
    await pilot.pause()


async def test_registry_import_in_a_worker(app, tmp_path):
    csv = tmp_path / "registry.csv"
    csv.write_bytes(registry_files.ca_cppa_2026())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await submit(pilot, file=str(csv))
        await app.workers.wait_for_complete()
        await pilot.pause()
        catalog = app.screen
        catalog.query_one("#query", Input).value = "fictional"
        await pilot.pause()
        assert "1 matching" in str(catalog.query_one("#count").render())
    assert app.session.catalog.registry.count() == 4


async def test_backup_export_and_restore_from_settings(app, tmp_path):
    backup = tmp_path / "b.zip"
    exported = tmp_path / "r.csv"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#backup-path", Input).value = str(backup)
        app.screen.query_one("#backup").press()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert backup.exists()
        app.screen.query_one("#export").press()
        await pilot.pause()
        await submit(pilot, file=str(exported))
        await app.workers.wait_for_complete()
        assert exported.read_text().startswith("id,person_id,recipient")
        app.session.people.add({"name": "Added After Backup"})
        app.screen.query_one("#restore").press()
        await pilot.pause()
        await submit(pilot, passphrase=PASSPHRASE, word="RESTORE")
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen"
        names = [p.name for p in app.session.people.all()]
    assert names == ["Rosa Inventada Ruiz"]


@pytest.mark.smtp
async def test_send_by_email_from_the_request_screen(app, tmp_path):
    from borrador.letters.smtp import MailAccount
    from borrador.tui.screens.request import RequestScreen
    from tests.helpers import smtp_server as srv

    ca, cert, key = srv.make_certificates(tmp_path)
    handler = srv.Handler()
    controller = srv.start(handler, cert, key, implicit_tls=False)
    try:
        async with app.run_test(size=SIZE) as pilot:
            session = app.session
            session.mail.save_account(
                MailAccount(
                    controller.hostname,
                    controller.port,
                    "starttls",
                    srv.USER,
                    "rosa@example.org",
                    str(ca),
                ),
                srv.PASSWORD,
                remember=False,
            )
            session.mail._password = None  # as in a new session: asked for in the UI
            [made] = session.letters.make(
                1, ["epsilon"], "delete", fmt="eml", out_dir=tmp_path / "out"
            )
            app.open(lambda: RequestScreen(made.request.id))
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("#m-password", Input).value = srv.PASSWORD
            app.screen.query_one("#m-attach", Select).value = "no"
            await pilot.click("#ok")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert session.requests.get(made.request.id).status == "sent"
        assert len(handler.messages) == 1 and handler.messages[0]["To"] == "privacy@epsilon.com"
    finally:
        controller.stop()
