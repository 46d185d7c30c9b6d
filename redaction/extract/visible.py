"""Text in the order a reader sees it: invisible characters dropped, right-to-left overrides undone.

A name can be broken up by characters that draw nothing (U+200E LEFT-TO-RIGHT MARK, U+2063 INVISIBLE
SEPARATOR, U+034F COMBINING GRAPHEME JOINER, a soft hyphen) or stored backwards and shown forwards by
a right-to-left override (U+202E ... U+202C). The reader sees "Patricia Doyle"; a search of the stored
characters finds nothing. Extraction and the renderer both read a paragraph through visible_order, so
detection sees what the reader sees and an offset still names one stored character.
"""

from __future__ import annotations

import functools

from redaction.unicode_categories import characters

_OVERRIDES = {"\u202e": True, "\u202d": False, "\u202b": None, "\u202a": None}  # RLO, LRO, RLE, LRE
_ISOLATES = {"\u2066", "\u2067", "\u2068"}
# Invisible characters that mean "a break between words": they read as a space.
SEPARATORS = frozenset({"\u200b", "\u2063"})
_POP = "\u202c"
_POP_ISOLATE = "\u2069"
# Default-ignorable code points outside the format category: they draw nothing either.
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)


@functools.cache
def invisible_characters() -> frozenset[str]:
    ignorable = {chr(c) for start, end in _IGNORABLE_RANGES for c in range(start, end + 1)}
    return frozenset((characters("Cf") | ignorable) - SEPARATORS)


def visible_order(text: str) -> list[int]:
    """Indices into `text` of the characters a reader sees, in the order they are seen."""
    invisible = invisible_characters()
    if not any(ch in invisible for ch in text):
        return list(range(len(text)))  # (separators keep their place; seen_text reads them as spaces)
    order, _ = _group(text, 0, invisible, closing=None)
    return order


def _group(text: str, index: int, invisible: frozenset[str], closing: str | None) -> tuple[list[int], int]:
    """The visible indices from `index` to the matching pop (or the end); nested overrides reversed."""
    out: list[int] = []
    while index < len(text):
        char = text[index]
        if char == closing:
            return out, index + 1
        if char in _OVERRIDES or char in _ISOLATES:
            inner, index = _group(text, index + 1, invisible, _POP_ISOLATE if char in _ISOLATES else _POP)
            out.extend(reversed(inner) if _OVERRIDES.get(char) else inner)
            continue
        if char not in invisible:
            out.append(index)
        index += 1
    return out, index


def visible(text: str) -> str:
    return seen_text(text, visible_order(text))


def seen_text(text: str, order: list[int]) -> str:
    """The characters of `order`, with invisible word separators read as spaces."""
    return "".join(" " if text[i] in SEPARATORS else text[i] for i in order)
