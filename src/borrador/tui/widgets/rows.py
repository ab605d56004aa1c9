"""A DataTable that answers "which row is selected?" (its key), the same way everywhere."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable


class RowTable(DataTable[Any]):
    def selected_key(self) -> str | None:
        """The key of the row under the cursor, or None when the table is empty."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def selected_id(self) -> int | None:
        """The selected row's key as a number (rows keyed by a request or person id)."""
        key = self.selected_key()
        head = (key or "").split(":")[0]
        return int(head) if head.isdigit() else None
