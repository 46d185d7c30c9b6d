"""PDF -> redacted PDF: the glyphs under each box removed from the content stream, image pixels painted.

Places come from pdfium, the extractor's own engine: the extracted page text maps one to one onto
pdfium's character indices (through the extractor's own clean-up, normalise_pdfium_text), so an
offset names one glyph and its box. PyMuPDF then applies true redaction over those boxes.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import pymupdf
import pypdfium2 as pdfium

from redaction.errors import UnreadableFile
from redaction.extract.pdf import normalise_pdfium_text
from redaction.pixels import WITHHELD_LABEL
from redaction.render.blocks import RedactionBlock
from redaction.render.locate import Piece, relocate
from redaction.render.pdf_glyphs import PageGlyphs
from redaction.render.pdf_lines import vertical_rules
from redaction.render.pdf_plan import LineBox, page_plans
from redaction.render.pdf_rebuild import rebuild_pdf
from redaction.render.pdf_redraw import CannotReflow, move_lines
from redaction.render.pdf_reflow import LinePlan
from redaction.render.pdf_sanitise import (
    clipped_text_rects,
    invisible_text_rects,
    strip_interactive,
)

logger = logging.getLogger(__name__)
_RASTER_DPI = 150
Rect = tuple[float, float, float, float]  # left, bottom, right, top: PDF user space
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


def _line_rects(glyphs: list[tuple[int, Rect]]) -> list[tuple[Rect, int, int]]:
    """Group glyph boxes (PDF space) into one rectangle per line, with the first and last glyph index."""
    lines: list[tuple[list[float], int, int]] = []
    for i, (left, bottom, right, top) in glyphs:
        if lines:
            line, first, _ = lines[-1]
            mid, line_mid = (bottom + top) / 2, (line[1] + line[3]) / 2
            height = max(line[3] - line[1], top - bottom, 1.0)
            if abs(mid - line_mid) < height / 2 and left >= line[0] - 1:
                line[:] = [min(line[0], left), min(line[1], bottom), max(line[2], right), max(line[3], top)]
                lines[-1] = (line, first, i)
                continue
        lines.append(([left, bottom, right, top], i, i))
    return [((a, b, c, d), first, last) for (a, b, c, d), first, last in lines]


def _glyph_boxes(textpage: pdfium.PdfTextPage, indexes: Sequence[int]) -> list[tuple[int, Rect]]:
    boxes = []
    for i in indexes:
        left, bottom, right, top = textpage.get_charbox(i)
        if right - left <= 0.01 and top - bottom <= 0.01:
            continue  # spaces and line breaks pdfium generated: nothing drawn there
        # x from the glyph itself; y from the font's line box, trimmed so the next line is not touched.
        _, lb, _, lt = textpage.get_charbox(i, loose=True)
        mid, half = (lb + lt) / 2, max((lt - lb) * 0.4, (top - bottom) / 2)
        boxes.append((i, (left, mid - half, right, mid + half)))
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
) -> tuple[dict[int, list[LineBox]], list[PdfPlacement]]:
    by_page: dict[int, list[Piece]] = defaultdict(list)
    for piece in pieces:
        if piece.segment.page is not None:
            by_page[piece.segment.page].append(piece)
    result: dict[int, list[LineBox]] = defaultdict(list)
    placements: list[PdfPlacement] = []
    for number, page_pieces in by_page.items():
        if not 1 <= number <= len(pdf):
            continue
        page = pdf[number - 1]
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
            text, index = normalise_pdfium_text(raw)
            for piece in page_pieces:
                expected = document_text[piece.segment.start : piece.segment.end]
                found = relocate(expected, text, piece.start, piece.end)
                if found is None:
                    continue
                lines = _line_rects(_glyph_boxes(textpage, [index[i] for i in range(*found)]))
                block = blocks[piece.block]
                for n, (rect, first, last) in enumerate(lines):
                    label = block.label if n == 0 else None
                    result[number].append(LineBox(rect, label, block.is_person, first, last))
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


def _withheld_rects(page: pymupdf.Page, withheld: Collection[str]) -> list[pymupdf.Rect]:
    """Where the withheld pictures (refs "xref:N") are drawn on this page, in PyMuPDF's coordinates."""
    rects: list[pymupdf.Rect] = []
    for ref in withheld:
        if ref.startswith("xref:") and ref[5:].isdigit():
            rects.extend(r for r in page.get_image_rects(int(ref[5:])) if not r.is_empty)
    return rects


def _draw_box(page: pymupdf.Page, rect: pymupdf.Rect, label: str | None) -> None:
    """A solid box, labelled in white with its reason when the label fits."""
    page.draw_rect(rect, color=None, fill=(0, 0, 0), width=0)
    fitted = _label_fit(label, rect) if label else None
    if fitted is None:
        return
    text, size = fitted
    width = pymupdf.get_text_length(text, fontname=_LABEL_FONT, fontsize=size)
    baseline = pymupdf.Point(rect.x0 + (rect.width - width) / 2, rect.y0 + (rect.height + size * 0.7) / 2)
    page.insert_text(baseline, text, fontname=_LABEL_FONT, fontsize=size, color=(1, 1, 1))


def _redact(
    data: bytes,
    boxes: dict[int, list[LineBox]],
    glyphs: PageGlyphs | None,
    reflow: set[int],
    blank_pages: Sequence[int],
    withheld: Collection[str] = (),
) -> bytes:
    fitz_doc = pymupdf.open(stream=data, filetype="pdf")
    pdf = pdfium.PdfDocument(data)
    try:
        strip_interactive(fitz_doc)
        for page in fitz_doc:
            number = page.number + 1
            page_boxes = boxes.get(number, [])
            to_fitz = page.transformation_matrix
            plans: list[LinePlan] = []
            planned: set[int] = set()
            on_page = glyphs.read(number) if glyphs and number in reflow and page.rotation == 0 else None
            if on_page:
                try:
                    plans, planned = page_plans(pdf[page.number], page_boxes, on_page, vertical_rules(page))
                except Exception as exc:  # a page this code has not met: name-width boxes are always safe
                    logger.exception("Could not plan uniform boxes on page %s", number)
                    raise CannotReflow(page, f"planning failed ({exc!r})") from exc
            # Removal first, everywhere: the redacted glyphs and pixels, and text nobody can see.
            for rect in (*invisible_text_rects(page), *clipped_text_rects(pdf[page.number], page)):
                page.add_redact_annot(rect, fill=False, cross_out=False)
            for box in page_boxes:
                page.add_redact_annot(_fitz_rect(box.rect, to_fitz), fill=False, cross_out=False)
            pictures = _withheld_rects(page, withheld)
            for rect in pictures:
                page.add_redact_annot(rect, fill=False, cross_out=False)
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
            if plans and on_page:
                try:
                    move_lines(fitz_doc, page, plans, on_page)
                except CannotReflow:
                    raise
                except Exception as exc:
                    logger.exception("Could not move lines on page %s", number)
                    raise CannotReflow(page, f"moving lines failed ({exc!r})") from exc
            drawn = [(b.rect, b.label) for n, b in enumerate(page_boxes) if n not in planned]
            drawn += [((b.left, b.bottom, b.right, b.top), b.label) for plan in plans for b in plan.placed()]
            for rect, label in drawn:
                _draw_box(page, _fitz_rect(rect, to_fitz), label)
            for rect in pictures:
                _draw_box(page, rect, WITHHELD_LABEL)
            if number in blank_pages:
                _rasterise(page)
        return fitz_doc.tobytes(garbage=4, deflate=True, clean=True)
    finally:
        fitz_doc.close()
        pdf.close()


def _fitz_rect(rect: Rect, to_fitz: pymupdf.Matrix) -> pymupdf.Rect:
    left, bottom, right, top = rect
    out = pymupdf.Rect(left, top, right, bottom) * to_fitz
    out.normalize()
    return out


def redact_pdf(
    data: bytes,
    document_text: str,
    pieces: Sequence[Piece],
    blocks: Sequence[RedactionBlock],
    *,
    blank_pages: Sequence[int] = (),
    uniform_people: bool = True,
    withheld: Collection[str] = (),
) -> tuple[bytes, list[PdfPlacement]]:
    """The redacted, sanitised PDF and the page each block landed on.

    With `uniform_people`, every person's box has the same width (in ems) and the rest of its line
    moves to make room; a page whose glyphs cannot be moved safely keeps boxes of the names' widths.
    """
    try:
        fitz_doc = pymupdf.open(stream=data, filetype="pdf")
        pdf = pdfium.PdfDocument(data)
    except (RuntimeError, ValueError, pdfium.PdfiumError) as exc:
        raise UnreadableFile("The PDF is damaged and cannot be opened.") from exc
    try:
        if fitz_doc.needs_pass:
            raise UnreadableFile("The PDF is password-protected. Remove the password and upload it again.")
        boxes, placements = _page_boxes(pdf, document_text, pieces, blocks)
    finally:
        fitz_doc.close()
        pdf.close()
    people_pages = {n for n, page_boxes in boxes.items() if any(b.person for b in page_boxes)}
    glyphs = PageGlyphs(data) if uniform_people and people_pages else None
    while True:
        try:
            written = _redact(data, boxes, glyphs, people_pages, blank_pages, withheld)
            break
        except CannotReflow as exc:
            # Each failure takes one page out of the reflow, so this ends; the rest keep uniform boxes.
            logger.warning("Keeping name-width boxes on %s", exc)
            people_pages.discard(exc.page)
    return rebuild_pdf(written), placements


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
    return rebuild_pdf(written)
