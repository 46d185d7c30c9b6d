"""The redaction schedule: one row per box in an output, saying where, what kind, why and who decided."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

SCHEDULE_COLUMNS = ("number", "output", "location", "page", "category", "reason_code", "decided_by")


@dataclass(frozen=True)
class ScheduleRow:
    number: int  # the box's ordinal in the document, the same in every output of one document
    output: str  # "docx", "pdf" or "txt"
    location: str  # "page 3", "body paragraph 12", "header paragraph 1", "line 7" ...
    page: int | None
    category: str
    reason_code: str
    decided_by: str


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start like a formula; a name or reason must never be executed.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def schedule_csv(rows: Iterable[ScheduleRow]) -> str:
    """The schedule as CSV text (header row first), safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SCHEDULE_COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in SCHEDULE_COLUMNS])
    return buffer.getvalue()
