"""Finding paragraphs copied from another case's documents (the failure Clearance exists to stop).

Each paragraph of a stored document is summarised by a MinHash signature of its word shingles and cut
into bands (locality-sensitive hashing): two paragraphs that share most shingles very probably share a
band hash, so candidates are found with an indexed equality lookup instead of comparing every pair.
Candidates are then confirmed with the exact Jaccard similarity of their shingle sets.

The engine stays free of storage: the caller passes a `CopiedTextSource` that looks band hashes up
wherever they are kept (the web app keeps them in the database).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from datasketch import MinHash

from redaction.types import Finding

SHINGLE_WORDS = 3
NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard collide in some band with high probability
ROWS = NUM_PERM // BANDS
MIN_WORDS = 12  # shorter lines ("Yours sincerely") carry too little to call a copy
# Jaccard similarity of word pairs: a copy with words changed stays near 0.7, two letters' ordinary
# openings share about 0.3 ("Thank you for meeting me on Tuesday to talk about ...").
MIN_SIMILARITY = 0.5
SENTENCE_WORDS = 8  # a sentence shorter than this is too common to identify a source
SENTENCES_TO_CALL_A_COPY = 2  # sentences of one paragraph found in the same source document
# Text found in this many other cases is a shared template (standard letter wording), not a leak.
BOILERPLATE_CASES = 3

REASON_COPIED = "copied_from_another_case"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fingerprint:
    """Where a paragraph sits and the band hashes that index it."""

    start: int
    end: int
    bands: tuple[int, ...]  # one signed 64-bit hash per band, band number = position


@dataclass(frozen=True)
class Candidate:
    """A stored paragraph of another case that shares a band with the paragraph looked up."""

    case_reference: str
    source_label: str  # e.g. the document's title, shown to the author
    text: str


class CopiedTextSource(Protocol):
    def candidates(self, band_sets: Sequence[tuple[int, ...]]) -> list[list[Candidate]]:
        """For each paragraph's band hashes, the stored paragraphs of other cases sharing any band.

        Asked once per document with every paragraph, so a store can answer in one query."""
        ...


def paragraphs(text: str) -> list[Paragraph]:
    """Lines long enough to be worth comparing, with their offsets in the text."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if len(_WORD.findall(line)) >= MIN_WORDS:
            stripped_start = match.start() + (len(line) - len(line.lstrip()))
            found.append(Paragraph(stripped_start, match.end() - (len(line) - len(line.rstrip())), line.strip()))
    return found


def sentences(text: str) -> list[Paragraph]:
    """Sentences long enough to identify where they came from: a copied passage that was edited, cut,
    reordered or pasted into other text still shares its sentences with the source."""
    from redaction.detect.sentences import split

    return [
        Paragraph(start, end, text[start:end])
        for start, end in split(text)
        if len(_WORD.findall(text[start:end])) >= SENTENCE_WORDS
    ]


def shingles(text: str) -> set[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def band_hashes(text: str) -> tuple[int, ...]:
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([s.encode() for s in shingles(text)])
    values = signature.hashvalues
    result = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).digest()
        result.append(int.from_bytes(digest, "big", signed=True))
    return tuple(result)


def fingerprints(text: str) -> list[Fingerprint]:
    """Band hashes of every paragraph and every sentence: both are looked up."""
    units = {(p.start, p.end): p for p in [*paragraphs(text), *sentences(text)]}
    return [Fingerprint(p.start, p.end, band_hashes(p.text)) for p in units.values()]


def _pairs(text: str) -> set[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {f"{a} {b}" for a, b in pairwise(words)}


_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february"}
    | {"march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)
_SPECIFIC = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'\u2019-]+|\b\d[\w/.-]*")


def similarity(a: str, b: str) -> float:
    """How much of two texts is the same: Jaccard of their word pairs, and 0 unless they also share
    something specific (a name or place written mid-sentence, a number): a template sentence of every
    letter ("Thank you for meeting me ...") is nobody's data."""
    first, second = _pairs(a), _pairs(b)
    if not first or not second:
        return 0.0
    specific = {w for w in _SPECIFIC.findall(a) if w.casefold() not in _CALENDAR}
    if not specific & set(_SPECIFIC.findall(b)):
        return 0.0
    return len(first & second) / len(first | second)


def find_copied(text: str, source: CopiedTextSource) -> list[Finding]:
    """Findings for text copied from another case: paragraphs that closely match one of its paragraphs,
    and paragraphs holding sentences from one of its documents (edited, reordered or cut)."""
    found_paragraphs = paragraphs(text)
    found_sentences = sentences(text)
    answers = source.candidates([band_hashes(p.text) for p in [*found_paragraphs, *found_sentences]])
    findings = [
        f
        for paragraph, candidates in zip(found_paragraphs, answers, strict=False)
        if (f := _paragraph_copy(paragraph, candidates)) is not None
    ]
    taken = [(f.start, f.end) for f in findings]
    findings += _sentence_copies(text, found_sentences, answers[len(found_paragraphs) :], taken)
    return sorted(findings, key=lambda f: f.start)


def _best_match(unit: Paragraph, candidates: Sequence[Candidate]) -> tuple[float, Candidate, set[str]] | None:
    """The closest candidate at MIN_SIMILARITY or more, and every case that has the text."""
    best: tuple[float, Candidate] | None = None
    cases: set[str] = set()
    for candidate in candidates:
        score = max(
            [similarity(unit.text, candidate.text)]
            + [similarity(unit.text, piece.text) for piece in sentences(candidate.text)]
        )
        if score < MIN_SIMILARITY:
            continue
        cases.add(candidate.case_reference)
        if best is None or score > best[0]:
            best = (score, candidate)
    return None if best is None else (best[0], best[1], cases)


def _paragraph_copy(paragraph: Paragraph, candidates: Sequence[Candidate]) -> Finding | None:
    match = _best_match(paragraph, candidates)
    if match is None or len(match[2]) >= BOILERPLATE_CASES:
        return None
    score, candidate, _ = match
    # Narrowed to the sentences that came from the source: the author's own words around them stay.
    from redaction.detect.sentences import split

    source = [candidate.text[a:b] for a, b in split(candidate.text)] or [candidate.text]
    own = [
        (a, b)
        for a, b in split(paragraph.text)
        if max(similarity(paragraph.text[a:b], piece) for piece in source) >= MIN_SIMILARITY
    ]
    start, end = (own[0][0], own[-1][1]) if own else (0, len(paragraph.text))
    text = paragraph.text[start:end]
    return _finding(paragraph.start + start, paragraph.start + end, text, candidate, score, "paragraph")


def _sentence_copies(
    text: str, found: Sequence[Paragraph], answers: Sequence[Sequence[Candidate]], taken: list[tuple[int, int]]
) -> list[Finding]:
    """Paragraphs (blocks between blank lines) with SENTENCES_TO_CALL_A_COPY sentences or more from one
    source document: the span from the first such sentence to the last is that case's text."""
    by_block: dict[tuple[int, str], list[tuple[Paragraph, float, Candidate]]] = {}
    for sentence, candidates in zip(found, answers, strict=False):
        if any(s <= sentence.start < e for s, e in taken):
            continue
        match = _best_match(sentence, candidates)
        if match is None or len(match[2]) >= BOILERPLATE_CASES:
            continue
        score, candidate, _ = match
        block = text.rfind("\n\n", 0, sentence.start)
        key = (block, f"{candidate.case_reference}|{candidate.source_label}")
        by_block.setdefault(key, []).append((sentence, score, candidate))
    findings = []
    for matched in by_block.values():
        if len(matched) < SENTENCES_TO_CALL_A_COPY:
            continue
        start, end = matched[0][0].start, matched[-1][0].end
        score = sum(m[1] for m in matched) / len(matched)
        findings.append(_finding(start, end, text[start:end], matched[0][2], score, f"{len(matched)} sentences"))
    return findings


def _finding(start: int, end: int, text: str, match: Candidate, score: float, unit: str) -> Finding:
    what = "This paragraph also appears" if unit == "paragraph" else f"This passage ({unit}) also appears"
    return Finding(
        start=start,
        end=end,
        text=text,
        category="copied_text",
        action="redact",
        party="other_case",
        reason=f"{what} in {match.source_label} of case {match.case_reference} "
        f"({score:.0%} the same): it belongs to another family's records.",
        reason_code=REASON_COPIED,
        confidence=round(min(0.99, score), 2),
    )
