"""Server-rendered SVG bar charts: geometry computed here, markup in templates/reports/includes/.

No charting library and nothing fetched: the numbers in each chart are also printed on the bars and
given as a table beside it, so colour is never the only signal and screen readers get the figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
BAR_GAP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float
    label_x: float
    label_y: float
    show_label: bool = True


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: int
    bars: list[Bar]
    horizontal: bool
    baseline: float

    @property
    def empty(self) -> bool:
        return not self.bars


def _describe(items: Sequence[tuple[str, int]], unit: str) -> str:
    if not items:
        return f"No {unit} in this period."
    top = max(items, key=lambda item: item[1])
    total = sum(v for _, v in items)
    return f"{total} {unit} in all; the largest is {top[0]} with {top[1]}."


def column_chart(chart_id: str, title: str, items: Sequence[tuple[str, int]], unit: str) -> Chart:
    """Vertical bars, one per item (releases per week), labels under each bar."""
    height, top, bottom = 220, 20, 40
    n = max(len(items), 1)
    slot = (WIDTH - 20) / n
    peak = max((v for _, v in items), default=0) or 1
    usable = height - top - bottom
    # Long ranges would crowd the axis: label every nth bar (each value is still printed and tabled).
    step = -(-n // 7)
    bars = []
    for i, (label, value) in enumerate(items):
        h = usable * value / peak
        x = 10 + i * slot + BAR_GAP / 2
        y = height - bottom - h
        bars.append(
            Bar(
                label,
                value,
                x,
                y,
                max(slot - BAR_GAP, 2),
                h,
                x + (slot - BAR_GAP) / 2,
                y - 4,
                x + (slot - BAR_GAP) / 2,
                height - bottom + 16,
                i % step == 0,
            )
        )
    return Chart(chart_id, title, _describe(items, unit), WIDTH, height, bars, False, height - bottom)


def bar_chart(chart_id: str, title: str, items: Sequence[tuple[str, int]], unit: str) -> Chart:
    """Horizontal bars with the label on the left (categories, reasons, teams)."""
    row, label_width = 28, 220
    height = max(len(items), 1) * row + 10
    peak = max((v for _, v in items), default=0) or 1
    usable = WIDTH - label_width - 50
    bars = []
    for i, (label, value) in enumerate(items):
        w = usable * value / peak
        y = 5 + i * row
        bars.append(
            Bar(
                label,
                value,
                label_width,
                y + 4,
                w,
                row - 10,
                label_width + w + 6,
                y + row / 2 + 4,
                label_width - 8,
                y + row / 2 + 4,
            )
        )
    return Chart(chart_id, title, _describe(items, unit), WIDTH, height, bars, True, label_width)
