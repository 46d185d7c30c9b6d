"""The text lines of a PDF page as pdfium reads them: which glyphs share a line with a redaction box.

pdfium's character order follows the text flow, so a line is the run of characters either side of a
box that stays on the box's baseline band, keeps moving right, and does not jump a column gap. The
line may later grow to the right up to its column's edge, the next text on the same band, or a rule
drawn across it (a table cell's border).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import pymupdf
import pypdfium2 as pdfium

from redaction.render.pdf_reflow import Line

Rect = tuple[float, float, float, float]  # left, bottom, right, top; PDF user space
Wall = tuple[float, float, float]  # a vertical rule: x, from y, to y; PDF user space
# A horizontal gap wider than this many ems is a column or tab stop, not a word space.
_COLUMN_GAP_EMS = 2.0
# Room kept free before the next text on the same band.
_KEEP_CLEAR_EMS = 0.5


@dataclass(frozen=True)
class PageChars:  # frozen, yet cached_property works: it writes the instance __dict__
    text: str  # pdfium's raw page text, one character per index
    tight: tuple[Rect, ...]
    loose: tuple[Rect, ...]

    @classmethod
    def read(cls, textpage: pdfium.PdfTextPage) -> PageChars:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)
        tight = tuple(textpage.get_charbox(i) for i in range(count))
        loose = tuple(textpage.get_charbox(i, loose=True) for i in range(count))
        return cls(text, tight, loose)

    def drawn(self, i: int) -> bool:
        left, bottom, right, top = self.tight[i]
        return not (right - left <= 0.01 and top - bottom <= 0.01) and self.text[i] not in "\r\n"

    @cached_property
    def drawn_rects(self) -> list[tuple[int, Rect]]:
        return [(i, rect) for i, rect in enumerate(self.tight) if self.drawn(i)]

    def text_right(self) -> float:
        return max((rect[2] for _, rect in self.drawn_rects), default=0.0)


def _on_band(rect: Rect, band: tuple[float, float]) -> bool:
    mid = (rect[1] + rect[3]) / 2
    return band[0] <= mid <= band[1]


def vertical_rules(page: pymupdf.Page) -> list[Wall]:
    """Vertical lines and rectangle sides drawn on the page (table cell borders), in PDF space."""
    to_pdf = ~page.transformation_matrix
    walls: list[Wall] = []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] == "l":
                a, b = item[1] * to_pdf, item[2] * to_pdf
                if abs(a.x - b.x) < 0.5 and abs(a.y - b.y) > 1:
                    walls.append((a.x, min(a.y, b.y), max(a.y, b.y)))
            elif item[0] == "re":
                rect = item[1] * to_pdf
                rect.normalize()
                if rect.height > 1:
                    walls += [(rect.x0, rect.y0, rect.y1), (rect.x1, rect.y0, rect.y1)]
    return walls


def line_of(chars: PageChars, first: int, last: int, text_right: float, walls: Sequence[Wall] = ()) -> Line:
    """The line holding characters first..last (one line's part of a redaction)."""
    anchor = chars.loose[first]
    em = max(anchor[3] - anchor[1], 1.0) / 1.15  # pdfium's loose box is about 1.15 em tall
    band = (anchor[1], anchor[3])
    members = [i for i in range(first, last + 1) if chars.drawn(i)] or [first]
    for step in (-1, 1):
        edge = members[0] if step < 0 else members[-1]
        i = edge + step
        while 0 <= i < len(chars.text) and chars.text[i] not in "\r\n":
            if chars.drawn(i):
                rect, previous = chars.tight[i], chars.tight[edge]
                gap = previous[0] - rect[2] if step < 0 else rect[0] - previous[2]
                if not _on_band(rect, band) or gap < -em or gap > _COLUMN_GAP_EMS * em:
                    break
                members.append(i)
                edge = i
            i += step
    left = min(chars.tight[i][0] for i in members)
    right = max(chars.tight[i][2] for i in members)
    bottom = min(chars.loose[i][1] for i in members)
    top = max(chars.loose[i][3] for i in members)
    own = set(members)
    # The next text to the right on the same band (another column, a tab stop) must stay clear.
    across = [rect[0] for i, rect in chars.drawn_rects if rect[0] >= right and i not in own and _on_band(rect, band)]
    # Nor may it cross a rule drawn across its band: the border of the table cell it sits in.
    middle = (bottom + top) / 2
    rules = [x for x, low, high in walls if x >= right and low <= middle <= high]
    limit = min([text_right, *(x - _KEEP_CLEAR_EMS * em for x in [*across, *rules])])
    return Line(left=left, right=right, bottom=bottom, top=top, limit=max(limit, right))
