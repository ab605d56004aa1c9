"""One person's whole journey, walked with the keyboard as they would: first run (language,
passphrase), the person form, the guided flow to letters in several ways, then sending,
receipt, a denial, the appeal letter, and a re-listing. Asserted on the store and the files."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pypdf
import pytest
from textual import events
from textual.widgets import DataTable, Input, Select, SelectionList, Static, TextArea

from borrador.services import open_store
from borrador.tui.app import BorradorApp
from borrador.tui.widgets.routes import RouteTable
from tests.helpers.common import FixedClock
from tests.helpers.tui import settle

PASS = "lima tambor nube verde cuchara"
START = dt.date(2026, 11, 26)
NAME = "Ana Inventada Mora"
EDIT = "Please also remove the address on Elm Street."
MAILED = {"lexisnexis-risk": "LexisNexis", "thomson-reuters": "Thomson Reuters"}


class Pasted(str):
    """A dialog answer pasted, not typed (a folder path)."""


# -- what a person does with the keyboard ---------------------------------------------------
async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*text)


async def paste(pilot: Any, text: str) -> None:
    """What the terminal sends when text is pasted into the focused field (a long folder
    path is pasted, not typed)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def choose(pilot: Any, select: Select[Any], value: object) -> None:
    """Open the focused Select with Enter, walk its menu with the arrows, Enter to pick."""
    assert pilot.app.focused is select, f"{select.id} is not focused"
    values = [v for _label, v in select._options if v is not Select.NULL]
    start = values.index(select.value) if select.value in values else -1
    await pilot.press("enter")
    steps = values.index(value) - start
    await pilot.press(*(["down"] * steps if steps >= 0 else ["up"] * -steps))
    await pilot.press("enter")
    await pilot.pause()
    assert select.value == value


async def tick(pilot: Any, chosen: SelectionList[Any], slug: str) -> None:
    """Move the highlight to the option and toggle it with space."""
    assert pilot.app.focused is chosen
    values = [chosen.get_option_at_index(i).value for i in range(chosen.option_count)]
    target = values.index(slug)
    here = -1 if chosen.highlighted is None else chosen.highlighted  # none yet: down is 0
    steps = target - here
    await pilot.press(*(["down"] * steps if steps >= 0 else ["up"] * -steps))
    assert chosen.highlighted == target
    await pilot.press("space")


async def focus_to(pilot: Any, widget: Any, key: str = "tab", most: int = 30) -> None:
    """Tab (or shift+tab) until the widget has the focus, as a person moves through a form."""
    for _press in range(most):
        if pilot.app.focused is widget:
            return
        await pilot.press(key)
    raise AssertionError(f"{key} never reached {widget!r}")


async def to_row(pilot: Any, table: DataTable[Any], key: str) -> None:
    """Move a table's cursor to the row with this key: arrows, or from the bottom."""
    assert pilot.app.focused is table
    keys = [row.key.value for row in table.ordered_rows]
    target = keys.index(key)
    if target - table.cursor_row > 8:
        await pilot.press("ctrl+end")
    steps = target - table.cursor_row
    await pilot.press(*(["down"] * steps if steps >= 0 else ["up"] * -steps))
    assert table.cursor_row == target, (keys, target, table.cursor_row, table.row_count,
                                        pilot.app.focused, type(pilot.app.screen).__name__)


async def dialog(pilot: Any, key: str, *answers: Any) -> None:
    """Press the key for a dialog and answer its fields top to bottom: text is typed, a
    ("choose", value) pair is picked from a menu, None leaves a field as it is; Enter in the
    last text field sends it."""
    await pilot.press(key)
    await settle(pilot)
    modal = pilot.app.screen
    controls = [row.control for row in modal.query("FieldRow")]
    assert len(controls) == len(answers), [c.id for c in controls]
    for control, answer in zip(controls, answers, strict=True):
        await focus_to(pilot, control)
        if isinstance(answer, tuple):
            await choose(pilot, control, answer[1])
        elif answer is not None:
            await pilot.press("ctrl+u")
            await (paste(pilot, answer) if isinstance(answer, Pasted) else
                   type_text(pilot, answer))  # fmt: skip
    await focus_to(pilot, modal.query_one("#ok"))
    await pilot.press("enter")
    await settle(pilot)
    assert pilot.app.screen is not modal, shown(modal, "#m-error")


def shown(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


# -- the journey ----------------------------------------------------------------------------
async def first_run(pilot: Any) -> None:
    app = pilot.app
    await settle(pilot)
    screen = app.screen
    assert type(screen).__name__ == "UnlockScreen" and screen.first_run
    await focus_to(pilot, screen.query_one("#language", Select), "shift+tab")
    await choose(pilot, screen.query_one("#language", Select), "es")  # Spanish, and back
    await settle(pilot)
    assert any("Le damos la bienvenida" in str(s.render()) for s in app.screen.query(Static))
    await focus_to(pilot, app.screen.query_one("#language", Select), "shift+tab")
    await choose(pilot, app.screen.query_one("#language", Select), "en")
    await settle(pilot)
    texts = " ".join(str(s.render()) for s in app.screen.query(Static))
    assert "Welcome to Borrador" in texts and "cannot be recovered" in texts
    await focus_to(pilot, app.screen.query_one("#passphrase", Input))
    await type_text(pilot, PASS)
    await pilot.press("enter")  # on to "again"
    await type_text(pilot, PASS)
    await pilot.press("enter")
    await settle(pilot)
    assert type(app.screen).__name__ == "DashboardScreen"
    assert "Start here: press p, then a" in shown(app.screen, "#loading")


async def add_person(pilot: Any) -> None:
    app = pilot.app
    await pilot.press("p")  # as the dashboard says: p, then a
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    form = app.screen
    assert type(form).__name__ == "PersonFormScreen"
    typed = {
        "name": NAME,
        "birth_date": "11/30/1980",  # a US date, as people write it
        "state": "Colorado",  # the state's name
        "emails": "ana@example.org",
        "phones": "555-0142",  # some people-search sites need it to find the listing
        "street": "7 Calle Falsa",
        "city": "Denver",
        "address_state": "CO",
        "postal_code": "80202",
    }
    from borrador.tui.screens.person_form import FIELDS

    for key, _label in FIELDS:  # top to bottom with tab, typing where there is something
        field = form.query_one(f"#f-{key}", Input)
        await focus_to(pilot, field)
        if key == "language":
            assert field.value == "es"  # the form's default: kept
        await type_text(pilot, typed.get(key, ""))
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert type(app.screen).__name__ == "PeopleScreen"


async def guided_flow(pilot: Any, out: Path, every: bool) -> dict[str, int]:
    app = pilot.app
    await pilot.press("f4")
    await settle(pilot)
    screen = app.screen
    session = app.session
    person = session.people.all()[0]
    who = screen.query_one("#who", Select)
    assert who.value == person.id  # the only person is chosen already
    await pilot.press("ctrl+n")
    await settle(pilot)
    chosen = screen.query_one("#chosen", SelectionList)
    assert app.focused is chosen
    pack = screen.query_one("#pack", Select)
    await focus_to(pilot, pack, "shift+tab")
    assert pack.region.y + pack.region.height <= app.size.height  # in view at any size
    await choose(pilot, pack, "people-search")
    await focus_to(pilot, chosen)
    for slug in MAILED:
        await tick(pilot, chosen, slug)
    members = [e.slug for e in session.catalog.catalog().pack_members("people-search")]
    assert set(chosen.selected) == {*members, *MAILED}
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert "Colorado Privacy Act" in shown(screen, "#why")
    await pilot.press("ctrl+n")  # delete, the default kind
    await settle(pilot)
    assert screen.step == 3, shown(screen, "#problem")
    await review(pilot, screen, every)
    await pilot.press("ctrl+n")
    await settle(pilot)
    return await deliver(pilot, screen, out)


async def review(pilot: Any, screen: Any, every: bool) -> None:
    """The letters in the "Letter" select one after another (`every` one, or the first two:
    each switch costs Textual most of a second, 69 of them a minute); one edit, to Thomson
    Reuters, then LexisNexis and back."""
    app = pilot.app
    catalog = app.session.catalog.catalog()
    pick = screen.query_one("#letter-pick", Select)
    body = screen.query_one("#body", TextArea)
    assert app.focused is pick
    order = [v for _label, v in pick._options if v is not Select.NULL]
    assert len(order) == len(screen.recipients()) and pick.value == order[0]
    for slug in order if every else order[:2]:
        if pick.value != slug:
            await pilot.press("enter", "down", "enter")  # the next letter in the menu
        assert pick.value == slug
        assert f"To the privacy office of {catalog.get(slug).name}:" in body.text, slug
    await choose(pilot, pick, "thomson-reuters")
    await focus_to(pilot, body)
    for _page in range(20):  # to the end of the letter, then one more paragraph
        if body.cursor_location[0] == body.document.line_count - 1:
            break
        await pilot.press("pagedown")
    await pilot.press("end", "enter", "enter")
    await type_text(pilot, EDIT)
    await focus_to(pilot, pick, "shift+tab")
    await choose(pilot, pick, "lexisnexis-risk")  # away and back: the edit stays its own
    assert EDIT not in body.text and "privacy office of LexisNexis" in body.text
    await choose(pilot, pick, "thomson-reuters")
    assert EDIT in body.text


async def deliver(pilot: Any, screen: Any, out: Path) -> dict[str, int]:
    app = pilot.app
    routes = screen.query_one(RouteTable)
    assert app.focused is routes
    ways = {slug: r.way for slug, r in routes.routes.items()}
    assert {ways.pop(slug) for slug in MAILED} == {"pdf"}  # printed and mailed: no web form
    assert set(ways.values()) == {"web"}  # the people-search sites: their web forms
    row = list(routes.routes).index("whitepages")
    await pilot.press(*["down"] * (row - routes.cursor_row))
    await pilot.press("c")  # web -> plain text, for this one
    assert routes.routes["whitepages"].way == "txt"
    folder = screen.query_one("#out", Input)
    await focus_to(pilot, folder)
    await pilot.press("ctrl+u")  # never the home folder in a test
    await paste(pilot, str(out))
    await focus_to(pilot, screen.query_one("#make"))
    await pilot.press("enter")
    await settle(pilot)
    assert screen.step == 5, shown(screen, "#problem")
    return {m.request.recipient: m.request.id or 0 for m in screen.made}


async def reopen(paths: Any, clock: FixedClock, size: tuple[int, int], then: Any) -> None:
    """The person comes back to Borrador later: a new start, the passphrase typed, then
    `then(pilot)`."""
    app = BorradorApp(paths, clock=clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "UnlockScreen" and not app.screen.first_run
        await type_text(pilot, PASS)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "DashboardScreen"
        await then(pilot)


async def open_request(pilot: Any, request_id: int) -> None:
    """People (F2), Enter on the person, Enter on the request."""
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    requests = pilot.app.screen.query_one("#requests", DataTable)
    await focus_to(pilot, requests)
    await to_row(pilot, requests, str(request_id))
    await pilot.press("enter")
    await settle(pilot)
    assert pilot.app.screen.request_id == request_id


def us(day: dt.date) -> str:
    return day.strftime("%m/%d/%Y")


def dashboard_rows(pilot: Any) -> dict[str, list[str]]:
    due = pilot.app.screen.query_one("#due", DataTable)
    return {str(r.key.value): [str(c) for c in due.get_row(r.key)] for r in due.ordered_rows}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_an_individual_walks_from_first_run_to_the_appeal(paths, tmp_path, size):
    clock = FixedClock(START)
    out = tmp_path / "letters"
    began = time.monotonic()
    app = BorradorApp(paths, clock=clock)
    async with app.run_test(size=size) as pilot:
        await first_run(pilot)
        await add_person(pilot)
        ids = await guided_flow(pilot, out, every=False)  # every=True: see the report
        # Step 6: the two mailed letters ticked (space) and marked sent together (s), the
        # day they were made; each keeps the way it was made for (mail).
        table = app.screen.query_one("#made", DataTable)
        for slug in MAILED:
            await to_row(pilot, table, str(ids[slug]))
            await pilot.press("space")
        await dialog(pilot, "s", us(START))
        # Spokeo's web form: Enter opens its request; the dialog offers the web form.
        await to_row(pilot, table, str(ids["spokeo"]))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.request_id == ids["spokeo"]
        await dialog(pilot, "s", "", None, "SP-55120")  # empty date: today; way as made
    made = time.monotonic() - began

    async def mark(slug: str, key: str, *answers: Any) -> None:
        async def then(pilot: Any) -> None:
            await open_request(pilot, ids[slug])
            await dialog(pilot, key, *answers)

        await reopen(paths, clock, size, then)

    clock.day = START + dt.timedelta(days=12)
    await mark("spokeo", "c", us(START + dt.timedelta(days=10)), "Listing gone.")
    await mark("lexisnexis-risk", "r", us(START + dt.timedelta(days=4)), "USPS tracking")
    await mark("lexisnexis-risk", "d", ("choose", "could-not-verify"), "", "They want an ID.")

    async def appeal(pilot: Any) -> None:
        """The dashboard lists the denial with what to do; Enter on it, then u."""
        key = f"{ids['lexisnexis-risk']}:denied"
        row = dashboard_rows(pilot)[key]
        assert row[0] == "Denied" and row[3] == "LexisNexis Risk Solutions" and "(u)" in row[4]
        due = pilot.app.screen.query_one("#due", DataTable)
        await focus_to(pilot, due)
        await to_row(pilot, due, key)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen.request_id == ids["lexisnexis-risk"]
        said = shown(pilot.app.screen, "#deadlines")
        assert "Denied: could not verify" in said and "press u" in said
        await dialog(pilot, "u", ("choose", "pdf"), Pasted(str(out / "appeal")))

    await reopen(paths, clock, size, appeal)
    clock.day = START + dt.timedelta(days=62)  # weeks on: Spokeo lists the person again
    await mark("spokeo", "a", ("choose", "yes"), "", "Listed again at a new address.")

    async def late(pilot: Any) -> None:
        row = dashboard_rows(pilot)[f"{ids['thomson-reuters']}:response"]
        assert row[0] == "Overdue" and row[3] == "Thomson Reuters"

    await reopen(paths, clock, size, late)
    print(f"{size}: {made:.1f} s to the letters, {time.monotonic() - began:.1f} s in all")
    check_store(paths, ids, out)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
                    .split())  # fmt: skip


def check_store(paths: Any, ids: dict[str, int], out: Path) -> None:
    """What was stored and written: each request to its own recipient, in its own way."""
    with open_store(paths, passphrase=PASS, clock=FixedClock(START)) as session:
        catalog = session.catalog.catalog()
        everything = {r.id: r for r in session.requests.find()}
        for slug, request_id in ids.items():
            request, name = everything.pop(request_id), catalog.get(slug).name
            assert (request.recipient, str(request.kind)) == (slug, "delete")
            assert request.created_on == START
            text = request.letter_text
            if slug in MAILED or slug == "whitepages":  # letters, with the recipient's block
                assert f"\n\n{name}\n" in text and f"To the privacy office of {name}:" in text
            else:  # a web-form guide
                assert text.startswith(f"Web form for {name}:"), (slug, text[:60])
            assert (EDIT in text) == (slug == "thomson-reuters")
            files = sorted(out.glob(f"request-{request_id:05d}-{slug}-delete*"))
            assert files, slug
            for path in files:
                body = pdf_text(path) if path.suffix == ".pdf" else path.read_text("utf-8")
                assert name in body or "explainer" in path.name, path.name
                assert ("Eagan, MN" in body) == (slug == "thomson-reuters" and ".pdf" in path.name)
            suffixes = {p.name.split(".", 1)[1] for p in files}
            if slug in MAILED:
                [pdf] = [p for p in files if p.suffix == ".pdf"]
                assert (EDIT in pdf_text(pdf)) == (slug == "thomson-reuters")
            elif slug == "whitepages":
                assert "txt" in suffixes
            else:
                assert suffixes == {"webform.txt"}
        states = {slug: (str(session.requests.get(i).status), session.requests.get(i).channel)
                  for slug, i in ids.items()}  # fmt: skip
        assert states.pop("lexisnexis-risk") == ("denied", "mail")
        assert states.pop("thomson-reuters") == ("sent", "mail")
        assert states.pop("spokeo") == ("completed", "web")
        # the rest wait, each on the way it was made for (plain text: any way, none set)
        assert states.pop("whitepages") == ("drafted", None)
        assert set(states.values()) == {("drafted", "web")}
        denied = session.requests.get(ids["lexisnexis-risk"])
        assert (denied.sent_on, denied.received_on) == (START, START + dt.timedelta(days=4))
        events = session.requests.events(ids["lexisnexis-risk"])
        assert str(events[0].to_status) == "drafted"
        assert "sent" in [str(e.to_status) for e in events]
        assert events[-1].to_status == "denied"
        assert dict(events[-1].detail)["reason"] == "could-not-verify"
        [appeal, again] = sorted(everything.values(), key=lambda r: r.id or 0)
        assert (str(appeal.kind), appeal.parent_id) == ("appeal", ids["lexisnexis-risk"])
        assert (again.recipient, again.parent_id, str(again.status)) == (
            "spokeo",
            ids["spokeo"],
            "drafted",
        )
        spokeo = [e.detail for e in session.requests.events(ids["spokeo"])]
        assert ("recheck", "listed") in spokeo[-1]
    [appeal_pdf] = (out / "appeal").glob("*.pdf")
    text = pdf_text(appeal_pdf)
    assert "LexisNexis" in text and "Thomson Reuters" not in text
