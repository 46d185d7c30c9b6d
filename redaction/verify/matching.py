"""How often does a redacted string occur in some text? Blind to case, accents, spacing and disguise.

Extractors and file formats write the same name many ways: split over runs or glyphs ("P a t r i c i a"),
joined by "_", "." or "-" in a bookmark or a file name, with nothing between its words in a URL,
decomposed or precomposed accents, invisible format characters (U+200E, U+2063, U+034F) inside it, or
reversed under a right-to-left override. Text is folded once (fold) and every redacted string is
counted in three forms:
  - spaced: its words in order, with up to three separators (or none) between them, on word bounds;
  - squashed: its letters with everything else removed, for strings long enough not to occur inside
    ordinary words by chance;
  - reversed: the squashed form backwards, as a right-to-left override would store it.
Counts, not mere presence, because a redacted word may also be ordinary kept text elsewhere ("Foster"
and "foster carer"): the verifier compares how often each form occurs in an output with how often it
occurs in the text that was deliberately kept.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redaction.unicode_categories import characters

# Letters NFKD leaves whole: folded to what a reader would type on an English keyboard.
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "\u0131": "i", "æ": "ae", "œ": "oe", "þ": "th"}  # \u0131: dotless i
)
_DROP_CATEGORIES = ("Mn", "Me", "Cf", "Cc")  # accents, invisible format and control characters
_KEEP_CONTROLS = "\t\n\r\x0b\x0c"
_SPACE = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
# Clearance's own box labels: never part of the text a family reads as text.
_LABEL = re.compile(
    r"\[?redacted(?::[ \u00a0]?[a-z_]+)?\]?|\b(?:third party|criminal offence|serious harm)\b", re.IGNORECASE
)
# Below this many letters the squashed form would be found inside ordinary words by chance.
SQUASH_MIN = 6
REVERSE_MIN = 6
_SEPARATOR = r"[\W_]{0,3}"


@functools.cache
def _invisible() -> dict[int, None]:
    """Every code point of the dropped categories, as a str.translate table."""
    return {ord(char): None for char in characters(*_DROP_CATEGORIES) if char not in _KEEP_CONTROLS}


# Joins separate strings (attribute values, PDF names) for one search without letting a match run from
# one into the next: it holds letters, so neither the spaced nor the squashed form can cross it.
APART = "\n0q0\n"


def fold(text: str) -> str:
    """Lower case, accents and invisible characters gone, typographic variants unified, spaces collapsed."""
    text = text.lower() if text.isascii() else unicodedata.normalize("NFKD", text).casefold().translate(_LETTERS)
    text = text.translate(_invisible())
    # pdfium's hyphen joining a word across a line break (U+FFFE) is a hyphen.
    text = text.replace("\ufffe", "-").replace("\u2019", "'").replace("\u2018", "'")
    return _SPACE.sub(" ", text).strip()


def squash(folded: str) -> str:
    return _NON_ALNUM.sub("", folded)


def strip_labels(text: str) -> str:
    return _LABEL.sub(" ", text) if text else text


@dataclass(frozen=True)
class Form:
    """One searchable form of a forbidden string."""

    original: str
    kind: str  # "spaced", "squashed" or "reversed"
    needle: str  # the plain substring every match contains (a cheap first test)
    pattern: re.Pattern[str] | None = None  # spaced forms only


class Counts(Counter[Form]):
    """How many times each form occurred in one text."""

    def leaks(self, allowed: Counts) -> list[tuple[Form, int, int]]:
        """(form, found, allowed) for every form found more often here than in `allowed`."""
        return [(form, n, allowed.get(form, 0)) for form, n in self.items() if n > allowed.get(form, 0)]


class Matcher:
    """Counts the forms of a set of forbidden strings in text, after removing Clearance's own labels."""

    def __init__(self, forbidden: Iterable[str]) -> None:
        forms: list[Form] = []
        for original in dict.fromkeys(forbidden):
            words = _NON_ALNUM.split(fold(original))
            words = [w for w in words if w]
            letters = "".join(words)
            if len(letters) < 2:
                continue
            body = _SEPARATOR.join(re.escape(w) for w in words)
            pattern = re.compile(r"(?<![^\W_])" + body + r"(?![^\W_])")
            forms.append(Form(original, "spaced", words[0], pattern))
            if len(letters) >= SQUASH_MIN:
                forms.append(Form(original, "squashed", letters))
            if len(letters) >= REVERSE_MIN and letters[::-1] != letters:
                forms.append(Form(original, "reversed", letters[::-1]))
        self.forms: Sequence[Form] = forms
        self.terms: Sequence[str] = list(dict.fromkeys(f.original for f in forms))

    def __bool__(self) -> bool:
        return bool(self.forms)

    def counts(self, text: str) -> Counts:
        """Occurrences of every form in `text` (labels removed first)."""
        found = Counts()
        if not self.forms or not text:
            return found
        folded = fold(strip_labels(text))
        squashed = squash(folded)
        for form in self.forms:
            if form.kind == "spaced":
                assert form.pattern is not None
                if form.needle in folded:
                    n = sum(1 for _ in form.pattern.finditer(folded))
                    if n:
                        found[form] = n
            elif form.needle in squashed:
                found[form] = squashed.count(form.needle)
        return found

    def find(self, text: str) -> str | None:
        """The first forbidden string occurring in `text` at all, or None."""
        counts = self.counts(text)
        return next(iter(counts)).original if counts else None

    def __call__(self, text: str) -> bool:
        return self.find(text) is not None


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """fold(text) without collapsing spaces, and for each folded character the index it came from."""
    invisible = _invisible()
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            folded = " "
        elif char.isascii():
            folded = char.lower()
        else:
            folded = unicodedata.normalize("NFKD", char).casefold().translate(_LETTERS).translate(invisible)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


def find_spans(text: str, term: str, *, inside_words: bool = True) -> list[tuple[int, int]]:
    """Every [start, end) of `text` where the verifier would count `term`: its words in order however
    spelt (case, accents, separators, invisible characters), and (`inside_words`) for long terms its
    letters with anything between them, even inside a longer word. Redacting all of these leaves
    nothing of the term for the verifier to find; without `inside_words`, whole words only."""
    matcher = Matcher([term])
    if not matcher:
        return []
    folded, origin = _folded_with_origin(text)
    spans: set[tuple[int, int]] = set()
    for form in matcher.forms:
        if form.kind == "spaced" and form.pattern is not None:
            spans.update((origin[m.start()], origin[m.end() - 1] + 1) for m in form.pattern.finditer(folded))
        elif form.kind == "squashed" and inside_words:
            letters = [i for i, ch in enumerate(folded) if ch.isalnum()]
            squashed = "".join(folded[i] for i in letters)
            start = squashed.find(form.needle)
            while start != -1:
                first, last = letters[start], letters[start + len(form.needle) - 1]
                spans.add((origin[first], origin[last] + 1))
                start = squashed.find(form.needle, start + 1)
    return _merge(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
