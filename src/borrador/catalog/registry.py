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

from borrador.catalog import registry_cells as cells
from borrador.core.errors import BorradorError

HEADER_SEARCH_ROWS = 15
MAX_ROWS = 100_000
MAX_CELLS = 2_000_000  # the largest real registry has ~3,000 rows of ~80 columns


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
    registry_id: str = ""
    status: str = ""
    flags: dict[str, bool] = dataclasses.field(default_factory=dict)
    metrics: dict[str, float] = dataclasses.field(default_factory=dict)
    fields: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class ParsedRegistry:
    format: str
    state: str
    rows: list[RegistryRow]
    skipped: list[tuple[int, str]]


Rule = Callable[[str], bool]


def _about_rights(h: str) -> bool:
    return any(word in h for word in ("privacy", "consumer", "exercise"))


# field -> header tests, tried in order; the first matching column wins.
FIELD_RULES: dict[str, tuple[Rule, ...]] = {
    "name": (lambda h: h in ("data broker name", "business name", "data broker legal name",
                             "legal name", "name", "data broker", "name of data broker"),
             lambda h: h.startswith("data broker name")),
    "dba": (lambda h: h.startswith("doing business as") or h in ("dba", "d/b/a"),),
    "website": (lambda h: h in ("website url", "website", "web site", "url",
                                "primary internet address", "data broker primary website"),
                lambda h: "internet address" in h,
                lambda h: "website" in h and not _about_rights(h)),
    "email": (lambda h: "email" in h,),
    "phone": (lambda h: "phone" in h,),
    "street": (lambda h: "street address" in h,),
    "city": (lambda h: h.endswith(" city") or h == "city",),
    "region": (lambda h: h == "state" or (h.endswith(" state") and "status" not in h),),
    "zip": (lambda h: "zip" in h or "postal" in h,),
    "country": (lambda h: "country" in h,),
    "address": (lambda h: h in ("physical address", "address", "mailing address"),
                lambda h: h.startswith("data broker primary address")),
    "privacy_url": (lambda h: "exercise" in h and ("privacy" in h or "rights" in h),
                    lambda h: h.startswith("how a consumer may opt out")),
    "opt_out": (lambda h: "opt out" in h.replace("-", " ") and ("method" in h or "how" in h),),
    "registry_id": (lambda h: h in ("registration id", "registration number", "business id"),),
    "status": (lambda h: h == "status",),
}  # fmt: skip


def _prose(h: str) -> bool:
    return h.startswith(("if ", "describe", "explain")) or "describe" in h


FLAG_RULES: dict[str, Rule] = {
    "sold_to_federal_government": lambda h: "federal government" in h and "regulated" not in h,
    "sold_to_law_enforcement": lambda h: "law enforcement" in h,
    "sold_to_foreign_actor": lambda h: "foreign" in h,
    "sold_to_genai_developer": lambda h: "generative" in h or "genai" in h,
    "collects_immigration_status": lambda h: "immigration" in h or "citizenship" in h,
    "collects_precise_geolocation": lambda h: "geolocation" in h,
    "collects_minors": lambda h: "minors" in h,
    "collects_biometrics": lambda h: "biometric" in h,
    "collects_reproductive_health": lambda h: "reproductive" in h,
    "collects_government_ids": lambda h: "government identification" in h or "government id" in h,
    "fcra_regulated": lambda h: "fair credit reporting" in h or "(fcra)" in h,
    "glba_regulated": lambda h: "gramm" in h or "(glba)" in h,
    "hipaa_regulated": lambda h: "hipaa" in h,
}


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _header_index(rows: list[list[str]]) -> int:
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = [cells.normalise_header(c) for c in row]
        if any(rule(h) for h in headers for rule in FIELD_RULES["name"]):
            return i
    raise RegistryError(
        f"no header row naming the data broker was found in the first {HEADER_SEARCH_ROWS} rows.",
        hint="Is this a state data-broker registry CSV (California or Vermont)?",
    )


def _map_columns(headers: list[str]) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    fields: dict[str, int] = {}
    for field, rules in FIELD_RULES.items():
        for rule in rules:
            hit = next(
                (i for i, h in enumerate(headers) if h and rule(h) and i not in fields.values()),
                None,
            )
            if hit is not None:
                fields[field] = hit
                break
    flags = {}
    for flag, rule in FLAG_RULES.items():
        hit = next((i for i, h in enumerate(headers) if h and rule(h) and not _prose(h)), None)
        if hit is not None:
            flags[flag] = hit
    metrics = {
        h: i
        for i, h in enumerate(headers)
        if h.startswith("requests ") or "median" in h or "mean" in h.split()
    }
    return fields, flags, metrics


def _detect(headers: list[str], header_row: int, state: str | None) -> tuple[str, str]:
    has = lambda text: any(text in h for h in headers)  # noqa: E731
    if state == "vt" or has("registration id") or (has("opt out") and has("credentialing")):
        return "vt-sos", "vt"
    if has("date added") or any(h.startswith("how a consumer may opt out") for h in headers):
        return "ca-ag-2020-2023", "ca"
    if headers and headers[0].startswith("completion time"):
        return "ca-cppa-2024", "ca"
    if has("federal government") or len(headers) >= 70:
        return "ca-cppa-2026", "ca"
    if header_row > 0:
        return "ca-cppa-2025", "ca"
    return "ca-cppa", state or "ca"


def _read_rows(text: str) -> list[list[str]]:
    """The CSV rows, read one at a time and refused as soon as the file passes the row or
    cell limits (a file of millions of tiny cells would otherwise take gigabytes)."""
    rows: list[list[str]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            rows.append(row)
            cells += len(row)
            if len(rows) > MAX_ROWS:
                raise RegistryError(f"the file has more than {MAX_ROWS} rows; that is the limit.")
            if cells > MAX_CELLS:
                raise RegistryError(f"the file has more than {MAX_CELLS} cells; no registry "
                                    "is that large.")  # fmt: skip
    except csv.Error as exc:
        raise RegistryError(f"the file is not readable CSV ({exc}).") from None
    return rows


def parse_registry(data: bytes, *, state: str | None = None) -> ParsedRegistry:
    text = _decode(data).replace("\x00", "")
    rows = _read_rows(text)
    if not rows:
        raise RegistryError("the file is empty.")
    start = _header_index(rows)
    raw_headers = [cells.clean_cell(h).replace("\n", " ") for h in rows[start]]
    headers = [cells.normalise_header(h) for h in raw_headers]
    fmt, found_state = _detect(headers, start, state)
    if state and state != found_state and fmt == "vt-sos":
        raise RegistryError(f"this looks like a Vermont file, not {state.upper()}.")
    fields, flags, metrics = _map_columns(headers)
    parsed = ParsedRegistry(fmt, state or found_state, [], [])
    # Line numbers: the header's own line plus the lines each record spans.
    line = 1 + sum(_lines(r) for r in rows[:start])
    for record in rows[start:]:
        line_of_record = line
        line += _lines(record)
        if record is rows[start]:
            continue
        outcome = _row(record, line_of_record, parsed.state, fields, flags, metrics, raw_headers)
        if isinstance(outcome, str):
            parsed.skipped.append((line_of_record, outcome))
        else:
            parsed.rows.append(outcome)
    return parsed


def _lines(record: list[str]) -> int:
    return 1 + "".join(record).count("\n")


def _row(
    record: list[str],
    line: int,
    state: str,
    fields: dict[str, int],
    flags: dict[str, int],
    metrics: dict[str, int],
    raw_headers: list[str],
) -> RegistryRow | str:
    def get(field: str) -> str:
        index = fields.get(field)
        return cells.clean_cell(record[index]) if index is not None and index < len(record) else ""

    if not any(c.strip() for c in record):
        return "empty row"
    name = get("name").split("\n")[0].strip()
    key = cells.name_key(name)
    if not name or not key:
        return "no data broker name"
    sites = cells.urls(get("website"))
    privacy = cells.urls(get("privacy_url"))
    parts = [
        get("street"),
        get("city"),
        " ".join(p for p in (get("region"), get("zip")) if p),
        get("country"),
    ]
    address = get("address") or ", ".join(p for p in parts if p)
    row = RegistryRow(
        line=line,
        state=state,
        key=key,
        name=name[:200],
        dba=get("dba")[:500],
        website=sites[0] if sites else "",
        domains=list(
            dict.fromkeys(cells.domain_of(u) for u in sites + privacy[:1] if cells.domain_of(u))
        ),
        emails=cells.emails(get("email")),
        phone=cells.phone(get("phone")) if get("phone") else "",
        address=address[:500],
        privacy_url=privacy[0] if privacy else "",
        opt_out=get("opt_out")[:2000],
        registry_id=get("registry_id")[:100],
        status=get("status")[:40],
    )
    for flag, index in flags.items():
        answer = cells.yes_no(record[index]) if index < len(record) else None
        if answer is not None:
            row.flags[flag] = answer
    for header, index in metrics.items():
        value = cells.number(record[index]) if index < len(record) else None
        if value is not None:
            row.metrics[header] = value
    row.fields = _fields(record, raw_headers)
    return row


def _fields(record: list[str], headers: list[str]) -> dict[str, str]:
    """The registry's own columns, cleaned; a row of plain cells is taken as it is (fast)."""
    joined = "\x1e".join(record)
    plain = joined.count("\x1e") == len(record) - 1 and not cells.needs_cleaning(joined)
    return {
        headers[i]: value[:1000] if plain else cells.clean_cell(value, max_len=1000)
        for i, value in enumerate(record[: len(headers)])
        if headers[i] and value.strip()
    }
