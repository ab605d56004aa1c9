"""Widgets every screen shares: a table that says which row is selected, and a form field
whose refusal is named right under it."""

from borrador.tui.widgets.fields import FieldRow, clear_errors, show_error
from borrador.tui.widgets.rows import RowTable

__all__ = ["FieldRow", "RowTable", "clear_errors", "show_error"]
