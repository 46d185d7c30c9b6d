"""detect(text, context) -> list[Finding]: persons, identifiers and criminal-allegation passages."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import lru_cache

from redaction.detect.findings import build_findings, read_text
from redaction.detect.nlp import DEFAULT_MODEL, get_nlp
from redaction.detect.people import NameIndex
from redaction.detect.persons import register_for
from redaction.detect.pipeline import annotate
from redaction.detect.truecase import truecase, vocabulary
from redaction.types import CaseContext, Finding

__all__ = ["DEFAULT_MODEL", "detect", "detect_many", "get_nlp"]


def detect(text: str, context: CaseContext, *, model: str = DEFAULT_MODEL) -> list[Finding]:
    """Findings over `text` for a document of the case `context`, sorted by start."""
    return detect_many([(text, context)], model=model)[0]


def detect_many(items: Sequence[tuple[str, CaseContext]], *, model: str = DEFAULT_MODEL) -> list[list[Finding]]:
    """detect() over several documents at once: the model sees them as one batched stream."""
    nlp = get_nlp(model)
    # Lines in CAPITALS are read in ordinary case; offsets are unchanged, findings quote the original.
    cased = [truecase(text, vocabulary(nlp), register_words(context)) for text, context in items]
    wanted = [i for i, (text, _context) in enumerate(items) if text.strip()]
    results: list[list[Finding]] = [[] for _ in items]
    english = vocabulary(nlp)
    # The rules that need no entities read each text in a thread while the model works: the main thread
    # mostly waits on the model's worker processes (or in spaCy's C code), so the two overlap.
    with ThreadPoolExecutor(max_workers=1) as pool:
        evidence = [pool.submit(read_text, cased[i], items[i][1], english) for i in wanted]
        for position, note in annotate(nlp, [cased[i] for i in wanted]):
            i = wanted[position]
            text, context = items[i]
            found = evidence[position].result()
            findings = build_findings(cased[i], note.ents, context, note.propn, english, found)
            if cased[i] is not text:
                findings = [replace(f, text=text[f.start : f.end]) for f in findings]
            results[i] = findings
    return results


def register_words(context: CaseContext) -> frozenset[str]:
    """Lower-cased words of every name the case knows, for truecasing lines in capitals."""
    return _register_words(context)


@lru_cache(maxsize=64)
def _register_words(context: CaseContext) -> frozenset[str]:
    words: set[str] = set()
    for index in register_for(context).indexes:
        words |= _index_words(index)
    return frozenset(words)


@lru_cache(maxsize=16)
def _index_words(index: NameIndex) -> frozenset[str]:
    return index.words()
