"""Every screen and dialog of the TUI, each with how to reach it from a fresh app on a test
store: the one list that the Spanish check and the SVG snapshots both walk.

A stop names the app it starts from (`app`: the store of tests/tui/conftest.py, already
unlocked; `locked`: the same store, asking for the passphrase; `first_run`: no store yet;
`clinic`: the clinic store) and a coroutine that gets there with keys, as a person would,
or by opening the screen where a key needs setup first (a web form, a mail account).
Nothing is written outside the test's own folder (`trip.tmp`).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input, Select, SelectionList

Reach = Callable[[Any, "Trip"], Awaitable[None]]


@dataclasses.dataclass
class Trip:
    """What a stop may use: the folder it writes into, and the language of the tour."""

    tmp: Path
    language: str = "en"


@dataclasses.dataclass(frozen=True)
class Stop:
    name: str
    reach: Reach
    start: str = "app"  # app | locked | first_run | clinic
    main: bool = False  # a main screen: kept as an SVG snapshot in each language
    shows_letter: tuple[str, ...] = ()  # widgets holding an English letter (to a US company)
    ignore: tuple[str, ...] = ()  # messages the check may not hold against this stop (why said)


async def keys(pilot: Any, *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()
    await workers_done(pilot.app)
    await pilot.pause()


async def workers_done(app: Any) -> None:
    """Every worker finished, but a file tree's loader: it waits for folders to open, always."""
    from textual.widgets import DirectoryTree

    waiting = [w for w in app.workers if not isinstance(w.node, DirectoryTree)]
    await app.workers.wait_for_complete(waiting)


def pressing(*pressed: str) -> Reach:
    async def reach(pilot: Any, _trip: Trip) -> None:
        await keys(pilot, *pressed)

    return reach


def then(first: Reach, *pressed: str) -> Reach:
    async def reach(pilot: Any, trip: Trip) -> None:
        await first(pilot, trip)
        await keys(pilot, *pressed)

    return reach


async def choose_language(pilot: Any, trip: Trip) -> None:
    """On the unlock screen, as a person would: the language list at the top."""
    if trip.language != "en":
        pilot.app.screen.query_one("#language", Select).value = trip.language
        await pilot.pause()
        await pilot.pause()


def unlock_screen(*after: str, typed: str = "") -> Reach:
    async def reach(pilot: Any, trip: Trip) -> None:
        await choose_language(pilot, trip)
        if typed:
            pilot.app.screen.query_one("#passphrase", Input).value = typed
            if pilot.app.screen.query("#again"):
                pilot.app.screen.query_one("#again", Input).value = typed + " otra"
        await keys(pilot, *after)

    return reach


async def language_list(pilot: Any, trip: Trip) -> None:
    await choose_language(pilot, trip)
    pilot.app.screen.query_one("#language", Select).expanded = True
    await pilot.pause()


# -- the guided flow ------------------------------------------------------------------------
async def flow_person(pilot: Any, _trip: Trip) -> None:
    await keys(pilot, "f4")


async def flow_recipients(pilot: Any, trip: Trip) -> None:
    await flow_person(pilot, trip)
    pilot.app.screen.query_one("#who", Select).value = 1
    await keys(pilot, "ctrl+n")


async def flow_kind(pilot: Any, trip: Trip) -> None:
    """Rosa lives in California: deleting at a people-search site offers DROP; the second
    recipient asks for an ID photo and a phone call (the catalog's warnings)."""
    await flow_recipients(pilot, trip)
    chosen = pilot.app.screen.query_one("#chosen", SelectionList)
    chosen.select("whitepages")
    chosen.select("accurate-background")
    await keys(pilot, "ctrl+n")


async def flow_review(pilot: Any, trip: Trip) -> None:
    await flow_kind(pilot, trip)
    await keys(pilot, "ctrl+n")


async def flow_deliver(pilot: Any, trip: Trip) -> None:
    await flow_review(pilot, trip)
    await keys(pilot, "ctrl+n")
    pilot.app.screen.query_one("#format", Select).value = "txt"
    pilot.app.screen.query_one("#out", Input).value = str(trip.tmp / "letters")
    await pilot.pause()


async def flow_sent(pilot: Any, trip: Trip) -> None:
    await flow_deliver(pilot, trip)
    await pilot.click("#make")
    await steady(pilot)


# -- one request and its dialogs -------------------------------------------------------------
def request_screen(slug: str = "acxiom") -> Reach:
    """People → Rosa → the request to `slug` (her requests are listed by recipient)."""

    async def reach(pilot: Any, _trip: Trip) -> None:
        await keys(pilot, "f2", "enter")
        from borrador.tui.widgets import RowTable

        table = pilot.app.screen.query_one(RowTable)
        ids = {r.recipient: r.id for r in pilot.app.session.requests.find(1)}
        table.move_cursor(row=table.get_row_index(str(ids[slug])))
        await keys(pilot, "enter")

    return reach


async def denied_request(pilot: Any, trip: Trip) -> None:
    session = pilot.app.session
    session.requests.change_status(2, "denied", reason="exempt", exemption="public records",
                                   note="")  # fmt: skip
    await request_screen("acxiom")(pilot, trip)


async def with_mail_account(pilot: Any, trip: Trip) -> None:
    from borrador.services.mail import account_type

    account = account_type()("smtp.example.org", 465, "tls", "rosa", "rosa@example.org")
    pilot.app.session.mail.save_account(account, "", remember=False)
    pilot.app.session.mail._password = None  # as in a new session: asked for in the UI
    await request_screen("acxiom")(pilot, trip)
    await keys(pilot, "e")


async def web_form(pilot: Any, trip: Trip) -> None:
    """A web-form request (truepeoplesearch takes only its form), from its request screen."""
    from borrador.tui.screens.request import RequestScreen

    request = pilot.app.session.requests.create(1, "truepeoplesearch", "opt-out")
    pilot.app.open(lambda: RequestScreen(request.id or 0))
    await keys(pilot, "g")


async def listed_reply(pilot: Any, trip: Trip) -> None:
    """A reply matched to a request, with its suggestion waiting (Replies, F7)."""
    from tests.helpers.reply_fixtures import message

    path = trip.tmp / "answer.eml"
    path.write_bytes(message("Acxiom Privacy <consumeradvo@acxiom.com>", "rosa@example.org",
                             "Your request", "Your personal information has been deleted.",
                             msgid="tour@acxiom.com"))  # fmt: skip
    pilot.app.session.replies.import_files([path])
    await replies(pilot, trip)


async def replies(pilot: Any, _trip: Trip) -> None:
    """F7; its file tree starts in the home folder (the test's own, made here: without it the
    tree would list the working folder)."""
    Path.home().mkdir(parents=True, exist_ok=True)
    await keys(pilot, "f7")


async def clinic_resident(pilot: Any, _trip: Trip) -> None:
    await keys(pilot, "f6")
    pilot.app.screen.query_one("#resident", Select).value = 1
    await pilot.pause()


def settings_button(button: str) -> Reach:
    async def reach(pilot: Any, _trip: Trip) -> None:
        await keys(pilot, "f5")
        pilot.app.screen.query_one(f"#{button}").press()
        await pilot.pause()
        await pilot.pause()

    return reach


def then_press(first: Reach, button: str) -> Reach:
    async def reach(pilot: Any, trip: Trip) -> None:
        await first(pilot, trip)
        pilot.app.screen.query_one(f"#{button}").press()
        await keys(pilot)

    return reach


async def backup(pilot: Any, trip: Trip) -> None:
    await keys(pilot, "f5")
    pilot.app.screen.query_one("#backup-path", Input).value = str(trip.tmp / "backup.zip")
    pilot.app.screen.query_one("#backup").press()
    await keys(pilot)


async def handoff_written(pilot: Any, trip: Trip) -> None:
    await keys(pilot, "f2", "enter", "h")
    pilot.app.screen.query_one("#m-file", Input).value = str(trip.tmp / "rosa.borrador")
    await keys(pilot, "enter")


def make_app(request: Any, start: str) -> Any:
    """The app a stop starts from, made with the fixtures of tests/tui/conftest.py."""
    from borrador.tui.app import BorradorApp
    from tests.helpers.common import FixedClock

    if start == "app":
        return request.getfixturevalue("app")
    if start == "clinic":
        return request.getfixturevalue("clinic_app")
    paths = request.getfixturevalue("store" if start == "locked" else "paths")
    return BorradorApp(paths, clock=FixedClock())


async def visit(pilot: Any, stop: Stop, trip: Trip) -> None:
    """From the app's first screen to `stop`, in `trip.language`, and wait for it to settle."""
    await pilot.pause()
    if stop.start not in ("locked", "first_run") and trip.language != "en":
        pilot.app.apply_language(trip.language)
        await pilot.pause()
    await stop.reach(pilot, trip)
    await steady(pilot)


async def steady(pilot: Any, timeout: float = 30) -> None:
    """Until the screen stops changing: workers done and the same text twice running (the
    text, not an SVG: cheaper, and what the Spanish check reads)."""
    from tests.helpers.screen_text import screen_lines

    deadline = time.monotonic() + timeout
    shots: list[list[str]] = []
    while len(shots) < 2 or shots[-1] != shots[-2]:
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen was still changing after {timeout} s")
        await workers_done(pilot.app)
        await pilot.pause()
        shots.append(screen_lines(pilot.app))


PERSON = ("f2", "enter")
TYPED = "una frase larga"
REQUEST = request_screen()
LETTER = ("letter",)

TOUR: tuple[Stop, ...] = (
    # before the data is open
    Stop("first-run", unlock_screen(), start="first_run", main=True),
    Stop("first-run-language", language_list, start="first_run"),
    Stop("first-run-differ", unlock_screen("enter", "enter", typed=TYPED), start="first_run"),
    Stop("unlock", unlock_screen(), start="locked", main=True),
    Stop("unlock-wrong", unlock_screen("enter", typed="no es la frase"), start="locked"),
    # the main screens
    Stop("dashboard", pressing("f1"), main=True),
    Stop("people", pressing("f2"), main=True),
    Stop("person", pressing(*PERSON), main=True),
    Stop("person-add", pressing("f2", "a"), main=True),
    Stop("person-edit", pressing("f2", "e")),
    Stop("catalog", pressing("f3"), main=True),
    Stop("catalog-detail-ssn", pressing("f3", *"checkr")),
    Stop("catalog-detail-id-phone", pressing("f3", *"accurate background")),
    Stop("catalog-import", pressing("f3", "ctrl+r")),
    # the guided flow, F4
    Stop("new-1-person", flow_person, main=True),
    Stop("new-2-recipients", flow_recipients, main=True),
    Stop("new-3-kind", flow_kind, main=True),
    # "DROP de California" over "DROP DE CALIFORNIA …" reads as "California DROP" once flat
    Stop("new-3-drop-guide", then(flow_kind, "ctrl+g"), ignore=("California DROP",)),
    Stop("new-4-review", flow_review, main=True, shows_letter=("body",)),
    Stop("new-4-full-letter", then(flow_review, "ctrl+o"), shows_letter=("full-letter", "body")),
    Stop("new-5-deliver", flow_deliver),  # shows the test's own folder: no snapshot
    Stop("new-6-sent", flow_sent, main=True),
    # one request, and every dialog on it
    Stop("request", REQUEST, main=True, shows_letter=LETTER),
    Stop("request-denied", denied_request, shows_letter=LETTER),
    Stop("request-mark-sent", then(REQUEST, "s"), shows_letter=LETTER),
    Stop("request-received", then(REQUEST, "r"), shows_letter=LETTER),
    Stop("request-extended", then(REQUEST, "x"), shows_letter=LETTER),
    Stop("request-denied-dialog", then(REQUEST, "d"), shows_letter=LETTER),
    Stop("request-note", then(REQUEST, "t"), shows_letter=LETTER),
    Stop("request-status", then(REQUEST, "k"), shows_letter=LETTER),
    Stop("request-follow-up", then(REQUEST, "f"), shows_letter=LETTER),
    Stop("request-complaint", then(REQUEST, "l"), shows_letter=LETTER),
    Stop("request-appeal", then(request_screen("spokeo"), "u"), shows_letter=LETTER),
    Stop("request-recheck", then(REQUEST, "a"), shows_letter=LETTER),
    Stop("request-email-no-account", then(REQUEST, "e"), shows_letter=LETTER),
    Stop("request-email", with_mail_account, shows_letter=LETTER),
    Stop("web-form", web_form, main=True),
    Stop("web-form-submitted", then(web_form, "s")),
    # settings, F5, and its dialogs
    Stop("settings", pressing("f5"), main=True),
    Stop("settings-mail-account", settings_button("mail-setup")),
    Stop("settings-test-mail", settings_button("mail-test")),
    Stop("settings-calendar", settings_button("calendar")),
    Stop("settings-handoff-import", settings_button("handoff-import")),
    Stop("settings-restore", settings_button("restore")),
    Stop("settings-backup", backup),
    Stop("settings-passphrase", settings_button("passphrase")),
    Stop("settings-export", settings_button("export")),
    Stop("settings-erase", settings_button("erase")),
    Stop("settings-clinic-mode", settings_button("clinic-mode")),
    # a person's own screens
    Stop("handoff-export", pressing(*PERSON, "h")),
    Stop("handoff-written", handoff_written),
    Stop("erase-person", pressing(*PERSON, "x")),
    Stop("drop", pressing(*PERSON, "d"), main=True),
    Stop("freezes", pressing(*PERSON, "f"), main=True),
    Stop("listings", pressing(*PERSON, "l"), main=True),
    # the rest of the F-keys, and the help everywhere. Not here: Replies (F7) and its
    # confirmation: the tour's waits hang on that screen's file tree (see `replies`).
    Stop("scorecard", pressing("f8"), main=True),
    Stop("keys", pressing("question_mark"), main=True),
    Stop("keys-on-request", then(REQUEST, "question_mark"), shows_letter=LETTER),
    # not snapshotted: the palette fills its list as it searches, so a picture of it is not
    # stable; the Spanish check still reads it
    Stop("palette", pressing("ctrl+p")),
    # clinic mode, F6
    Stop("clinic", clinic_resident, start="clinic", main=True),
    Stop("clinic-authorisation", then(clinic_resident, "a"), start="clinic"),
    Stop("clinic-papers", then(clinic_resident, "p"), start="clinic"),
    Stop("clinic-add-volunteer", then(clinic_resident, "v"), start="clinic"),
    Stop("clinic-remove-volunteer", then(clinic_resident, "d"), start="clinic"),
)
