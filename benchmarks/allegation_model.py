"""How well the learned allegation model generalises: never scored on what it was trained on.

    .venv/bin/python benchmarks/allegation_model.py [--dev ../shared/corpus/dev]

- 5-fold cross-validation on the written examples (redaction/data/allegation_sentences.jsonl).
- Leave-one-document-out on the project's own corpora: for each document, a model trained on the written
  examples and every other document's sentences judges the sentences that no cue caught.
- The dev corpus, which the model never sees, judged by the full model the same way.
For each threshold: rule-missed allegation sentences the model sends to review, those it still misses,
and ordinary sentences it sends to review (per 1,000 words: what it costs the author).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path

from redaction.detect.allegation_model import EXAMPLES, Example, probabilities, read_examples, train
from redaction.detect.allegations import find_allegations
from redaction.detect.sentences import split

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


def _unflagged(text_path: Path) -> tuple[list[Example], int]:
    """The sentences of a document that no cue flags, labelled from its gold spans; and its word count."""
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    spans = [(s["start"], s["end"]) for s in gold["spans"] if s["label"] == "ALLEGATION"]
    flagged = [(a.start, a.end) for a in find_allegations(text, learned=False)]
    rows = [
        Example(text[s:e], any(a < e and s < b for a, b in spans))
        for s, e in split(text)
        if not any(a < e and s < b for a, b in flagged)
    ]
    return rows, len(text.split())


class Tally:
    def __init__(self) -> None:
        self.caught = dict.fromkeys(THRESHOLDS, 0)
        self.missed = dict.fromkeys(THRESHOLDS, 0)
        self.extra = dict.fromkeys(THRESHOLDS, 0)
        self.words = 0

    def add(self, rows: Sequence[Example], scores: Sequence[float], words: int) -> None:
        self.words += words
        for threshold in THRESHOLDS:
            for row, p in zip(rows, scores, strict=True):
                if row.allegation and p >= threshold:
                    self.caught[threshold] += 1
                elif row.allegation:
                    self.missed[threshold] += 1
                elif p >= threshold:
                    self.extra[threshold] += 1

    def print(self, title: str) -> None:
        print(title)
        for t in THRESHOLDS:
            per_1000 = 1000 * self.extra[t] / max(self.words, 1)
            print(
                f"  p>={t:.1f}  rule-missed allegations caught {self.caught[t]:3d}, still missed {self.missed[t]:3d};"
                f"  ordinary sentences sent to review {self.extra[t]:3d} ({per_1000:.1f} per 1,000 words)"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()

    written = read_examples(EXAMPLES[:1])
    shuffled = written[:]
    random.Random(1).shuffle(shuffled)
    hits = positives = predicted = 0
    for fold in range(5):
        held = shuffled[fold::5]
        model = train([e for i, e in enumerate(shuffled) if i % 5 != fold])
        for example, p in zip(held, probabilities([e.text for e in held], model), strict=True):
            positives += example.allegation
            predicted += p >= 0.5
            hits += example.allegation and p >= 0.5
    print(f"5-fold on {len(written)} written examples (p>=0.5): recall {hits / positives:.3f}, "
          f"precision {hits / predicted:.3f}")  # fmt: skip

    corpus_rows = read_examples(EXAMPLES[1:])
    documents = sorted({e.document for e in corpus_rows})
    tally = Tally()
    for document in documents:
        model = train(written + [e for e in corpus_rows if e.document != document])
        corpus, name = document.split("/")
        rows, words = _unflagged(ROOT / "tests" / "redaction" / corpus / "docs" / f"{name}.txt")
        tally.add(rows, probabilities([r.text for r in rows], model), words)
    tally.print(f"leave-one-document-out over {len(documents)} documents of the project's corpora")

    if args.dev.is_dir():
        model = train(written + corpus_rows)
        tally = Tally()
        for path in sorted((args.dev / "docs").glob("*.txt")):
            rows, words = _unflagged(path)
            tally.add(rows, probabilities([r.text for r in rows], model), words)
        tally.print(f"dev corpus ({args.dev}), never trained on")


if __name__ == "__main__":
    main()
