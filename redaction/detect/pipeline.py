"""Run the spaCy model over texts in bounded chunks: linear time, flat memory, both cores when it pays.

A 300,000-word document given to spaCy whole needs gigabytes and slows down; split at line breaks
into chunks of ~_CHUNK characters and piped in batches it costs the same per word as a short letter.
Names do not cross line breaks in these records, so cutting there loses no entity.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_CHUNK = 10_000  # characters per piece handed to spaCy
_PARALLEL_FROM = 100_000  # characters in one call before a second process is worth its start-up (measured)
_BATCH = 8  # chunks per batch: larger batches pad bigger arrays and push a worker past 700 MB
_PROPER = frozenset({"NNP", "NNPS"})


@dataclass(frozen=True)
class Annotation:
    ents: list[tuple[int, int, str]]
    propn: frozenset[int]


def chunks(text: str, size: int = _CHUNK) -> list[tuple[int, int]]:
    """(start, end) pieces covering text, cut after a newline (else a space) near `size` characters."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut == -1:
            cut = text.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut != -1 else start + size
        out.append((start, end))
        start = end
    if start < len(text):
        out.append((start, len(text)))
    return out


def _processes(total_chars: int) -> int:
    # A Celery prefork child is daemonic and may not fork children of its own.
    if total_chars < _PARALLEL_FROM or multiprocessing.current_process().daemon:
        return 1
    return min(2, multiprocessing.cpu_count())


def annotate(nlp: Language, texts: Sequence[str]) -> Iterator[tuple[int, Annotation]]:
    """(index, annotation) of each text as soon as its last chunk is back, so the caller's rules run
    while the model is still working on later texts in the worker processes."""
    pieces: list[tuple[int, int, int]] = []  # (text index, start, end)
    for index, text in enumerate(texts):
        pieces.extend((index, s, e) for s, e in chunks(text))
    remaining = [0] * len(texts)
    for index, _s, _e in pieces:
        remaining[index] += 1
    ents: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    propn: list[set[int]] = [set() for _ in texts]
    stream = (texts[i][s:e] for i, s, e in pieces)
    n_process = _processes(sum(len(t) for t in texts))
    for (index, start, _end), doc in zip(pieces, nlp.pipe(stream, batch_size=_BATCH, n_process=n_process), strict=True):
        ents[index].extend((start + e.start_char, start + e.end_char, e.label_) for e in doc.ents)
        propn[index].update(start + t.idx for t in doc if t.tag_ in _PROPER)
        remaining[index] -= 1
        if remaining[index] == 0:
            yield index, Annotation(ents[index], frozenset(propn[index]))
            ents[index], propn[index] = [], set()
