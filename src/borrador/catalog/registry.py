"""Reading state data-broker registry CSVs (California AG 2020–23, CPPA 2024/2025/2026, Vermont).

Columns are found by what their headers say (registry_columns), not by position. Each row is
imported or reported with its line and the reason. The file is cleaned once as a whole and
each row is read in one pass over the columns that matter; the other columns are kept as
they are, so nothing in the file is lost.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from itertools import compress, repeat
from operator import is_, itemgetter
from typing import Any

from borrador.catalog import hosts
from borrador.catalog import registry_cells as cells
from borrador.catalog import registry_columns as columns
from borrador.core.errors import N_, BorradorError

HEADER_SEARCH_ROWS = 15
MAX_ROWS = 100_000
MAX_CELLS = 2_000_000  # the largest real registry has ~3,000 rows of ~80 columns


class RegistryError(BorradorError):
    """The file cannot be read as a registry at all (nothing was imported)."""


@dataclasses.dataclass
class Layout:
    """What every row of one file shares: its headers and which column holds what."""

    headers: list[str]  # as the file writes them
    fields: dict[str, int]
    flags: dict[str, int]
    metrics: dict[str, int]


@dataclasses.dataclass
class RegistryRow:
    line: int
    state: str
    key: str
    name: str
    dba: str = ""
    website: str = ""
    domains: list[str] = dataclasses.field(default_factory=list)
    emails: list[str] = dataclasses.field(default_factory=list)
    phone: str = ""
    address: str = ""
    privacy_url: str = ""
    opt_out: str = ""
    opt_out_urls: list[str] = dataclasses.field(default_factory=list)
    registry_id: str = ""
    status: str = ""
    dated: str = ""  # the registry's own date for this row (YYYY-MM-DD or YYYY), '' if none
    yes: str = ""  # the flags answered Yes, space-separated
    no: str = ""  # and No
    cells: str = ""  # every cell, cleaned, joined by registry_cells.CELLS
    layout: Layout | None = dataclasses.field(default=None, repr=False)

    @property
    def values(self) -> list[str]:
        return self.cells.split(cells.CELLS)

    @property
    def dba_names(self) -> list[str]:
        return cells.dba_names(self.dba) if self.dba else []

    @property
    def flags(self) -> dict[str, bool]:
        return dict.fromkeys(self.no.split(), False) | dict.fromkeys(self.yes.split(), True)

    @property
    def fields(self) -> dict[str, str]:
        """The registry's own columns, as the file names them (blank cells left out)."""
        headers = self.layout.headers if self.layout else []
        return {h: v for h, v in zip(headers, self.values, strict=False) if h and v}

    @property
    def metrics(self) -> dict[str, float]:
        """Last year's request counts and days ('delete.received': 1204.0, ...)."""
        return metrics_of(self.values, self.layout.metrics) if self.layout else {}


def metrics_of(values: list[str], metric_columns: dict[str, int]) -> dict[str, float]:
    found = cells.numbers([values[i] if i < len(values) else "" for i in metric_columns.values()])
    return {m: v for m, v in zip(metric_columns, found, strict=True) if v is not None}


@dataclasses.dataclass
class ParsedRegistry:
    format: str
    state: str
    rows: list[RegistryRow]
    skipped: list[tuple[int, str]]
    headers: list[str] = dataclasses.field(default_factory=list)  # as the file writes them


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _header_index(rows: list[list[str]]) -> tuple[int, list[str]]:
    """(which row is the header, its headers normalised)."""
    name_rules = columns.FIELD_RULES["name"]
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = [cells.normalise_header(c) for c in row]
        if any(rule(h) for h in headers for rule in name_rules):
            return i, headers
    raise RegistryError(
        N_(
            "no header row naming the data broker was found in the first {header_search_rows} rows."
        ),
        hint=N_("Is this a state data-broker registry CSV (California or Vermont)?"),
        header_search_rows=HEADER_SEARCH_ROWS,
    )


def _read_rows(text: str) -> list[list[str]]:
    """The CSV rows, read one at a time and refused as soon as the file passes the row or
    cell limits (a file of millions of tiny cells would otherwise take gigabytes)."""
    rows: list[list[str]] = []
    count = 0
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            rows.append(row)
            count += len(row)
            if len(rows) > MAX_ROWS:
                raise RegistryError(
                    N_("the file has more than {max_rows} rows; that is the limit."),
                    max_rows=MAX_ROWS,
                )
            if count > MAX_CELLS:
                raise RegistryError(N_("the file has more than {max_cells} cells; no registry "
                                    "is that large."), max_cells=MAX_CELLS)  # fmt: skip
    except csv.Error as exc:
        raise RegistryError(N_("the file is not readable CSV ({error})."), error=exc) from None
    return rows


def parse_registry(data: bytes, *, state: str | None = None, file_name: str = "") -> ParsedRegistry:
    """Every row of a registry file, or the reason it was skipped. `file_name` gives the
    registry's date when its rows carry none (registry2025.csv is from 2025)."""
    hosts.start_import()
    text = cells.clean_file_text(_decode(data))
    rows = _read_rows(text)
    if not rows:
        raise RegistryError(N_("the file is empty."))
    start, headers = _header_index(rows)
    raw_headers = [cells.clean_cell(h).replace("\n", " ") for h in rows[start]]
    fmt, found_state = columns.detect(headers, start, state)
    if state and state != found_state and fmt == "vt-sos":
        raise RegistryError(N_("this looks like a Vermont file, not {state}."), state=state.upper())
    dated = cells.date_in_name(file_name) or columns.FORMAT_YEARS.get(fmt, "")
    layout = Layout(raw_headers, *columns.map_columns(headers))
    reader = _RowReader(state or found_state, layout, dated)
    parsed = ParsedRegistry(fmt, reader.state, [], [], raw_headers)
    # Line numbers: the header's own line plus the lines each record spans.
    line = 1 + sum(1 + "".join(r).count("\n") for r in rows[: start + 1])
    for record in rows[start + 1 :]:
        outcome, lines = reader.row(record, line)
        if isinstance(outcome, str):
            parsed.skipped.append((line, outcome))
        else:
            parsed.rows.append(outcome)
        line += lines
    return parsed


class _RowReader:
    """Turns one CSV record into a RegistryRow; the column positions are worked out once."""

    def __init__(self, state: str, layout: Layout, dated: str) -> None:
        self.state, self.layout, self.dated = state, layout, dated
        self.width = len(layout.headers)
        # field -> column; a missing field reads the empty cell added after the last column
        self.at = {f: layout.fields.get(f, self.width) for f in columns.FIELD_RULES}
        self.flag_names = list(layout.flags)
        flag_columns = [*layout.flags.values(), self.width, self.width]
        self.flag_cells: Any = itemgetter(*flag_columns)  # always returns a tuple

    def row(self, record: list[str], line: int) -> tuple[RegistryRow | str, int]:
        """(the row or why it was skipped, how many lines of the file it spans)."""
        if len(record) != self.width:
            record = (record + [""] * self.width)[: self.width]
        joined = cells.CELLS.join(record)
        lines = 1 + joined.count("\n")
        record, joined = cells.tidy_row(record, joined)
        padded = [*record, ""]
        at, get = self.at, padded.__getitem__
        name = get(at["name"]).split("\n", 1)[0].strip()
        key = cells.name_key(name)
        if not name or not key:
            empty = not joined.replace(cells.CELLS, "").strip()
            return "empty row" if empty else "no data broker name", lines
        sites = cells.links(get(at["website"]))
        privacy = cells.links(get(at["privacy_url"]))
        opt_out = get(at["opt_out"])
        opt_out_urls = cells.urls(opt_out) if opt_out else []
        address = get(at["address"])
        if not address:
            region = " ".join(p for p in (get(at["region"]), get(at["zip"])) if p)
            parts = (get(at["street"]), get(at["city"]), region, get(at["country"]))
            address = ", ".join(p for p in parts if p)
        found = cells.emails(get(at["email"]))
        if "@" in opt_out or "[" in opt_out:
            found = list(dict.fromkeys(found + cells.emails(opt_out)))
        domains = list(dict.fromkeys(host for _, host in (*sites, *privacy[:1])))
        phone = get(at["phone"])
        row = RegistryRow(
            line,
            self.state,
            key,
            name[:200],
            get(at["dba"])[:500],
            sites[0][0] if sites else "",
            domains,
            found,
            cells.phone(phone) if phone else "",
            address[:500],
            privacy[0][0] if privacy else "",
            opt_out[:2000],
            opt_out_urls[:5],
            get(at["registry_id"])[:100],
            get(at["status"])[:40],
            (cells.iso_date(get(at["date"])) if at["date"] < self.width else "") or self.dated,
            cells=joined,
            layout=self.layout,
        )
        if self.flag_names:
            answers = cells.yes_no_many(self.flag_cells(padded)[:-2])
            row.yes = " ".join(compress(self.flag_names, answers))
            row.no = " ".join(compress(self.flag_names, map(is_, answers, repeat(False))))
        return row, lines
