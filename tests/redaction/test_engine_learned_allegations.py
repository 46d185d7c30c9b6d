"""The learned allegation model: deterministic, trained only from files in the repository, a second
opinion that sends a sentence no cue caught to review and never redacts on its own.

Sentences written for this test, not taken from any corpus or from the model's examples.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from redaction.detect import detect
from redaction.detect.allegation_model import EXAMPLES, THRESHOLD, model, probabilities, read_examples, train
from redaction.types import CaseContext, Person

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = CaseContext(reference="L-1", family=(Person("Nia Probert", "mother"), Person("Cai Probert", "child")))


def test_the_examples_are_labelled_both_ways_and_the_corpus_file_is_up_to_date() -> None:
    examples = read_examples()
    assert sum(e.allegation for e in examples) > 400
    assert sum(not e.allegation for e in examples) > 1000
    regenerated = subprocess.run(
        [sys.executable, "-m", "redaction.data.corpus_sentences"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert regenerated == EXAMPLES[1].read_text(encoding="utf-8"), "run `make allegation-data`"
    assert all(json.loads(line)["document"] for line in regenerated.splitlines())


def test_training_is_deterministic_and_the_shipped_weights_are_what_the_examples_give() -> None:
    examples = read_examples()[::3]
    sentences = ["He was kept in a cell overnight after the fight.", "The review meeting moved to Thursday."]
    assert probabilities(sentences, train(examples)) == probabilities(sentences, train(examples))
    retrained = train(read_examples())
    assert np.allclose(retrained.weights, model().weights, atol=1e-6), "run `make allegation-model`"
    assert retrained.bias == pytest.approx(model().bias, abs=1e-6)


def test_accounts_of_offending_read_as_allegations_and_routine_business_does_not() -> None:
    allegations = [
        "The lads on the estate made him hold a bag for them and he got stopped by the police with it.",
        "Her ex got sent down for eighteen months after what he did to her.",
    ]
    routine = [
        "The next core group meeting will be held at the family hub on Tuesday at ten.",
        "Cai has settled well into his new class and enjoys football at lunchtime.",
    ]
    assert all(p >= 0.5 for p in probabilities(allegations))
    assert all(p < 0.3 < THRESHOLD for p in probabilities(routine))


def test_a_sentence_only_the_model_flags_goes_to_review_never_redaction() -> None:
    sentence = "The lads on the estate made him hold a bag for them and he got stopped by the police with it."
    text = f"Visit note.\n{sentence}\nNext visit in two weeks.\n"
    found = [f for f in detect(text, CONTEXT) if f.category == "criminal_allegation"]
    assert found and all(f.action in ("review", "redact") for f in found)
    learned = [f for f in found if "learned" in f.reason]
    assert all(f.action == "review" for f in learned)


def test_consecutive_review_sentences_of_one_paragraph_are_one_passage() -> None:
    text = (
        "Nia Probert told me she was arrested last year after a fight outside the pub. "
        "She was charged with affray and the case went to the magistrates.\n\n"
        "Cai is doing well at school.\n"
    )
    found = [f for f in detect(text, CONTEXT) if f.category == "criminal_allegation"]
    assert len(found) == 1 and found[0].action == "review"
    assert "arrested" in found[0].text and "magistrates" in found[0].text
