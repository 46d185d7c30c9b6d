"""Score a detector against an annotated corpus, with the metric definitions of the corpus README."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redaction.errors import EngineError
from redaction.register import load_register
from redaction.types import CaseContext, Finding

IDENTIFIER_LABELS = frozenset({"PERSON", "ADDRESS", "PHONE", "EMAIL", "DOB", "NHS_NUMBER", "NI_NUMBER"})
Detector = Callable[[str, CaseContext], Sequence[Finding]]


@dataclass
class DocumentScore:
    name: str
    third_party_total: int = 0
    third_party_redacted: int = 0
    third_party_flagged: int = 0
    allegation_total: int = 0
    allegation_found: int = 0
    keep_person_total: int = 0
    keep_person_redacted: int = 0
    noise_chars: int = 0
    alnum_chars: int = 0
    words: int = 0
    review_findings: int = 0
    misses: list[str] = field(default_factory=list)
    # (kind, label) of each miss: LEAK (not redacted), UNFLAGGED (not even sent for review), MISSED, OVER
    classes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Report:
    documents: list[DocumentScore]

    def _sum(self, attr: str) -> int:
        return sum(getattr(d, attr) for d in self.documents)

    @staticmethod
    def _ratio(num: int, den: int, empty: float) -> float:
        return num / den if den else empty

    @property
    def metrics(self) -> dict[str, float]:
        return {
            "third_party_recall": self._ratio(self._sum("third_party_redacted"), self._sum("third_party_total"), 1),
            "third_party_flagged": self._ratio(self._sum("third_party_flagged"), self._sum("third_party_total"), 1),
            "allegation_recall": self._ratio(self._sum("allegation_found"), self._sum("allegation_total"), 1),
            "over_redaction": self._ratio(self._sum("keep_person_redacted"), self._sum("keep_person_total"), 0),
            "noise": self._ratio(self._sum("noise_chars"), self._sum("alnum_chars"), 0),
            # Findings an author must decide by hand, per 1,000 words: the cost of recall to the reader.
            "review_load": 1000 * self._ratio(self._sum("review_findings"), self._sum("words"), 0),
        }

    def misses_by_class(self) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        for doc in self.documents:
            for key in doc.classes:
                counts[key] = counts.get(key, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def format(self) -> str:
        lines = [f"{name:<20} {value:.4f}" for name, value in self.metrics.items()]
        lines.append(f"{'documents':<20} {len(self.documents)}")
        by_class = self.misses_by_class()
        if by_class:
            lines.append("\nmisses by class")
            lines.extend(f"  {kind:<10} {label:<28} {n}" for (kind, label), n in by_class.items())
        for doc in self.documents:
            if doc.misses:
                lines.append(f"\n{doc.name}: {len(doc.misses)} miss(es)")
                lines.extend(f"  {miss}" for miss in doc.misses)
        return "\n".join(lines)


def _mask(text: str, findings: Iterable[Finding], actions: frozenset[str], category: str | None = None) -> bytearray:
    mask = bytearray(len(text))
    for f in findings:
        if f.action in actions and (category is None or f.category == category):
            mask[max(0, f.start) : min(len(text), f.end)] = b"\x01" * (min(len(text), f.end) - max(0, f.start))
    return mask


def _alnum_positions(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i].isalnum()]


def score_document(name: str, text: str, spans: Sequence[dict], findings: Sequence[Finding]) -> DocumentScore:
    score = DocumentScore(name)
    redact = _mask(text, findings, frozenset({"redact"}))
    flagged = _mask(text, findings, frozenset({"redact", "review"}))
    allegation = _mask(text, findings, frozenset({"redact", "review"}), "criminal_allegation")
    protected = bytearray(len(text))
    for span in spans:
        start, end, label = span["start"], span["end"], span["label"]
        chars = _alnum_positions(text, start, end)
        quoted = f"{label} {span['party']} {text[start:end]!r}"[:140]
        if span.get("redact"):
            protected[start:end] = b"\x01" * (end - start)
        if label in IDENTIFIER_LABELS and span.get("redact"):
            score.third_party_total += 1
            was_flagged = all(flagged[i] for i in chars)
            if all(redact[i] for i in chars):
                score.third_party_redacted += 1
            else:
                # A leak sent for review at least reached the author; an unflagged one never did.
                score.misses.append(f"LEAK   {quoted}" if was_flagged else f"UNFLAGGED {quoted}")
                score.classes.append(("LEAK", label))
            if was_flagged:
                score.third_party_flagged += 1
            else:
                score.classes.append(("UNFLAGGED", label))
        elif label == "ALLEGATION":
            score.allegation_total += 1
            if chars and 2 * sum(allegation[i] for i in chars) >= len(chars):
                score.allegation_found += 1
            else:
                score.misses.append(f"MISSED {quoted}")
                score.classes.append(("MISSED", f"ALLEGATION {span['party']}"))
        if label == "PERSON" and span["party"] in ("family", "professional"):
            score.keep_person_total += 1
            if chars and 2 * sum(redact[i] for i in chars) >= len(chars):
                score.keep_person_redacted += 1
                score.misses.append(f"OVER   {quoted}")
                score.classes.append(("OVER", f"PERSON {span['party']}"))
    score.words = len(text.split())
    score.review_findings = sum(1 for f in findings if f.action == "review")
    for i, ch in enumerate(text):
        if ch.isalnum():
            score.alnum_chars += 1
            if redact[i] and not protected[i]:
                score.noise_chars += 1
    return score


def corpus_dirs(root: Path) -> list[Path]:
    """The corpus at root, or every corpus directly under it (e.g. dev/ and test/)."""
    if (root / "cases.json").is_file():
        return [root]
    found = sorted(p for p in root.iterdir() if (p / "cases.json").is_file()) if root.is_dir() else []
    if not found:
        raise EngineError(f"No annotated corpus (cases.json and docs/) found at {root}.")
    return found


def evaluate(root: str | Path, detector: Detector | None = None) -> Report:
    """Run `detector` (default: the engine's detect) over every annotated document under root."""
    if detector is None:
        from redaction.detect import detect

        detector = detect
    documents: list[DocumentScore] = []
    for corpus in corpus_dirs(Path(root)):
        contexts = load_register(corpus / "cases.json")
        for gold_path in sorted((corpus / "docs").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = (gold_path.parent / gold["document"]).read_text(encoding="utf-8")
            context = contexts.get(gold["case"], CaseContext(reference=gold["case"]))
            findings = detector(text, context)
            documents.append(score_document(gold_path.stem, text, gold["spans"], findings))
    return Report(documents)
