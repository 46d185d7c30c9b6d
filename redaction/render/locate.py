"""From offsets in the extracted text to places in the file: segment pieces and occurrence matching."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.render.blocks import RedactionBlock
from redaction.types import ExtractedDocument, Segment


@dataclass(frozen=True)
class Piece:
    """The part of one block that falls inside one segment (a paragraph, a page, a text file)."""

    block: int  # index into the block list
    segment: Segment
    start: int  # offsets local to the segment's text
    end: int
    first: bool  # the first piece of its block carries the label


def split_by_segment(document: ExtractedDocument, blocks: Sequence[RedactionBlock]) -> list[Piece]:
    """Cut each block at segment boundaries; text between segments (separators) needs no box."""
    segments = sorted(document.segments, key=lambda s: s.start)
    starts = [s.start for s in segments]
    pieces: list[Piece] = []
    for index, block in enumerate(blocks):
        first = True
        i = max(0, bisect.bisect_right(starts, block.start) - 1)
        while i < len(segments) and segments[i].start < block.end:
            seg = segments[i]
            lo, hi = max(block.start, seg.start), min(block.end, seg.end)
            if hi > lo:
                pieces.append(Piece(index, seg, lo - seg.start, hi - seg.start, first))
                first = False
            i += 1
    return pieces


def relocate(expected: str, actual: str, start: int, end: int) -> tuple[int, int] | None:
    """Find [start, end) of `expected` in `actual`, which should be the same text but may not be.

    When the renderer's own walk of the file disagrees with the extractor (a different version, a
    part read differently), the same occurrence of the same string is the best evidence of place:
    the k-th occurrence in `expected` maps to the k-th in `actual`, case-insensitively.
    """
    if expected == actual:
        return start, end
    needle = expected[start:end].casefold()
    if not needle.strip():
        return None
    haystack_before = expected.casefold()
    k = 0
    pos = haystack_before.find(needle)
    while pos != -1 and pos < start:
        k += 1
        pos = haystack_before.find(needle, pos + 1)
    target = actual.casefold()
    pos = target.find(needle)
    for _ in range(k):
        if pos == -1:
            break
        pos = target.find(needle, pos + 1)
    if pos == -1:
        # Fewer occurrences than expected: the first one is still safer than none.
        pos = target.find(needle)
    if pos == -1:
        return None
    return pos, pos + len(needle)
