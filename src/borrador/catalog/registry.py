"""Reading state data-broker registry CSVs (California AG 2020–23, CPPA 2024/2025/2026, Vermont).

Columns are found by what their headers say, not by position, so reordered or renamed columns
and new years of the same form still read. Each row is imported or reported with its line and
the reason.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable

from borrador.catalog import hosts
from borrador.catalog import registry_cells as cells
from borrador.catalog import registry_columns as columns
from borrador.core.errors import BorradorError

HEADER_SEARCH_ROWS = 15
MAX_ROWS = 100_000


class RegistryError(BorradorError):
    """The file cannot be read as a registry at all (nothing was imported)."""


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
    flags: dict[str, bool] = dataclasses.field(default_factory=dict)
    metrics: dict[str, float] = dataclasses.field(default_factory=dict)
    values: list[str] = dataclasses.field(default_factory=list)  # every cell, cleaned
    headers: list[str] = dataclasses.field(default_factory=list, repr=False)  # shared

    @property
    def dba_names(self) -> list[str]:
        return cells.dba_names(self.dba) if self.dba else []

    @property
    def fields(self) -> dict[str, str]:
        """The registry's own columns, as the file names them (blank cells left out)."""
        return {h: v for h, v in zip(self.headers, self.values, strict=False) if h and v}


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


def _header_index(rows: list[list[str]]) -> int:
    name_rules = columns.FIELD_RULES["name"]
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = [cells.normalise_header(c) for c in row]
        if any(rule(h) for h in headers for rule in name_rules):
            return i
    raise RegistryError(
        f"no header row naming the data broker was found in the first {HEADER_SEARCH_ROWS} rows.",
        hint="Is this a state data-broker registry CSV (California or Vermont)?",
    )


def parse_registry(data: bytes, *, state: str | None = None, file_name: str = "") -> ParsedRegistry:
    """Every row of a registry file, or the reason it was skipped. `file_name` gives the
    registry's date when its rows carry none (registry2025.csv is from 2025)."""
    hosts.start_import()
    text = cells.clean_file_text(_decode(data))
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise RegistryError(f"the file is not readable CSV ({exc}).") from None
    if not rows:
        raise RegistryError("the file is empty.")
    if len(rows) > MAX_ROWS:
        raise RegistryError(f"the file has {len(rows)} rows; the limit is {MAX_ROWS}.")
    start = _header_index(rows)
    raw_headers = [cells.clean_cell(h).replace("\n", " ") for h in rows[start]]
    headers = [cells.normalise_header(h) for h in raw_headers]
    fmt, found_state = columns.detect(headers, start, state)
    if state and state != found_state and fmt == "vt-sos":
        raise RegistryError(f"this looks like a Vermont file, not {state.upper()}.")
    dated = cells.date_in_name(file_name) or columns.FORMAT_YEARS.get(fmt, "")
    reader = _RowReader(parsed_state := state or found_state, raw_headers, headers, dated)
    parsed = ParsedRegistry(fmt, parsed_state, [], [], raw_headers)
    # Line numbers: the header's own line plus the lines each record spans.
    line = 1 + sum(_lines(r) for r in rows[:start])
    line += _lines(rows[start])
    for record in rows[start + 1 :]:
        outcome = reader.row(record, line)
        if isinstance(outcome, str):
            parsed.skipped.append((line, outcome))
        else:
            parsed.rows.append(outcome)
        line += _lines(record)
    return parsed


def _lines(record: list[str]) -> int:
    return 1 + "".join(record).count("\n")


class _RowReader:
    """Turns one CSV record into a RegistryRow, with the column map worked out once."""

    def __init__(self, state: str, raw_headers: list[str], headers: list[str], dated: str) -> None:
        self.state, self.raw_headers, self.dated = state, raw_headers, dated
        self.fields, flags, metrics = columns.map_columns(headers)
        self.width = len(headers)
        self.flag_names, self.flag_columns = list(flags), list(flags.values())
        self.metric_names, self.metric_columns = list(metrics), list(metrics.values())

    def row(self, record: list[str], line: int) -> RegistryRow | str:
        if len(record) < self.width:
            record = record + [""] * (self.width - len(record))
        record = cells.tidy_row(record[: self.width])
        get = self._getter(record)
        if not any(record):
            return "empty row"
        name = get("name").split("\n")[0].strip()
        key = cells.name_key(name)
        if not name or not key:
            return "no data broker name"
        sites = cells.urls(get("website"))
        privacy = cells.urls(get("privacy_url"))
        opt_out = get("opt_out")
        opt_out_urls = cells.urls(opt_out) if opt_out else []
        region = " ".join(p for p in (get("region"), get("zip")) if p)
        parts = (get("street"), get("city"), region, get("country"))
        address = get("address") or ", ".join(p for p in parts if p)
        domains = dict.fromkeys(cells.domain_of(u) for u in (*sites, *privacy[:1]))
        row = RegistryRow(
            line=line,
            state=self.state,
            key=key,
            name=name[:200],
            dba=get("dba")[:500],
            website=sites[0] if sites else "",
            domains=[d for d in domains if d],
            emails=list(dict.fromkeys(cells.emails(get("email")) + cells.emails(opt_out))),
            phone=cells.phone(get("phone")) if get("phone") else "",
            address=address[:500],
            privacy_url=privacy[0] if privacy else "",
            opt_out=opt_out[:2000],
            opt_out_urls=opt_out_urls[:5],
            registry_id=get("registry_id")[:100],
            status=get("status")[:40],
            dated=cells.iso_date(get("date")) or self.dated,
            values=record,
            headers=self.raw_headers,
        )
        if self.flag_columns:
            answers = cells.yes_no_many([record[i] for i in self.flag_columns])
            row.flags = {
                f: a for f, a in zip(self.flag_names, answers, strict=True) if a is not None
            }
        if self.metric_columns:
            values = cells.numbers([record[i] for i in self.metric_columns])
            row.metrics = {
                m: v for m, v in zip(self.metric_names, values, strict=True) if v is not None
            }
        return row

    def _getter(self, record: list[str]) -> Callable[[str], str]:
        fields = self.fields

        def get(field: str) -> str:
            index = fields.get(field)
            return record[index] if index is not None else ""

        return get
