"""Scoring logic on a hand-made gold document, and the floor the engine is held at on every corpus."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from redaction.evaluate import evaluate, score_document
from redaction.types import Finding

DEV_CORPUS = Path("/work/shared/corpus/dev")
TEXT = "Mrs Okafor met Patricia Doyle. Gary Pell was arrested."


def _gold(part: str, label: str, party: str) -> dict:
    start = TEXT.index(part)
    return {
        "start": start,
        "end": start + len(part),
        "label": label,
        "party": party,
        "redact": party == "third_party",
    }


def _finding(part: str, category: str, action: str) -> Finding:
    start = TEXT.index(part)
    return Finding(start, start + len(part), part, category, action)


SPANS = [
    _gold("Okafor", "PERSON", "family"),
    _gold("Patricia Doyle", "PERSON", "third_party"),
    _gold("Gary Pell", "PERSON", "third_party"),
    _gold("Gary Pell was arrested.", "ALLEGATION", "third_party"),
]


def test_partly_redacted_name_counts_as_a_leak():
    score = score_document(
        "t",
        TEXT,
        SPANS,
        [_finding("Patricia", "person", "redact"), _finding("Gary Pell", "person", "redact")],
    )
    assert (score.third_party_total, score.third_party_redacted) == (2, 1)
    assert any("Patricia Doyle" in miss for miss in score.misses)


def test_review_counts_as_flagged_but_not_redacted_and_noise_is_outside_gold():
    findings = [
        _finding("Patricia Doyle", "person", "review"),
        _finding("Gary Pell was arrested.", "criminal_allegation", "redact"),
        _finding("Okafor", "person", "redact"),
    ]
    score = score_document("t", TEXT, SPANS, findings)
    assert score.third_party_flagged == 2 and score.third_party_redacted == 1
    assert score.allegation_found == 1
    assert score.keep_person_redacted == 1
    assert score.noise_chars == len("Okafor")


HERE = Path(__file__).parent


@dataclass(frozen=True)
class Floor:
    """The figures a corpus is held at: reached on the tuned corpora, first measured on the unseen ones.
    Raise them as the engine improves, so a change that loses ground fails."""

    recall: float
    flagged: float
    allegations: float
    over_redaction: float
    noise: float


FLOORS = {
    # The development corpus.
    DEV_CORPUS: Floor(0.99, 0.99, 0.97, 0.02, 0.022),
    # The project's own annotated documents: a check against tuning to dev.
    HERE / "corpus": Floor(0.98, 0.99, 0.95, 0.02, 0.03),
    # Practice corpora by helpers that never saw the engine, tuned on by class since their first measure;
    # the allegation model learns from them, so their allegation figures are not a fair measure
    # (benchmarks/allegation_model.py gives that). practice2 was first measured untuned at 0.752 / 0.839 /
    # 0.760; practice3 at 0.848 / 0.916 / 0.852 / 0.038 / 0.039.
    HERE / "practice": Floor(0.93, 0.985, 0.97, 0.01, 0.039),
    HERE / "practice2": Floor(0.905, 0.965, 0.965, 0.021, 0.030),
    HERE / "practice3": Floor(0.89, 0.94, 0.95, 0.016, 0.037),
    # Measuring only, never tuned on (their READMEs). unseen's noise rose from 0.034 as recall rose from
    # 0.74 to 0.83: names in lower-case notes and transcripts are found, and the allegations they make are
    # redacted as about a third party (the step to 0.047 came with a disclaimer of kinship in any words
    # making a family surname someone else's).
    HERE / "unseen": Floor(0.825, 0.9, 0.9, 0.058, 0.048),
    HERE / "unseen_formal": Floor(0.94, 0.985, 0.99, 0.01, 0.034),
    # Frozen on 2026-12-02 at 0.870 / 0.923 / 0.837 / 0.050 / 0.044 (the code of that morning: 0.862 /
    # 0.911 / 0.808 / 0.056 / 0.046).
    HERE / "unseen2": Floor(0.87, 0.925, 0.85, 0.051, 0.045),
}


@pytest.mark.parametrize("corpus", list(FLOORS), ids=[p.name for p in FLOORS])
def test_engine_holds_its_floor_on_every_corpus(corpus: Path) -> None:
    if not corpus.is_dir():
        pytest.skip(f"{corpus} not present")
    metrics = evaluate(corpus).metrics
    floor = FLOORS[corpus]
    assert metrics["third_party_recall"] >= floor.recall
    assert metrics["third_party_flagged"] >= floor.flagged
    assert metrics["allegation_recall"] >= floor.allegations
    assert metrics["over_redaction"] <= floor.over_redaction
    assert metrics["noise"] <= floor.noise


def test_review_load_and_misses_by_class_are_reported() -> None:
    from redaction.evaluate import Report, score_document
    from redaction.types import Finding

    text = "Dean Foster rang. Sam Lee was arrested. Jo Bell, social worker, visited."
    spans = [
        {"start": 0, "end": 11, "label": "PERSON", "party": "third_party", "redact": True},
        {"start": 18, "end": 25, "label": "PERSON", "party": "third_party", "redact": True},
        {"start": 18, "end": 39, "label": "ALLEGATION", "party": "third_party", "redact": True},
        {"start": 40, "end": 47, "label": "PERSON", "party": "professional", "redact": False},
    ]
    findings = [
        Finding(0, 11, "Dean Foster", "person", "review"),
        Finding(40, 47, "Jo Bell", "person", "redact"),
    ]
    report = Report([score_document("doc", text, spans, findings)])
    assert report.metrics["review_load"] == pytest.approx(1000 / len(text.split()))
    assert report.misses_by_class() == {
        ("LEAK", "PERSON"): 2,
        ("MISSED", "ALLEGATION third_party"): 1,
        ("OVER", "PERSON professional"): 1,
        ("UNFLAGGED", "PERSON"): 1,
    }
    assert "misses by class" in report.format()


def test_engine_does_not_fall_below_its_first_measure_on_the_second_unseen_corpus():
    """tests/redaction/unseen2: fourteen documents by a helper that never saw the engine, frozen on
    2026-12-02 and measuring only. First measured at recall 0.870, flagged 0.923, allegations 0.837,
    over-redaction 0.050, noise 0.044 (the code of the session before scored 0.862 / 0.911 / 0.808 /
    0.056 / 0.046). Held there as a floor; never tune to it."""
    metrics = evaluate(Path(__file__).parent / "unseen2").metrics
    assert metrics["third_party_recall"] >= 0.87
    assert metrics["third_party_flagged"] >= 0.925
    assert metrics["allegation_recall"] >= 0.85
    assert metrics["over_redaction"] <= 0.051
    assert metrics["noise"] <= 0.045
