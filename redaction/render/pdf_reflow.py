"""Uniform-width boxes for people in a PDF: where each box goes and where the rest of its line moves.

A PDF keeps every glyph where its producer put it, so a box over a removed name is exactly as wide
as the name, and the width gives the name away ("Al Ng" against "Bartholomew Quigley-Smith"). Here a
person's box becomes a fixed number of ems wide and the text after it on the same line shifts by
the difference. When the longer line would run into the margin or into the next column, the whole
line is narrowed just enough to fit, never below a floor at which it stops being readable.

Pure geometry in PDF user space (y upwards): no PDF library, so each rule can be tested on numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

# The width of every person's box, in ems of the text it replaces: about a forename and surname,
# and wide enough for the reason code as a label at body text sizes (10 pt and up).
PERSON_BOX_EMS = 5.5
# A line is narrowed at most to this fraction of its width; past it, it is allowed into the margin.
MIN_SQUEEZE = 0.6
_EPSILON = 0.05


@dataclass(frozen=True)
class Box:
    left: float
    right: float
    bottom: float
    top: float
    person: bool
    label: str | None

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


@dataclass(frozen=True)
class Line:
    """A run of text on one baseline: its extent, the band its baselines lie in, and how far it may grow."""

    left: float
    right: float
    bottom: float
    top: float
    limit: float  # the right-most x the line may reach: the text column's edge or the next text across


@dataclass(frozen=True)
class LinePlan:
    line: Line
    boxes: tuple[Box, ...]  # as found, left to right
    widths: tuple[float, ...]  # the width each box is drawn at
    squeeze: float  # horizontal scale for the text of the line (1: only shifted)

    @property
    def moves_from(self) -> float:
        """Glyphs whose centre lies right of this x are redrawn; the ones before stay untouched."""
        return self.line.left - 1 if self.squeeze < 1 else self.boxes[0].left

    @property
    def changes_anything(self) -> bool:
        resized = (abs(w - b.width) > _EPSILON for w, b in zip(self.widths, self.boxes, strict=True))
        return self.squeeze < 1 or any(resized)

    def holds(self, x: float, y: float) -> bool:
        """Whether a glyph with this centre and baseline belongs to the line's moving part."""
        return self.line.bottom <= y <= self.line.top and self.moves_from < x <= self.line.right + 1

    def in_box(self, x: float) -> bool:
        return any(b.left <= x <= b.right for b in self.boxes)

    def _moved(self, x: float, boxes_before: int) -> float:
        """Where x goes once the first `boxes_before` boxes take their drawn widths and the text is squeezed."""
        old = sum(b.width for b in self.boxes[:boxes_before])
        new = sum(self.widths[:boxes_before])
        return self.line.left + self.squeeze * (x - self.line.left - old) + new

    def new_x(self, x: float, centre: float) -> float:
        """Where a glyph starting at x (centre `centre`) is drawn: boxes before it take their new widths."""
        return self._moved(x, sum(1 for b in self.boxes if b.centre < centre))

    def placed(self) -> list[Box]:
        """The boxes where they are drawn, at their drawn widths."""
        out = []
        for i, box in enumerate(self.boxes):
            left = self._moved(box.left, i)
            out.append(replace(box, left=left, right=left + self.widths[i]))
        return out


def plan_line(line: Line, boxes: Sequence[Box], person_width: float) -> LinePlan:
    """Person boxes `person_width` wide, others as they were; squeezed if the line would overrun."""
    ordered = tuple(sorted(boxes, key=lambda b: b.left))
    widths = tuple(person_width if b.person else b.width for b in ordered)
    text_width = line.right - line.left - sum(b.width for b in ordered)
    grown_end = line.right + sum(widths) - sum(b.width for b in ordered)
    squeeze = 1.0
    if grown_end > line.limit + _EPSILON and text_width > 0:
        room = line.limit - line.left - sum(widths)
        squeeze = max(MIN_SQUEEZE, min(1.0, room / text_width))
    end = line.left + squeeze * max(text_width, 0) + sum(widths)
    if end > line.limit + _EPSILON:
        widths = _fit_people(line, ordered, widths, squeeze * max(text_width, 0))
    return LinePlan(line, ordered, widths, squeeze)


def _fit_people(line: Line, boxes: Sequence[Box], widths: tuple[float, ...], text: float) -> tuple[float, ...]:
    """Person boxes narrowed to what is left before the limit (a narrow table cell), never below their
    own names' widths: a box must not paint over the next cell's words. Their width then tells the
    cell's width, not the name's."""
    people = sum(1 for b in boxes if b.person)
    others = sum(w for w, b in zip(widths, boxes, strict=True) if not b.person)
    each = (line.limit - line.left - text - others) / people
    return tuple(max(b.width, min(w, each)) if b.person else w for w, b in zip(widths, boxes, strict=True))
