"""Each main screen of the tour (tests/helpers/screen_tour.py) as an 80×24 SVG snapshot, in
English and in Spanish, cursor blink off. Independent tests: they run in parallel (xdist).

Update after a deliberate change:
python -m pytest tests/tui/test_snapshots_languages.py --snapshot-update
"""

import pytest
from textual.widgets import Input

from tests.helpers.screen_tour import TOUR, Trip, make_app, visit
from tests.helpers.tui import settle

SIZE = (80, 24)
MAIN = [stop for stop in TOUR if stop.main]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("stop", MAIN, ids=[s.name for s in MAIN])
def test_main_screen(snap_compare, request, tmp_path, stop, language):
    async def run_before(pilot):
        await visit(pilot, stop, Trip(tmp_path, language))
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await settle(pilot)

    app = make_app(request, stop.start)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
