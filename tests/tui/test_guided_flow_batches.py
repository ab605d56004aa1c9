"""The guided flow with a batch: the find box keeps what was ticked, every letter that cannot
be made as chosen is named before any file is written, and several letters are marked sent
at once — refused as a whole when a date is before the letters were drafted."""

import datetime as dt

import pypdf
from textual.widgets import Input, Static

from borrador.services import open_store
from tests.helpers.common import PASSPHRASE, FixedClock
from tests.helpers.keyboard import choose, press_button, tab_to, type_into
from tests.helpers.tui import settle


async def find_and_tick(pilot, text):
    await type_into(pilot, "#find", text)
    await pilot.press("enter", "enter")  # Enter in the box goes to the list; Enter ticks
    await pilot.pause()


async def next_step(pilot):
    await pilot.press("ctrl+n")
    await pilot.pause()


async def test_letters_that_cannot_be_made_are_named_at_step_3_and_left_out_on_next(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#who").value == 1  # the only person, chosen already
        await next_step(pilot)
        for text in ("searchbug", "lexisnexis", "thomson", "411"):
            await find_and_tick(pilot, text)
        picked = str(screen.query_one("#picked", Static).render())
        assert "Chosen (4)" in picked and "Searchbug" in picked
        assert screen.query_one("#pack").region.y < 24  # the pack choice stays in view
        await next_step(pilot)
        await next_step(pilot)  # Rosa has no phone and no date of birth
        problem = str(screen.query_one("#problem", Static).render())
        # Searchbug is reached only by its web form, which needs a phone number
        assert "Searchbug needs the person's phone number" in problem
        assert "LexisNexis" not in problem  # mail needs a birth date; email does not
        assert "Next again" in problem and screen.step == 2
        await next_step(pilot)
        assert screen.step == 3
        assert [d.recipient for d, _l in screen.previews] == [
            "lexisnexis-risk", "thomson-reuters", "411-info"]
        await next_step(pilot)
        ways = {slug: r.way for slug, r in screen.query_one("#routes").routes.items()}
        assert ways == {"lexisnexis-risk": "eml", "thomson-reuters": "pdf", "411-info": "web"}


async def test_a_way_changed_at_step_5_is_checked_before_any_file_and_the_rest_marked_sent(
    app, store, tmp_path
):
    out = tmp_path / "letters"
    with open_store(store, passphrase=PASSPHRASE, clock=FixedClock()) as session:
        session.people.edit(1, {"name": "Rosa Inventada Ruiz", "state": "CA", "language": "es",
                                "emails": ["rosa@example.org"], "phones": ["555-0101"],
                                "addresses": [{"street": "10 Calle Falsa", "city": "Oakland",
                                               "state": "CA", "postal_code": "94601"}]})  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        await next_step(pilot)
        for text in ("searchbug", "thomson"):
            await find_and_tick(pilot, text)
        for _step in ("kind", "review", "deliver"):
            await next_step(pilot)
        assert screen.step == 4
        await tab_to(pilot, "#routes")
        await pilot.press("down", "c", "c", "c")  # Searchbug (second row): web form -> plain
        # text -> PDF -> email draft, and the catalog has no email address for it
        assert screen.query_one("#routes").routes["searchbug"].way == "eml"
        await type_into(pilot, "#out", str(out))
        await press_button(pilot, "#make")
        await app.workers.wait_for_complete()
        await pilot.pause()
        problem = str(screen.query_one("#problem", Static).render())
        assert "Searchbug" in problem and "no email address" in problem
        assert not out.exists() or not any(out.iterdir())  # said before any file
        assert app.focused is screen.query_one("#make-rest")
        await pilot.press("enter")  # leave it out and make the rest
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert screen.step == 5
        await pilot.press("a", "s")  # tick all, mark them sent
        await pilot.pause()
        await pilot.press(*"11/20/2026", "enter")  # before the letters were drafted
        await pilot.pause()
        said = " ".join(str(s.render()) for s in app.screen.query(".field-error"))
        assert "before the letter was drafted" in said and "Thomson Reuters" in said
        await pilot.press("ctrl+u", "enter")  # empty: today
        await settle(pilot)
    with open_store(store, passphrase=PASSPHRASE, clock=FixedClock()) as session:
        made = [r for r in session.requests.find()
                if r.recipient in ("thomson-reuters", "searchbug")]  # fmt: skip
        assert [r.recipient for r in made] == ["thomson-reuters"]
        assert made[0].status == "sent" and made[0].channel == "mail"
        assert made[0].sent_on == dt.date(2026, 11, 26)
    files = sorted(out.iterdir())
    assert all("thomson-reuters" in f.name for f in files)  # nothing for the one left out
    [pdf] = [f for f in files if f.suffix == ".pdf"]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Thomson Reuters" in text and "Rosa Inventada Ruiz" in text


async def test_a_ticked_recipient_hidden_by_the_find_box_stays_chosen(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await find_and_tick(pilot, "spokeo")
        await type_into(pilot, "#find", "acxiom")
        screen = app.screen
        assert "spokeo" not in screen.query_one("#chosen").selected  # hidden, not dropped
        assert screen.recipients() == ["spokeo"]
        screen.query_one("#find", Input).value = ""
        await pilot.pause()
        assert "spokeo" in screen.query_one("#chosen").selected


async def test_marking_agent_letters_sent_warns_when_the_authorisation_is_not_signed(
    clinic_app, tmp_path
):
    async with clinic_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = clinic_app.screen
        if screen.query_one("#who").value != 1:
            await choose(pilot, "#who", "Amparo")
        await next_step(pilot)
        await find_and_tick(pilot, "thomson")
        for _step in ("kind", "review", "deliver"):
            await next_step(pilot)
        await type_into(pilot, "#out", str(tmp_path / "out"))
        await press_button(pilot, "#make")
        await clinic_app.workers.wait_for_complete()
        await settle(pilot)
        assert screen.step == 5
        await pilot.press("s")
        await pilot.pause()
        note = " ".join(str(s.render()) for s in clinic_app.screen.query(".warning"))
        assert "without the person's signed authorisation" in note and "Thomson Reuters" in note
