"""Labelled sentences from the project's own annotated corpora, for the allegation model.

    python -m redaction.data.corpus_sentences tests/redaction/practice tests/redaction/corpus \
        > redaction/data/allegation_corpus_sentences.jsonl      (or: make allegation-data)

A sentence is an allegation when it overlaps a gold ALLEGATION span. Only corpora in this repository are
read (never the unseen ones, which only measure), so the model is rebuilt from files anyone can check.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from redaction.detect.sentences import split


def labelled_sentences(corpus: Path) -> Iterator[dict[str, object]]:
    for text_path in sorted((corpus / "docs").glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        spans = [(s["start"], s["end"]) for s in gold["spans"] if s["label"] == "ALLEGATION"]
        for start, end in split(text):
            allegation = any(s < end and start < e for s, e in spans)
            yield {"text": text[start:end], "allegation": allegation, "document": f"{corpus.name}/{text_path.stem}"}


# The project's own annotated corpora the model learns from (paths from the repository root). Never the
# unseen ones, which only measure.
TRAINING_CORPORA = (
    "tests/redaction/practice",
    "tests/redaction/practice2",
    "tests/redaction/practice3",
    "tests/redaction/corpus",
)


def main(corpora: list[str]) -> None:
    for corpus in corpora or TRAINING_CORPORA:
        for row in labelled_sentences(Path(corpus)):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
