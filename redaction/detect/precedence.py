"""The safety invariant, in one place: overlapping findings resolve in favour of redaction.

A kept finding (the family's or a professional's data) must never cover, or win an overlap against,
a person or identifier that would otherwise be redacted or reviewed. Every overlap between findings
is settled here by cutting the weaker finding around the stronger one, never by dropping the stronger.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from redaction.detect.spanindex import SpanIndex
from redaction.types import Finding

ALLEGATION = "criminal_allegation"
_ACTION_RANK = {"redact": 0, "review": 1, "keep": 2}
# Among findings with the same action, the more specific category wins an overlap.
_PRIORITY = {
    "email": 0,
    "nhs_number": 1,
    "ni_number": 2,
    "phone": 3,
    "date_of_birth": 4,
    "address": 5,
    "person": 6,
    "postcode": 7,
}


def subtract(text: str, start: int, end: int, holes: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) minus the holes, each piece trimmed to begin and end on a letter or digit."""
    pieces: list[tuple[int, int]] = []
    end = min(end, len(text))
    pos = start
    for s, e in sorted(holes):
        if e <= pos or s >= end:
            continue
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        pieces.append((pos, end))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _pieces(text: str, f: Finding, index: SpanIndex) -> list[Finding]:
    holes = index.overlapping(f.start, f.end)
    if not holes:
        return [f]
    return [replace(f, start=s, end=e, text=text[s:e]) for s, e in subtract(text, f.start, f.end, holes)]


def resolve_overlaps(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Persons and identifiers: one finding per character, redact over review over keep, then specificity."""
    ranked = sorted(
        findings,
        key=lambda f: (_ACTION_RANK.get(f.action, 0), _PRIORITY.get(f.category, 9), -(f.end - f.start), f.start),
    )
    taken = SpanIndex()
    out: list[Finding] = []
    for f in ranked:
        for piece in _pieces(text, f, taken):
            out.append(piece)
            taken.add(piece.start, piece.end)
    return out


def enforce_precedence(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Cut every keep finding around every redact finding and every reviewed person/identifier.

    A keep may still sit inside a reviewed allegation passage (the family's name in a sentence about
    the family): review does not hide anything, so nothing is lost there.
    """
    blockers = SpanIndex(
        (f.start, f.end)
        for f in findings
        if f.action == "redact" or (f.action == "review" and f.category != ALLEGATION)
    )
    out: list[Finding] = []
    for f in findings:
        out.extend(_pieces(text, f, blockers) if f.action == "keep" else [f])
    return out
