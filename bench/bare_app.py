"""The floor of the start-up benchmark: a bare Textual app (Header, a 50-row DataTable,
Footer), started as its own process."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("a", "b", "c", "d", "e")
        for n in range(50):
            table.add_row(*(f"cell {n}-{c}" for c in range(5)))


if __name__ == "__main__":
    Bare().run()
