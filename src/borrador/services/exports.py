"""CSV exports of requests and of each person's progress, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import TYPE_CHECKING

from borrador.core.display import csv_safe
from borrador.core.requests import PUBLIC_FIELDS
from borrador.services.progress import CSV_COLUMNS

if TYPE_CHECKING:
    from borrador.services.progress import ProgressService
    from borrador.services.requests import RequestService


def to_csv(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


class ExportService:
    def __init__(self, requests: RequestService, progress: ProgressService) -> None:
        self.requests = requests
        self.progress = progress

    def requests_csv(self, person_id: int | None = None) -> str:
        fields = list(PUBLIC_FIELDS)
        rows = [[getattr(r, f) for f in fields] for r in self.requests.find(person_id)]
        return to_csv(fields, [[v.isoformat() if hasattr(v, "isoformat") else v for v in row]
                               for row in rows])  # fmt: skip

    def progress_csv(self) -> str:
        rows = [dataclasses.asdict(p) for p in self.progress.per_person()]
        return to_csv(list(CSV_COLUMNS), [[row[c] for c in CSV_COLUMNS] for row in rows])
