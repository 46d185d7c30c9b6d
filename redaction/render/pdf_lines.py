"""The text lines of a PDF page as pdfium reads them: which glyphs share a line with a redaction box.

pdfium's character order follows the text flow, so a line is the run of characters either side of a
box that stays on the box's baseline band, keeps moving right, and does not jump a column gap. The
line may later grow to the right up to its column's edge or the next text on the same band.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from redaction.render.pdf_reflow import Line

Rect = tuple[float, float, float, float]  # left, bottom, right, top; PDF user space
# A horizontal gap wider than this many ems is a column or tab stop, not a word space.
_COLUMN_GAP_EMS = 2.0
# Room kept free before the next text on the same band.
_KEEP_CLEAR_EMS = 0.5


@dataclass(frozen=True)
class PageChars:
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

    def text_right(self) -> float:
        return max((self.tight[i][2] for i in range(len(self.tight)) if self.drawn(i)), default=0.0)


def _on_band(rect: Rect, band: tuple[float, float]) -> bool:
    mid = (rect[1] + rect[3]) / 2
    return band[0] <= mid <= band[1]


def line_of(chars: PageChars, first: int, last: int, text_right: float) -> Line:
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
    across = [
        chars.tight[i][0]
        for i in range(len(chars.text))
        if i not in own and chars.drawn(i) and chars.tight[i][0] >= right and _on_band(chars.tight[i], band)
    ]
    limit = min([text_right, *(x - _KEEP_CLEAR_EMS * em for x in across)])
    return Line(left=left, right=right, bottom=bottom, top=top, limit=max(limit, right))
