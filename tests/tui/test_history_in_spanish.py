"""The request screen's history in Spanish: notes Borrador wrote are worded in the screen's
language (from their template, or as older stores hold them); a person's own note is kept as
typed; an empty note never shows the catalog's header."""

import datetime as dt

from textual.widgets import DataTable

from borrador.tui.screens.request import RequestScreen


async def test_history_notes_in_spanish(app, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        session = app.session
        [made] = session.letters.make(1, ["thomson-reuters"], "delete", fmt="pdf",
                                      out_dir=tmp_path)  # fmt: skip
        number = made.request.id
        session.requests.change_status(number, "sent", channel="mail")
        session.requests.mark_received(number, dt.date(2026, 11, 26))
        session.requests.add_note(number, "Llamé y me dieron el número 77.")
        app.apply_language("es")
        app.open(lambda: RequestScreen(number))
        await pilot.pause()
        table = app.screen.query_one("#history", DataTable)
        notes = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
    assert "Carta redactada (pdf)." in notes
    assert "Texto de la carta guardado." in notes
    assert "Recibida por el destinatario." in notes
    assert "Llamé y me dieron el número 77." in notes
    assert not any("Project-Id-Version" in n or "Letter" in n for n in notes)


def test_a_catalog_warning_with_no_translation_says_it_is_the_catalogs_english():
    from borrador.i18n import set_language
    from borrador.tui.wording import catalog_text

    note = "It requires a copy of your driver's licence for a deletion request."
    set_language("es")
    try:
        assert catalog_text(note) == f"{note} (del catálogo, en inglés)"
    finally:
        set_language("en")
    assert catalog_text(note) == note
