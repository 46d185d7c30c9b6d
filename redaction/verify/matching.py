"""Does a redacted string survive in some text? Case-insensitive, and blind to how it was split.

Extractors put spaces, line breaks or nothing at all between runs and glyphs, so text is compared
twice: with whitespace collapsed (word boundaries respected, so "Al" does not match "also"), and for
longer strings with all whitespace removed (so "P a t r i c i a" and "Patri\\ncia" are still found).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_LABEL = re.compile(r"\[?REDACTED(?::[ \u00a0]?[a-z_]+)?\]?", re.IGNORECASE)
# Below this many characters, squashed matching would find names inside ordinary words.
SQUASH_MIN = 6


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    # Typographic variants extractors produce for the same character.
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    text = text.replace("\ufffe", "-")  # pdfium's hyphen joining a word across a line break
    return _SPACE.sub(" ", text).strip()


def squash(text: str) -> str:
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class _Term:
    original: str
    pattern: re.Pattern[str]
    squashed: str


class Matcher:
    """Finds any of a set of forbidden strings in text, after removing Clearance's own labels."""

    def __init__(self, forbidden: Iterable[str]) -> None:
        terms: list[_Term] = []
        for original in dict.fromkeys(forbidden):
            norm = normalise(original)
            if sum(ch.isalnum() for ch in norm) < 2:
                continue
            body = re.escape(norm).replace(r"\ ", r"\s*")
            left = r"(?<![^\W_])" if norm[0].isalnum() else ""
            right = r"(?![^\W_])" if norm[-1].isalnum() else ""
            squashed = squash(norm)
            terms.append(_Term(original, re.compile(left + body + right), squashed))
        self.terms: Sequence[_Term] = terms

    def __bool__(self) -> bool:
        return bool(self.terms)

    def find(self, text: str) -> str | None:
        """The first forbidden string found in `text` (as given to the matcher), or None."""
        if not self.terms or not text:
            return None
        if "redacted" in text.casefold():
            text = _LABEL.sub(" ", text)
        norm = normalise(text)
        squashed: str | None = None
        for term in self.terms:
            if term.pattern.search(norm):
                return term.original
            if len(term.squashed) >= SQUASH_MIN:
                if squashed is None:
                    squashed = squash(norm)
                if term.squashed in squashed:
                    return term.original
        return None

    def __call__(self, text: str) -> bool:
        return self.find(text) is not None
