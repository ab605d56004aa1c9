"""The replies screen with Pilot: pick a mail file, import it, accept after confirming."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tests.helpers.reply_fixtures import message


async def test_pick_import_and_accept_with_confirmation(app, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "answer.eml"
    path.write_bytes(
        message(
            "Acxiom Privacy <consumeradvo@acxiom.com>",
            "rosa@example.org",
            "Your request [\x1b[31mred]",
            "Your personal information has been deleted from our systems.",
            msgid="tui1@acxiom.com",
        )
    )
    from borrador.tui.screens.replies import RepliesScreen

    async with app.run_test(size=(120, 48)) as pilot:
        await app.workers.wait_for_complete()
        app.open(lambda: RepliesScreen(start=folder))
        await pilot.pause()
        screen = app.screen
        screen.chosen.append(path)  # as if picked in the tree
        worker = screen.action_import_files()
        await worker.wait()
        await pilot.pause()
        await pilot.pause()
        table = screen.query_one("#replies", DataTable)
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert row[3] == "completed" and row[4] == "consumeradvo@acxiom.com"
        assert "\x1b" not in row[5] and "[" in row[5]  # literal, escapes removed
        request_id = int(row[1])
        assert app.session.requests.get(request_id).status == "verification-requested"
        assert "1 matched" in str(screen.query_one("#summary", Static).render())
        screen.accept()
        await pilot.pause()
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.session.requests.get(request_id).status == "verification-requested"
        screen.accept()
        await pilot.pause()
        await pilot.click("#apply")
        await pilot.pause()
        assert app.session.requests.get(request_id).status == "completed"
        assert table.row_count == 0


async def test_f7_opens_the_replies_screen(app):
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert type(app.screen).__name__ == "RepliesScreen"
        assert app.screen.query_one("#replies", DataTable).row_count == 0
