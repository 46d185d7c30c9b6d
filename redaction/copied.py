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
from typing import Protocol

from datasketch import MinHash

from redaction.types import Finding

SHINGLE_WORDS = 3
NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard collide in some band with high probability
ROWS = NUM_PERM // BANDS
MIN_WORDS = 12  # shorter lines ("Yours sincerely") carry too little to call a copy
MIN_SIMILARITY = 0.5
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
    return [Fingerprint(p.start, p.end, band_hashes(p.text)) for p in paragraphs(text)]


def similarity(a: str, b: str) -> float:
    first, second = shingles(a), shingles(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def find_copied(text: str, source: CopiedTextSource) -> list[Finding]:
    """Findings for each paragraph of text that closely matches a paragraph of another case."""
    findings = []
    found = paragraphs(text)
    for paragraph, candidates in zip(found, source.candidates([band_hashes(p.text) for p in found]), strict=True):
        best: tuple[float, Candidate] | None = None
        cases = set()
        for candidate in candidates:
            score = similarity(paragraph.text, candidate.text)
            if score < MIN_SIMILARITY:
                continue
            cases.add(candidate.case_reference)
            if best is None or score > best[0]:
                best = (score, candidate)
        if best is None or len(cases) >= BOILERPLATE_CASES:
            continue
        score, match = best
        findings.append(
            Finding(
                start=paragraph.start,
                end=paragraph.end,
                text=paragraph.text,
                category="copied_text",
                action="redact",
                party="other_case",
                reason=f"This paragraph also appears in {match.source_label} of case {match.case_reference} "
                f"({score:.0%} the same): it belongs to another family's records.",
                reason_code=REASON_COPIED,
                confidence=round(min(0.99, score), 2),
            )
        )
    return findings
