"""Moving the rest of a line: remove its glyphs with PyMuPDF, draw the same glyphs again further along.

Safety rests on one comparison: the glyphs PyMuPDF reports before and after the removal. Only glyphs
that were still on the page (so never a redacted or invisible one, which earlier passes removed) and
that this removal took away are drawn again, each matched to pdfminer's record of its code and font.
If anything does not match, the page cannot be reflowed safely and the caller redoes it with boxes of
the names' own widths, which hide the same text.
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from redaction.render.pdf_glyphs import Glyph, drawing_ops, font_resource
from redaction.render.pdf_reflow import LinePlan

_SAME_PLACE = 0.3  # points: PyMuPDF and pdfminer agree on a glyph's origin to well within this


class CannotReflow(Exception):
    """This page's lines cannot be moved glyph for glyph; keep every glyph on it where it is."""

    def __init__(self, page: pymupdf.Page, reason: str) -> None:
        super().__init__(f"page {page.number + 1}: {reason}")
        self.page = page.number + 1


def _origins(page: pymupdf.Page, to_pdf: pymupdf.Matrix, near: Sequence[pymupdf.Rect]) -> list[tuple[float, float]]:
    out = []
    for span in page.get_texttrace():
        for char in span["chars"]:
            point = pymupdf.Point(char[2]) * to_pdf
            if any(area.contains(point) for area in near):
                out.append((point.x, point.y))
    return out


def _take(points: list[tuple[float, float]], x: float, y: float) -> bool:
    """Remove the point nearest (x, y) from `points`, if one is close enough."""
    best, index = _SAME_PLACE, -1
    for i, (px, py) in enumerate(points):
        distance = max(abs(px - x), abs(py - y))
        if distance <= best:
            best, index = distance, i
    if index < 0:
        return False
    points.pop(index)
    return True


def _removed(before: list[tuple[float, float]], after: list[tuple[float, float]]) -> list[tuple[float, float]]:
    left = list(before)
    for x, y in after:
        _take(left, x, y)
    return left


def _plan_for(glyph: Glyph, plans: Sequence[LinePlan]) -> LinePlan | None:
    for plan in plans:
        if plan.holds(glyph.centre, glyph.y) and not plan.in_box(glyph.centre):
            return plan
    return None


def _append_content(doc: pymupdf.Document, page: pymupdf.Page, content: bytes, fonts: set[int]) -> None:
    if doc.xref_get_key(page.xref, "Resources")[0] == "null":
        raise CannotReflow(page, "the page inherits its resources")
    for font in sorted(fonts):
        doc.xref_set_key(page.xref, f"Resources/Font/{font_resource(font)}", f"{font} 0 R")
    page.wrap_contents()  # whatever state the page's own content leaves, the glyphs start from a clean one
    kind, contents = doc.xref_get_key(page.xref, "Contents")
    stream = doc.get_new_xref()
    doc.update_object(stream, "<<>>")
    doc.update_stream(stream, content)
    if kind == "xref":
        doc.xref_set_key(page.xref, "Contents", f"[{contents} {stream} 0 R]")
    elif kind == "array":
        doc.xref_set_key(page.xref, "Contents", f"{contents[:-1]} {stream} 0 R]")
    else:
        raise CannotReflow(page, "the page's contents are not a stream or an array of streams")


def move_lines(doc: pymupdf.Document, page: pymupdf.Page, plans: Sequence[LinePlan], glyphs: Sequence[Glyph]) -> None:
    """Redraw the moving part of each planned line at its new place. Raises CannotReflow."""
    to_fitz = page.transformation_matrix
    to_pdf = ~to_fitz
    areas = []
    watch = []
    for plan in plans:
        line = plan.line
        height = line.top - line.bottom
        area = pymupdf.Rect(plan.moves_from, line.top, line.right + 1, line.bottom) * to_fitz
        area.normalize()
        # Trim the band so the removal cannot reach the lines above and below.
        trim = height * 0.15
        areas.append(pymupdf.Rect(area.x0, area.y0 + trim, area.x1, area.y1 - trim))
        # PDF space, y upwards: where any glyph the removal might touch has its origin.
        watch.append(pymupdf.Rect(plan.moves_from - 1, line.bottom - 2 * height, line.right + 2, line.top + 2 * height))
    before = _origins(page, to_pdf, watch)
    moving = [g for g in glyphs if _plan_for(g, plans) is not None]
    still_there = [g for g in moving if any(max(abs(x - g.x), abs(y - g.y)) <= _SAME_PLACE for x, y in before)]
    if any(not g.redrawable for g in still_there):
        raise CannotReflow(page, "a glyph on a moving line cannot be written back")
    for area in areas:
        page.add_redact_annot(area, fill=False, cross_out=False)
    page.apply_redactions(
        images=pymupdf.PDF_REDACT_IMAGE_NONE,
        graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )
    removed = _removed(before, _origins(page, to_pdf, watch))
    for glyph in still_there:
        if not _take(removed, glyph.x, glyph.y):
            raise CannotReflow(page, "a glyph on a moving line was not removed")
    # Whatever else the removal touched (a tall glyph of a neighbouring line) goes back where it was.
    moving_ids = {id(g) for g in moving}
    pool = [g for g in glyphs if id(g) not in moving_ids]
    redraw: list[Glyph] = []
    for glyph in still_there:
        owner = _plan_for(glyph, plans)
        assert owner is not None
        redraw.append(glyph.moved(owner.new_x(glyph.x, glyph.centre), owner.squeeze))
    for x, y in removed:
        match = next((g for g in pool if max(abs(x - g.x), abs(y - g.y)) <= _SAME_PLACE and g.redrawable), None)
        if match is None:
            raise CannotReflow(page, "a glyph removed from a neighbouring line cannot be written back")
        pool.remove(match)
        redraw.append(match)
    if redraw:
        _append_content(doc, page, drawing_ops(redraw), {g.font for g in redraw if g.font is not None})
