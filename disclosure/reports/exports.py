"""The register as CSV (every filtered row) and as a printable PDF for one month (reportlab)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from disclosure.reports.forms import LONDON, Period
from disclosure.reports.selectors import RegisterRow

CSV_HEADER = [
    "released_at",
    "team",
    "case",
    "document",
    "recipients",
    "method",
    "released_by",
    "checked_by",
    "independently_checked",
    "file_name",
    "sha256",
]


def _safe(value: str) -> str:
    # A cell starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_values(row: RegisterRow) -> list[str]:
    return [
        row.released_local,
        row.team,
        row.case,
        row.document,
        row.recipients,
        row.method,
        row.released_by,
        row.checked_by,
        "yes" if row.independent else "no",
        row.file_name,
        row.sha256,
    ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def register_csv(rows: Iterable[RegisterRow]) -> Iterator[str]:
    """Streams the CSV a line at a time, so a long register never sits in memory."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    for row in rows:
        yield writer.writerow([_safe(v) for v in csv_values(row)])


def _period_title(period: Period) -> str:
    first = period.first_day
    month = first.strftime("%B %Y") if first else "All time"
    return f"Disclosure register: {month}" + (f", {period.team.name}" if period.team else ", all teams")


def register_pdf(rows: list[RegisterRow], period: Period, generated_by: str) -> bytes:
    buffer = io.BytesIO()
    title = _period_title(period)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=title,
        author="Clearance",
    )
    styles = getSampleStyleSheet()
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=7.5, leading=9)
    mono = ParagraphStyle("mono", parent=cell, fontName="Courier", fontSize=6.5, leading=8)
    independent = sum(1 for r in rows if r.independent)
    now = timezone.localtime(timezone.now(), LONDON)
    story = [
        Paragraph(title, styles["Title"]),
        Paragraph(
            f"{len(rows)} release(s); {independent} independently checked"
            + (f" ({100 * independent / len(rows):.0f}%)" if rows else "")
            + f". Generated {now:%d %B %Y %H:%M} (Europe/London) by {generated_by}. Times are Europe/London.",
            styles["Normal"],
        ),
        Spacer(1, 4 * mm),
    ]
    header: list[object] = [
        "Released",
        "Case",
        "Document",
        "Recipients",
        "Method",
        "Released by",
        "Checked by",
        "Indep.",
        "SHA-256",
    ]
    data: list[list[object]] = [header]
    for r in rows:
        data.append(
            [
                r.released_local,
                Paragraph(_escape(r.case), cell),
                Paragraph(_escape(r.document), cell),
                Paragraph(_escape(r.recipients), cell),
                r.method,
                r.released_by,
                r.checked_by,
                "yes" if r.independent else "NO",
                Paragraph(f"{r.sha256[:32]}<br/>{r.sha256[32:]}", mono),
            ]
        )
    if not rows:
        data.append(["No releases in this month.", "", "", "", "", "", "", "", ""])
    widths = [24 * mm, 38 * mm, 40 * mm, 40 * mm, 18 * mm, 22 * mm, 22 * mm, 11 * mm, 55 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 7.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
            ]
        )
    )
    story.append(table)

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(12 * mm, 7 * mm, f"{title} (page {document.page})")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _escape(text: str) -> str:
    # reportlab Paragraphs parse a little markup; names and titles must be shown literally.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def file_stamp(moment: datetime | None = None) -> str:
    return timezone.localtime(moment or timezone.now(), LONDON).strftime("%Y%m%d-%H%M")
