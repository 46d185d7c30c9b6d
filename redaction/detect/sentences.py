"""A fast, predictable sentence splitter for case records (lines are hard breaks)."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital or quote,
# or at a line break. UK titles take no full stop, so only a few abbreviations need care.
_BOUNDARY = re.compile(r"(?<=[.!?])(?P<close>[\"'”\u2019)\]]*)[ \t]+(?=[\"“\u2018(\[]?[A-Z0-9])|\n+")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "approx.", "No.", "no.", "tel.", "Tel.", "St.", "cf.", "vs.")


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0).startswith("\n"):
            end = m.start()
        else:
            if text.endswith(_ABBREVIATIONS, 0, m.start()):
                continue
            end = m.start() + len(m.group("close"))
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
