"""Every screen and dialog of the tour, in Spanish, shows no English message of the catalog.

Each stop of tests/helpers/screen_tour.py is reached in Spanish on a tall, wide terminal (so
that little is scrolled away) and the text drawn on the screen is searched for every English
message whose Spanish differs. Left out: the letter itself (written in English, to a US
company), messages of one short word, and the person's own data (it matches no message).
"""

from __future__ import annotations

import pytest

from tests.helpers.screen_text import english_found, flat, screen_lines
from tests.helpers.screen_tour import TOUR, Trip, make_app, visit

SIZE = (160, 60)


@pytest.mark.parametrize("stop", TOUR, ids=[s.name for s in TOUR])
async def test_every_stop_is_in_spanish(request, tmp_path, stop):
    app = make_app(request, stop.start)
    async with app.run_test(size=SIZE) as pilot:
        await visit(pilot, stop, Trip(tmp_path, "es"))
        text = flat(screen_lines(app, blank=stop.shows_letter))
    found = english_found(text, ignore=stop.ignore)
    assert not found, f"{stop.name}: English on the Spanish screen: {found}\n\n{text}"
