"""PDF extraction maps text back to the page: character boxes for any span, and pages without text flagged."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from redaction import analyse, extract
from redaction.extract.pdf import pdf_char_boxes
from redaction.types import CaseContext, Person


def _pdf(pages: list[str | None]) -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        if text is None:
            drawing.rect(100, 400, 300, 200, fill=1)  # a picture-only page: no text layer
        else:
            drawing.setFont("Helvetica", 12)
            drawing.drawString(72, 700, text)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def test_char_boxes_locate_a_name_on_its_page() -> None:
    data = _pdf(["Minutes of the meeting.", "The neighbour Doreen Pike attended."])
    document = extract(data, "minutes.pdf")
    start = document.text.index("Doreen Pike")
    segment = next(s for s in document.segments if s.start <= start < s.end)
    assert segment.page == 2
    boxes = pdf_char_boxes(data, segment, start, start + len("Doreen Pike"))
    assert len(boxes) == len("Doreen Pike")
    lefts = [box[0] for box in boxes]
    assert lefts == sorted(lefts) and 72 < lefts[0] < 400
    assert all(690 < box[1] < 715 for box in boxes if box[2] > box[0])  # on the drawn line, near y=700


def test_span_outside_its_segment_is_refused() -> None:
    data = _pdf(["One page only."])
    document = extract(data, "a.pdf")
    with pytest.raises(ValueError, match="inside the page"):
        pdf_char_boxes(data, document.segments[0], 0, len(document.text) + 5)


def test_a_page_without_text_flags_the_document_but_the_rest_is_analysed() -> None:
    data = _pdf(["The neighbour Doreen Pike shouted at Amy.", None])
    context = CaseContext(reference="X", family=(Person("Amy Lund", "child", ("Amy",)),))
    result = analyse(data, "mixed.pdf", context)
    assert result.document.needs_ocr
    assert any("Page(s) 2" in warning for warning in result.document.warnings)
    assert any(f.text == "Doreen Pike" and f.action == "redact" for f in result.findings)
