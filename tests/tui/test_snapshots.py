"""SVG snapshots of the main screens at 80×24 (pytest-textual-snapshot), cursor blink off.

Update after a deliberate change: python -m pytest tests/tui/test_snapshots.py --snapshot-update
"""

import pytest
from textual.widgets import Input, Select, SelectionList

from borrador.tui.app import BorradorApp
from tests.helpers.common import FixedClock
from tests.helpers.tui import settle

SIZE = (80, 24)


async def no_blink(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await settle(pilot)


def screen(*keys):
    async def run_before(pilot):
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await no_blink(pilot)

    return run_before


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("dashboard", ()),
        ("people", ("f2",)),
        ("person", ("f2", "enter")),
        ("catalog", ("f3",)),
        ("settings", ("f5",)),
        ("request", ("f2", "enter", "enter")),
    ],
)
def test_screens(snap_compare, app, name, keys):
    assert snap_compare(app, terminal_size=SIZE, run_before=screen(*keys))


def test_catalog_search(snap_compare, app):
    async def run_before(pilot):
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press(*"accurint")
        await pilot.pause()
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_person_form_error(snap_compare, app):
    async def run_before(pilot):
        await pilot.press("f2", "a")
        await pilot.pause()
        pilot.app.screen.query_one("#f-name", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_new_requests_kind_step(snap_compare, app):
    async def run_before(pilot):
        await pilot.press("f4")
        await pilot.pause()
        pilot.app.screen.query_one("#who", Select).value = 1
        await pilot.press("ctrl+n")
        pilot.app.screen.query_one("#chosen", SelectionList).select("lexisnexis-risk")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_unlock(snap_compare, store):
    app = BorradorApp(store, clock=FixedClock())
    assert snap_compare(app, terminal_size=SIZE, run_before=no_blink)


def test_dashboard_in_spanish(snap_compare, app):
    async def run_before(pilot):
        pilot.app.apply_language("es")
        await pilot.press("f1")
        await no_blink(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_clinic_screen_with_a_resident(snap_compare, clinic_app):
    async def run_before(pilot):
        await pilot.press("f6")
        await pilot.pause()
        pilot.app.screen.query_one("#resident", Select).value = 1
        await pilot.pause()
        await no_blink(pilot)

    assert snap_compare(clinic_app, terminal_size=(100, 36), run_before=run_before)
