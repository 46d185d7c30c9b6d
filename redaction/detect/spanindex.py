"""Overlap queries over many spans in logarithmic time, so a 300,000-word document stays linear."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanIndex:
    """Half-open [start, end) spans, sorted by start; finds those overlapping a query span."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        # Any overlapping span starts before `end` and no earlier than `start - longest`.
        lo = bisect.bisect_left(self._spans, (start - self._longest, -1))
        hi = bisect.bisect_left(self._spans, (end, -1))
        return [(s, e) for s, e in self._spans[lo:hi] if s < end and start < e]

    def overlaps(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))
