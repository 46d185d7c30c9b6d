"""Which lines of a PDF page move for uniform person boxes, and how.

Brings together pdfium's lines (pdf_lines), pdfminer's glyphs (pdf_glyphs) and the geometry of a
line (pdf_reflow): every line holding a person's box gets a LinePlan; the other lines are untouched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium

from redaction.render.pdf_glyphs import Glyph
from redaction.render.pdf_lines import PageChars, Wall, line_of
from redaction.render.pdf_reflow import PERSON_BOX_EMS, Line, LinePlan, plan_line
from redaction.render.pdf_reflow import Box as ReflowBox


@dataclass(frozen=True)
class LineBox:
    """One line's part of a redaction block: PDF user space, and the pdfium characters it covers."""

    rect: tuple[float, float, float, float]  # left, bottom, right, top
    label: str | None
    person: bool
    first: int
    last: int


def page_plans(
    page: pdfium.PdfPage, boxes: Sequence[LineBox], glyphs: Sequence[Glyph], walls: Sequence[Wall]
) -> tuple[list[LinePlan], set[int]]:
    """Each line holding a person's box: boxes at their drawn widths, and how the rest of it moves;
    and which of `boxes` (by index) the plans draw."""
    textpage = page.get_textpage()
    try:
        chars = PageChars.read(textpage)
    finally:
        textpage.close()
    text_right = chars.text_right()
    by_line: dict[Line, list[int]] = defaultdict(list)
    for n, box in enumerate(boxes):
        line = line_of(chars, box.first, box.last, text_right, walls)
        # Parts of one line found from different boxes are the same line: key on its start and band.
        same = next((known for known in by_line if _same_line(known, line)), line)
        by_line[same].append(n)
    plans = []
    planned: set[int] = set()
    for line, indexes in by_line.items():
        members = [boxes[n] for n in indexes]
        people = [b for b in members if b.person]
        if not people:
            continue
        on_line = [g for g in glyphs if line.bottom <= g.y <= line.top]
        sizes = sorted(g.size for g in on_line for b in people if b.rect[0] <= g.centre <= b.rect[2])
        em = sizes[len(sizes) // 2] if sizes else (line.top - line.bottom) / 1.15
        boxes_here = [_reflow_box(b, on_line) for b in members]
        plan = plan_line(line, boxes_here, PERSON_BOX_EMS * em)
        if plan.changes_anything:
            plans.append(plan)
            planned.update(indexes)
    return plans, planned


def _reflow_box(box: LineBox, on_line: Sequence[Glyph]) -> ReflowBox:
    """The box measured by its glyphs' advances, not their ink: the ink of "Al" and of "Ng" differ by
    their side bearings, and a gap measured by ink would still differ by a fraction of a point."""
    left, bottom, right, top = box.rect
    inside = [g for g in on_line if left <= g.centre <= right]
    if inside:
        left, right = min(g.x for g in inside), max(g.x + g.advance for g in inside)
    return ReflowBox(left=left, right=right, bottom=bottom, top=top, person=box.person, label=box.label)


def _same_line(a: Line, b: Line) -> bool:
    return abs(a.left - b.left) < 0.5 and abs(a.bottom - b.bottom) < 0.5 and abs(a.right - b.right) < 0.5
