"""Moving the rest of a line: remove its glyphs with PyMuPDF, draw the same glyphs again further along.

Safety rests on one comparison: the glyphs PyMuPDF reports before and after the removal. Only glyphs
that were still on the page (so never a redacted or invisible one, which earlier passes removed) and
that this removal took away are drawn again, each matched to pdfminer's record of its code and font.
If anything does not match, the page cannot be reflowed safely and the caller redoes it with boxes of
the names' own widths, which hide the same text.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import pymupdf

from redaction.render.pdf_glyphs import Glyph, drawing_ops, font_resource
from redaction.render.pdf_reflow import LinePlan

_SAME_PLACE = 0.3  # points: PyMuPDF and pdfminer agree on a glyph's origin to well within this
T = TypeVar("T")


class CannotReflow(Exception):
    """This page's lines cannot be moved glyph for glyph; keep every glyph on it where it is."""

    def __init__(self, page: pymupdf.Page, reason: str) -> None:
        super().__init__(f"page {page.number + 1}: {reason}")
        self.page = page.number + 1


Point = tuple[float, float]
Area = tuple[float, float, float, float]  # left, bottom, right, top: PDF space


def _origins(page: pymupdf.Page, to_pdf: pymupdf.Matrix, near: Sequence[Area]) -> list[Point]:
    """PyMuPDF's origin of every glyph on the page that lies in one of the areas, in PDF space."""
    a, b, c, d, e, f = to_pdf
    out = []
    for span in page.get_texttrace():
        for char in span["chars"]:
            if char[1] == -1:
                continue  # the second letter of a ligature ("ff"): the same glyph, already counted
            u, v = char[2]
            x, y = a * u + c * v + e, b * u + d * v + f
            if any(left <= x <= right and bottom <= y <= top for left, bottom, right, top in near):
                out.append((x, y))
    return out


class _Near(Generic[T]):
    """Items placed at points, found again by nearness (within _SAME_PLACE) through a grid of cells."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[Point, T]]] = defaultdict(list)

    @staticmethod
    def _cell(x: float, y: float) -> tuple[int, int]:
        return math.floor(x / _SAME_PLACE), math.floor(y / _SAME_PLACE)

    def add(self, point: Point, item: T) -> None:
        self._cells[self._cell(*point)].append((point, item))

    def take(self, x: float, y: float, accept: Callable[[T], bool] = lambda _: True) -> T | None:
        """Remove and return the nearest acceptable item close enough to (x, y), if any."""
        cx, cy = self._cell(x, y)
        best, found = _SAME_PLACE, None
        for key in ((cx + i, cy + j) for i in (-1, 0, 1) for j in (-1, 0, 1)):
            for n, ((px, py), item) in enumerate(self._cells.get(key, ())):
                distance = max(abs(px - x), abs(py - y))
                if distance <= best and accept(item):
                    best, found = distance, (key, n)
        if found is None:
            return None
        key, n = found
        return self._cells[key].pop(n)[1]

    def points(self) -> list[Point]:
        return [point for cell in self._cells.values() for point, _ in cell]


def _near_points(points: Sequence[Point]) -> _Near[Point]:
    near: _Near[Point] = _Near()
    for point in points:
        near.add(point, point)
    return near


def _removed(before: Sequence[Point], after: Sequence[Point]) -> _Near[Point]:
    """The glyph origins in `before` that `after` no longer has."""
    left = _near_points(before)
    for x, y in after:
        left.take(x, y)
    return left


def _owners(glyphs: Sequence[Glyph], plans: Sequence[LinePlan]) -> dict[int, LinePlan]:
    """The plan each moving glyph belongs to, by id(glyph); glyphs looked up by baseline, not one by one."""
    ordered = sorted(glyphs, key=lambda g: g.y)
    baselines = [g.y for g in ordered]
    owners: dict[int, LinePlan] = {}
    for plan in plans:
        low = bisect.bisect_left(baselines, plan.line.bottom)
        high = bisect.bisect_right(baselines, plan.line.top)
        for glyph in ordered[low:high]:
            if id(glyph) not in owners and plan.holds(glyph.centre, glyph.y) and not plan.in_box(glyph.centre):
                owners[id(glyph)] = plan
    return owners


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
    watch: list[Area] = []
    for plan in plans:
        line = plan.line
        height = line.top - line.bottom
        area = pymupdf.Rect(plan.moves_from, line.top, line.right + 1, line.bottom) * to_fitz
        area.normalize()
        # Trim the band so the removal cannot reach the lines above and below.
        trim = height * 0.15
        areas.append(pymupdf.Rect(area.x0, area.y0 + trim, area.x1, area.y1 - trim))
        # PDF space, y upwards: where any glyph the removal might touch has its origin.
        watch.append((plan.moves_from - 1, line.bottom - 2 * height, line.right + 2, line.top + 2 * height))
    before = _origins(page, to_pdf, watch)
    present = _near_points(before)
    # The glyphs to move that are still on the page: earlier passes removed the redacted and invisible ones.
    owners = _owners(glyphs, plans)
    moving = [g for g in glyphs if id(g) in owners]
    still_there = [g for g in moving if present.take(g.x, g.y) is not None]
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
    redraw: list[Glyph] = []
    for glyph in still_there:
        if removed.take(glyph.x, glyph.y) is None:
            raise CannotReflow(page, "a glyph on a moving line was not removed")
        owner = owners[id(glyph)]
        redraw.append(glyph.moved(owner.new_x(glyph.x, glyph.centre), owner.squeeze))
    # Whatever else the removal touched (a tall glyph of a neighbouring line) goes back where it was.
    pool: _Near[Glyph] = _Near()
    for glyph in glyphs:
        if id(glyph) not in owners:
            pool.add((glyph.x, glyph.y), glyph)
    for x, y in removed.points():
        match = pool.take(x, y, lambda g: g.redrawable)
        if match is None:
            raise CannotReflow(page, "a glyph removed from a neighbouring line cannot be written back")
        redraw.append(match)
    if redraw:
        try:
            _append_content(doc, page, drawing_ops(redraw), {g.font for g in redraw if g.font is not None})
        except (RuntimeError, ValueError) as exc:  # MuPDF refusing an odd resources or contents entry
            raise CannotReflow(page, f"the page's resources cannot take the moved glyphs ({exc})") from exc
