"""Driving the TUI with the keyboard only, as someone without a mouse would: Tab to a
widget, type (or paste) into it, pick from a Select by typing, tick a SelectionList entry
with the arrows and the space bar. Each step fails naming what it could not reach."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input, Select, SelectionList

TAB_LIMIT = 80  # more Tabs than any screen has widgets: beyond this it is unreachable


async def tab_to(pilot: Any, selector: str) -> Any:
    """Press Tab until the widget has the focus."""
    target = pilot.app.screen.query_one(selector)
    for _ in range(TAB_LIMIT):
        if pilot.app.focused is target:
            return target
        await pilot.press("tab")
    raise AssertionError(f"Tab never reached {selector} on {type(pilot.app.screen).__name__}")


async def type_into(pilot: Any, selector: str, text: str) -> None:
    """Tab to an Input, empty it (Home, then Ctrl+K) and type the text key by key."""
    widget = await tab_to(pilot, selector)
    assert isinstance(widget, Input), selector
    await pilot.press("home", "ctrl+k", *text)
    assert widget.value == text, (selector, widget.value)


async def paste_into(pilot: Any, selector: str, text: str) -> None:
    """Tab to an Input, empty it with the keys and paste the text, as a terminal delivers a
    paste (one Paste event): for long paths nobody types key by key."""
    widget = await tab_to(pilot, selector)
    assert isinstance(widget, Input), selector
    await pilot.press("home", "ctrl+k")
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    assert widget.value == text, (selector, widget.value)


async def choose(pilot: Any, selector: str, label: str) -> None:
    """Open a Select with Enter, type the start of an option's label (the list jumps to
    it) and take it with Enter."""
    widget = await tab_to(pilot, selector)
    assert isinstance(widget, Select), selector
    await pilot.press("enter")
    await pilot.pause()
    assert widget.expanded, f"{selector} did not open"
    await pilot.press(*label, "enter")
    await pilot.pause()
    assert not widget.expanded, f"{selector} stayed open"


async def tick(pilot: Any, selector: str, value: str) -> None:
    """Move down a SelectionList to the option and tick it with the space bar."""
    widget = await tab_to(pilot, selector)
    assert isinstance(widget, SelectionList), selector
    values = [widget.get_option_at_index(i).value for i in range(widget.option_count)]
    index = values.index(value)
    await pilot.press("home", *["down"] * index, "space")
    assert value in widget.selected, (selector, value)


async def press_button(pilot: Any, selector: str) -> None:
    """Tab to a button and press it with Enter."""
    await tab_to(pilot, selector)
    await pilot.press("enter")
    await pilot.pause()
