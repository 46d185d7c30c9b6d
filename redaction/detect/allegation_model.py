"""A learned second opinion on allegations: does a sentence read like an account of criminal conduct or
police action, whatever its words?

The cue lists (allegation_cues) know the vocabulary; this model knows the shape of such sentences from
labelled examples: 900 sentences written for the purpose, half of them near misses such as family-court
hearings or police officers sending apologies, and the sentences of the project's own annotated corpora,
where most sentences are ordinary case-record business. It is a
scikit-learn logistic regression over hashed word unigrams and bigrams, trained when first used (about
a second, deterministic, nothing downloaded) rather than shipped as an opaque file. It only ever sends a
sentence for review: the rules decide what is redacted.

Figures (k-fold on the examples, and on corpora it never saw) come from `benchmarks/allegation_model.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

_DATA = Path(__file__).resolve().parent.parent / "data"
# Written for the purpose, and the sentences of the project's own annotated corpora (make allegation-data).
EXAMPLES = (_DATA / "allegation_sentences.jsonl", _DATA / "allegation_corpus_sentences.jsonl")
# A sentence the rules did not flag goes to review at this probability or above. Chosen on the practice
# corpus for recall against review load (benchmarks/allegation_model.py prints the trade-off).
THRESHOLD = 0.7
_NUMBER = re.compile(r"\d+")


def _normalise(sentence: str) -> str:
    return _NUMBER.sub("0", sentence.lower())


def train(examples: Sequence[Example]) -> Pipeline:
    """The same examples always give the same model (liblinear is deterministic for a fixed order)."""
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipeline = make_pipeline(
        HashingVectorizer(preprocessor=_normalise, ngram_range=(1, 2), n_features=1 << 18, alternate_sign=False),
        LogisticRegression(C=4.0, solver="liblinear", class_weight="balanced"),
    )
    pipeline.fit([e.text for e in examples], [e.allegation for e in examples])
    return pipeline


@dataclass(frozen=True)
class Example:
    text: str
    allegation: bool
    document: str = ""  # the corpus document it comes from: cross-validation leaves whole documents out


def read_examples(paths: Sequence[Path] = EXAMPLES) -> list[Example]:
    examples: list[Example] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for row in (json.loads(line) for line in lines if line.strip()):
                examples.append(Example(row["text"], bool(row["allegation"]), row.get("document", "")))
    return examples


@lru_cache(maxsize=1)
def model() -> Pipeline:
    return train(read_examples())


def probabilities(sentences: Sequence[str], trained: Pipeline | None = None) -> list[float]:
    """P(allegation) of each sentence."""
    if not sentences:
        return []
    trained = trained or model()
    positive = list(trained.classes_).index(True)
    return [float(p[positive]) for p in trained.predict_proba(list(sentences))]
