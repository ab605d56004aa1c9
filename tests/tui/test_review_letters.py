"""Step 4 of New requests: switching between letters never moves one recipient's text to
another; an edit stays with its own letter, in the store and in the files."""

from textual.widgets import Input, Select, SelectionList, TextArea

NAMES = {
    "whitepages": "Whitepages",
    "lexisnexis-risk": "LexisNexis",
    "thomson-reuters": "Thomson Reuters",
}

PERSON = {
    "name": "Lucía Inventada Soto",
    "state": "CA",
    "birth_date": "1990-04-02",
    "emails": ["lucia@example.org"],
    "addresses": [{"street": "5 Calle Falsa", "city": "Fresno", "state": "CA",
                   "postal_code": "93701", "current": True}],
}  # fmt: skip


async def test_switching_letters_keeps_each_text_with_its_recipient(app, tmp_path):
    out = tmp_path / "letters"
    async with app.run_test(size=(110, 40)) as pilot:
        person = app.session.people.add(PERSON)
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#who", Select).value = person.id
        await pilot.press("ctrl+n")
        chosen = screen.query_one("#chosen", SelectionList)
        for slug in NAMES:
            chosen.select(slug)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        pick = screen.query_one("#letter-pick", Select)
        body = screen.query_one("#body", TextArea)
        order = ["lexisnexis-risk", "thomson-reuters", "whitepages", "lexisnexis-risk"]
        for slug in order:  # through every letter, with no edit: each shows its own
            pick.value = slug
            await pilot.pause()
            assert NAMES[slug] in body.text
            others = [n for s, n in NAMES.items() if s != slug and n not in NAMES[slug]]
            assert not any(f"privacy office of {n}" in body.text for n in others)
        pick.value = "whitepages"
        await pilot.pause()
        body.text = body.text + "\n\nEdited for Whitepages only."
        for slug in ("thomson-reuters", "lexisnexis-risk", "whitepages", "thomson-reuters"):
            pick.value = slug
            await pilot.pause()
            assert ("Edited for Whitepages only." in body.text) == (slug == "whitepages")
        await pilot.press("ctrl+n")
        screen.query_one("#format", Select).value = "txt"
        screen.query_one("#out", Input).value = str(out)
        await pilot.click("#make")
        await app.workers.wait_for_complete()
        await pilot.pause()
        made = {m.request.recipient: m for m in screen.made}
    assert set(made) == set(NAMES)
    for slug, name in NAMES.items():
        stored = app.session.requests.get(made[slug].request.id).letter_text or ""
        assert name in stored
        assert ("Edited for Whitepages only." in stored) == (slug == "whitepages")
        for other_slug, other in NAMES.items():
            if other_slug != slug:
                assert f"privacy office of {other}" not in stored
        letters = [p for p in made[slug].files if "explainer" not in p.name]
        assert letters
        for path in letters:
            text = path.read_text(encoding="utf-8")
            assert name in text
            assert ("Edited for Whitepages only." in text) == (slug == "whitepages")


async def test_each_recipient_gets_its_best_way_and_no_letter_goes_unaddressed(app, tmp_path):
    from borrador.tui.widgets.routes import RouteTable

    out = tmp_path / "mixed"
    async with app.run_test(size=(80, 24)) as pilot:
        person = app.session.people.add(PERSON)
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#who", Select).value = person.id
        await pilot.press("ctrl+n")
        chosen = screen.query_one("#chosen", SelectionList)
        for slug in NAMES:
            chosen.select(slug)
        for _step in range(3):
            await pilot.press("ctrl+n")
            await pilot.pause()
        routes = screen.query_one(RouteTable)
        assert {s: r.way for s, r in routes.routes.items()} == {
            "whitepages": "web",
            "lexisnexis-risk": "pdf",
            "thomson-reuters": "pdf",
        }
        routes.focus()
        routes.move_cursor(row=list(routes.routes).index("whitepages"))
        for _way in range(2):  # web -> txt -> pdf: Whitepages has no postal address
            await pilot.press("c")
        await pilot.pause()
        assert routes.routes["whitepages"].way == "pdf"
        screen.query_one("#out", Input).value = str(out)
        await pilot.click("#make")
        await pilot.pause()
        assert "no postal address for Whitepages" in str(screen.query_one("#problem").render())
        assert not out.exists()  # said before any file was made
        await pilot.press("c")  # pdf -> eml: its email address from the catalog
        await pilot.pause()
        assert routes.routes["whitepages"].way == "eml"
        await pilot.click("#make")
        await app.workers.wait_for_complete()
        await pilot.pause()
        made = {m.request.recipient: m for m in screen.made}
    assert set(made) == set(NAMES)
    suffixes = {slug: sorted(p.suffix for p in m.files) for slug, m in made.items()}
    assert ".eml" in suffixes["whitepages"]
    assert ".pdf" in suffixes["lexisnexis-risk"] and ".pdf" in suffixes["thomson-reuters"]
    for slug, name in NAMES.items():
        stored = app.session.requests.get(made[slug].request.id).letter_text or ""
        assert name in stored


async def test_a_second_open_request_of_the_same_kind_is_asked_about_first(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#who", Select).value = 1
        await pilot.press("ctrl+n")
        screen.query_one("#chosen", SelectionList).select("spokeo")  # delete: already sent
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        asked = str(screen.query_one("#problem").render())
        assert "Already open for this person: Spokeo (#1, sent)" in asked
        assert screen.step == 2  # still on "what to ask"
        await pilot.press("ctrl+n")  # Next again: made anyway
        await pilot.pause()
        assert screen.step == 3


async def test_full_screen_letter_reads_and_edits_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        person = app.session.people.add(PERSON)
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#who", Select).value = person.id
        await pilot.press("ctrl+n")
        screen.query_one("#chosen", SelectionList).select("whitepages")
        for _step in range(2):
            await pilot.press("ctrl+n")
            await pilot.pause()
        body = screen.query_one("#body", TextArea)
        assert body.size.height >= 8  # the review box is more than a few lines
        body.focus()
        await pilot.press("ctrl+o")
        await pilot.pause()
        full = app.screen.query_one("#full-letter", TextArea)
        assert full.size.height >= 18 and "Whitepages" in full.text
        full.text = full.text + "\n\nEdited at full size."
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and "Edited at full size." in body.text
        assert "Edited at full size." in screen.bodies["whitepages"]
