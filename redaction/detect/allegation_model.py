"""A learned second opinion on allegations: does a sentence read like an account of criminal conduct or
police action, whatever its words?

The cue lists (allegation_cues) know the vocabulary; this model knows the shape of such sentences from
labelled examples: 900 sentences written for the purpose, half of them near misses such as family-court
hearings or police officers sending apologies, and the sentences of the project's own annotated corpora,
where most sentences are ordinary case-record business. It is a logistic regression (scikit-learn,
liblinear) over hashed word unigrams and bigrams. It only ever sends a sentence for review: the rules
decide what is redacted.

`make allegation-model` trains it from those files into redaction/data/allegation_model.npz, which ships
with the code: a worker only loads the weights (numpy), nothing is trained or downloaded at run time, and
a test checks the shipped file is what the examples give. Figures, never on what it was trained on:
`benchmarks/allegation_model.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from zlib import crc32

import numpy as np

_DATA = Path(__file__).resolve().parent.parent / "data"
# Written for the purpose, and the sentences of the project's own annotated corpora (make allegation-data).
EXAMPLES = (_DATA / "allegation_sentences.jsonl", _DATA / "allegation_corpus_sentences.jsonl")
SHIPPED = _DATA / "allegation_model.npz"
# A sentence the rules did not flag goes to review at this probability or above: about a quarter of what
# the rules miss, for under two ordinary sentences per 1,000 words (benchmarks/allegation_model.py).
THRESHOLD = 0.7
_DIMENSIONS = 1 << 18
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def features(sentence: str) -> np.ndarray:
    """Indices of the hashed unigrams and bigrams of the lower-cased words (any number is one word)."""
    words = ["0" if w.isdigit() else w for w in _WORD.findall(sentence.lower())]
    grams = words + [f"{a} {b}" for a, b in pairwise(words)]
    return np.unique(np.fromiter((crc32(g.encode()) % _DIMENSIONS for g in grams), dtype=np.int64, count=len(grams)))


@dataclass(frozen=True)
class Example:
    text: str
    allegation: bool
    document: str = ""  # the corpus document it comes from: cross-validation leaves whole documents out


@dataclass(frozen=True)
class AllegationModel:
    weights: np.ndarray  # one per hashed feature
    bias: float

    def probabilities(self, sentences: Sequence[str]) -> list[float]:
        out = []
        for sentence in sentences:
            found = features(sentence)
            # Each sentence's features are scaled to unit length, as in training.
            score = float(self.weights[found].sum()) / np.sqrt(max(len(found), 1)) + self.bias
            out.append(float(1.0 / (1.0 + np.exp(-score))))
        return out

    def save(self, path: Path) -> None:
        nonzero = np.flatnonzero(self.weights)
        np.savez_compressed(path, index=nonzero, weight=self.weights[nonzero].astype(np.float32), bias=self.bias)

    @classmethod
    def load(cls, path: Path) -> AllegationModel:
        with np.load(path) as stored:
            weights = np.zeros(_DIMENSIONS, dtype=np.float32)
            weights[stored["index"]] = stored["weight"]
            return cls(weights, float(stored["bias"]))


def train(examples: Sequence[Example]) -> AllegationModel:
    """The same examples always give the same model (liblinear is deterministic for a fixed order).
    Needs scikit-learn, a development dependency: workers only load the shipped weights."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = [features(e.text) for e in examples]
    values = np.concatenate([np.full(len(r), 1.0 / np.sqrt(max(len(r), 1))) for r in rows])
    pointers = np.concatenate([[0], np.cumsum([len(r) for r in rows])])
    matrix = csr_matrix((values, np.concatenate(rows), pointers), shape=(len(rows), _DIMENSIONS))
    classifier = LogisticRegression(C=4.0, solver="liblinear", class_weight="balanced")
    classifier.fit(matrix, [e.allegation for e in examples])
    sign = 1.0 if list(classifier.classes_) == [False, True] else -1.0
    return AllegationModel((sign * classifier.coef_[0]).astype(np.float32), float(sign * classifier.intercept_[0]))


def read_examples(paths: Sequence[Path] = EXAMPLES) -> list[Example]:
    examples: list[Example] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for row in (json.loads(line) for line in lines if line.strip()):
                examples.append(Example(row["text"], bool(row["allegation"]), row.get("document", "")))
    return examples


@lru_cache(maxsize=1)
def model() -> AllegationModel:
    return AllegationModel.load(SHIPPED)


def probabilities(sentences: Sequence[str], trained: AllegationModel | None = None) -> list[float]:
    """P(allegation) of each sentence, by the shipped model unless another is given."""
    return (trained or model()).probabilities(sentences)


def build() -> None:
    """make allegation-model: retrain from the examples and write the shipped weights."""
    train(read_examples()).save(SHIPPED)
