"""PDF -> redacted PDF: the glyphs under each box removed from the content stream, image pixels painted.

Places come from pdfium, the extractor's own engine: the extracted page text maps one to one onto
pdfium's character indices (after the extractor's newline clean-up, which is undone here), so an
offset names one glyph and its box. PyMuPDF then applies true redaction over those boxes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pymupdf
import pypdfium2 as pdfium

from redaction.errors import UnreadableFile
from redaction.render.blocks import RedactionBlock
from redaction.render.locate import Piece, relocate
from redaction.render.pdf_sanitise import (
    clipped_text_rects,
    invisible_text_rects,
    strip_interactive,
    strip_structure,
)

_RASTER_DPI = 150
_LABEL_FONT = "helv"
# Readable forms of the reason codes for boxes too short for the code itself (the schedule has it all).
_SHORT = {
    "third_party_personal_data": "third party",
    "criminal_offence_data": "criminal offence",
    "risk_of_serious_harm": "serious harm",
}


@dataclass(frozen=True)
class PdfPlacement:
    block: int
    page: int


@dataclass(frozen=True)
class _Box:
    rect: pymupdf.Rect
    label: str | None


def normalised_text(raw: str) -> tuple[str, list[int]]:
    """The extractor's clean-up of pdfium text, with the raw index each output character came from."""
    out: list[str] = []
    index: list[int] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\r":
            out.append("\n")
            index.append(i)
            i += 2 if raw[i + 1 : i + 2] == "\n" else 1
            continue
        if ch != "\x00":
            out.append("\n" if ch == "\x0c" else ch)
            index.append(i)
        i += 1
    return "".join(out), index


def _line_rects(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Group glyph boxes (PDF space: left, bottom, right, top) into one rectangle per line."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if lines:
            line = lines[-1]
            mid, line_mid = (bottom + top) / 2, (line[1] + line[3]) / 2
            height = max(line[3] - line[1], top - bottom, 1.0)
            if abs(mid - line_mid) < height / 2 and left >= line[0] - 1:
                line[:] = [min(line[0], left), min(line[1], bottom), max(line[2], right), max(line[3], top)]
                continue
        lines.append([left, bottom, right, top])
    return [(a, b, c, d) for a, b, c, d in lines]


def _glyph_boxes(textpage: pdfium.PdfTextPage, indexes: Sequence[int]) -> list[tuple[float, float, float, float]]:
    boxes = []
    for i in indexes:
        left, bottom, right, top = textpage.get_charbox(i)
        if right - left <= 0.01 and top - bottom <= 0.01:
            continue  # spaces and line breaks pdfium generated: nothing drawn there
        # x from the glyph itself; y from the font's line box, trimmed so the next line is not touched.
        _, lb, _, lt = textpage.get_charbox(i, loose=True)
        mid, half = (lb + lt) / 2, max((lt - lb) * 0.4, (top - bottom) / 2)
        boxes.append((left, mid - half, right, mid + half))
    return boxes


def _label_fit(label: str, rect: pymupdf.Rect) -> tuple[str, float] | None:
    """The label, or its initials when the box is short, at a size that fits inside the box."""
    code = label.removeprefix("REDACTED: ")
    initials = "".join(word[0] for word in code.split("_") if word).upper() or "R"
    for text in (label, code, _SHORT.get(code, initials), initials):
        width = pymupdf.get_text_length(text, fontname=_LABEL_FONT, fontsize=1)
        size = min(rect.height * 0.7, (rect.width - 2) / width if width else 0, 9)
        if size >= 4.5:
            return text, size
    return None


def _page_boxes(
    pdf: pdfium.PdfDocument,
    document_text: str,
    pieces: Sequence[Piece],
    blocks: Sequence[RedactionBlock],
    fitz_doc: pymupdf.Document,
) -> tuple[dict[int, list[_Box]], list[PdfPlacement]]:
    by_page: dict[int, list[Piece]] = defaultdict(list)
    for piece in pieces:
        if piece.segment.page is not None:
            by_page[piece.segment.page].append(piece)
    result: dict[int, list[_Box]] = defaultdict(list)
    placements: list[PdfPlacement] = []
    for number, page_pieces in by_page.items():
        if not 1 <= number <= len(pdf):
            continue
        page = pdf[number - 1]
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
            text, index = normalised_text(raw)
            matrix = fitz_doc[number - 1].transformation_matrix
            for piece in page_pieces:
                expected = document_text[piece.segment.start : piece.segment.end]
                found = relocate(expected, text, piece.start, piece.end)
                if found is None:
                    continue
                lines = _line_rects(_glyph_boxes(textpage, [index[i] for i in range(*found)]))
                for n, (left, bottom, right, top) in enumerate(lines):
                    rect = pymupdf.Rect(left, top, right, bottom) * matrix
                    rect.normalize()
                    result[number].append(_Box(rect, blocks[piece.block].label if n == 0 else None))
                if piece.first and lines:
                    placements.append(PdfPlacement(piece.block, number))
        finally:
            textpage.close()
            page.close()
    return result, placements


def _rasterise(page: pymupdf.Page) -> None:
    """A page with no text layer becomes its own picture: nothing hidden in its drawing survives."""
    pixmap = page.get_pixmap(dpi=_RASTER_DPI)
    page.add_redact_annot(page.rect, fill=False)
    page.apply_redactions(
        images=pymupdf.PDF_REDACT_IMAGE_REMOVE,
        graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )
    page.insert_image(page.rect, pixmap=pixmap)


def redact_pdf(
    data: bytes,
    document_text: str,
    pieces: Sequence[Piece],
    blocks: Sequence[RedactionBlock],
    *,
    blank_pages: Sequence[int] = (),
) -> tuple[bytes, list[PdfPlacement]]:
    """The redacted, sanitised PDF and the page each block landed on."""
    try:
        fitz_doc = pymupdf.open(stream=data, filetype="pdf")
        pdf = pdfium.PdfDocument(data)
    except (RuntimeError, ValueError, pdfium.PdfiumError) as exc:
        raise UnreadableFile("The PDF is damaged and cannot be opened.") from exc
    try:
        if fitz_doc.needs_pass:
            raise UnreadableFile("The PDF is password-protected. Remove the password and upload it again.")
        boxes, placements = _page_boxes(pdf, document_text, pieces, blocks, fitz_doc)
        strip_interactive(fitz_doc)
        for page in fitz_doc:
            number = page.number + 1
            for rect in (*invisible_text_rects(page), *clipped_text_rects(pdf[page.number], page)):
                page.add_redact_annot(rect, fill=False, cross_out=False)
            for box in boxes.get(number, []):
                fitted = _label_fit(box.label, box.rect) if box.label else None
                page.add_redact_annot(
                    box.rect,
                    text=fitted[0] if fitted else None,
                    fontname=_LABEL_FONT,
                    fontsize=fitted[1] if fitted else 4,
                    align=pymupdf.TEXT_ALIGN_CENTER,
                    fill=(0, 0, 0),
                    text_color=(1, 1, 1),
                    cross_out=False,
                )
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
            if number in blank_pages:
                _rasterise(page)
        written = fitz_doc.tobytes(garbage=4, deflate=True, clean=True)
    finally:
        fitz_doc.close()
        pdf.close()
    return strip_structure(written), placements


def sanitise_pdf(data: bytes) -> bytes:
    """Sanitise a PDF Clearance produced itself (e.g. from a redacted DOCX): structure and metadata only.

    Invisible-text removal is skipped because the labels are white on black by design.
    """
    fitz_doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        strip_interactive(fitz_doc)
        written = fitz_doc.tobytes(garbage=4, deflate=True)
    finally:
        fitz_doc.close()
    return strip_structure(written)
