"""Per-document history: every version, finding, decision, check and release, and what changed.

Two kinds of difference: between consecutive uploads (their extracted text), and, within a version,
between what the engine suggested redacting and what was actually redacted in the output."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from disclosure.models import Document, DocumentVersion, Release
from review.models import CheckDecision, Finding

Suggestion = Finding.Suggestion
Decision = Finding.Decision


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "added", "removed", "context" or "skip": shown with +/- signs, not by colour alone
    text: str

    @property
    def sign(self) -> str:
        return {"added": "+", "removed": "-", "context": " ", "skip": "…"}[self.kind]


@dataclass
class VersionHistory:
    version: DocumentVersion
    findings: list[Finding]
    checks: list[CheckDecision]
    release: Release | None
    changes_from_previous: list[DiffLine] | None  # None for the first version
    suggested_vs_released: list[DiffLine]
    kept_suggestions: list[Finding] = field(default_factory=list)
    manual: list[Finding] = field(default_factory=list)
    decided_reviews: list[Finding] = field(default_factory=list)
    default_redactions: list[Finding] = field(default_factory=list)

    @property
    def redacted_count(self) -> int:
        return sum(1 for f in self.findings if f.is_redacted)


def diff_lines(old: str, new: str, context: int = 2) -> list[DiffLine]:
    lines: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False).get_grouped_opcodes(
        context
    ):
        if lines:
            lines.append(DiffLine("skip", ""))
        for tag, i1, i2, j1, j2 in group:
            a, b = old.splitlines()[i1:i2], new.splitlines()[j1:j2]
            if tag == "equal":
                lines.extend(DiffLine("context", t) for t in a)
                continue
            lines.extend(DiffLine("removed", t) for t in a)
            lines.extend(DiffLine("added", t) for t in b)
    return lines


def _apply(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """The text with each span replaced by a labelled box, overlapping spans merged."""
    merged: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
            continue
        merged.append((start, end, label))
    out, cursor = [], 0
    for start, end, label in merged:
        out.append(text[cursor:start])
        out.append(f"[{label}]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _label(finding: Finding) -> str:
    return f"REDACTED: {finding.reason_code.label}" if finding.reason_code else "REDACTED"


def suggested_text(text: str, findings: Iterable[Finding]) -> str:
    """What the output would have been had the author accepted every engine suggestion to redact.

    Labelled like the released text, so that only a changed outcome or reason shows as a difference."""
    return _apply(
        text,
        (
            (f.start, f.end, _label(f))
            for f in findings
            if f.source == Finding.Source.ENGINE and f.suggested_action == Suggestion.REDACT
        ),
    )


def released_text(text: str, findings: Iterable[Finding]) -> str:
    return _apply(text, ((f.start, f.end, _label(f)) for f in findings if f.is_redacted))


def document_history(document: Document) -> list[VersionHistory]:
    findings = Finding.objects.select_related("reason_code", "decided_by").order_by("start", "end", "id")
    checks = CheckDecision.objects.select_related("checker").order_by("decided_at")
    versions = list(
        document.versions.select_related(
            "uploaded_by", "submitted_by", "approved_by", "release__released_by", "release__checked_by"
        )
        .prefetch_related(Prefetch("findings", queryset=findings), Prefetch("checks", queryset=checks), "recipients")
        .order_by("number")
    )
    history: list[VersionHistory] = []
    previous: DocumentVersion | None = None
    for version in versions:
        found = list(version.findings.all())
        engine = [f for f in found if f.source == Finding.Source.ENGINE]
        history.append(
            VersionHistory(
                version=version,
                findings=found,
                checks=list(version.checks.all()),
                release=getattr(version, "release", None),
                changes_from_previous=(
                    diff_lines(previous.extracted_text, version.extracted_text) if previous is not None else None
                ),
                suggested_vs_released=diff_lines(
                    suggested_text(version.extracted_text, found), released_text(version.extracted_text, found), 1
                ),
                kept_suggestions=[f for f in found if f.is_rejected_suggestion],
                manual=[f for f in found if f.source == Finding.Source.MANUAL],
                decided_reviews=[
                    f for f in engine if f.suggested_action == Suggestion.REVIEW and f.decision != Decision.PENDING
                ],
                default_redactions=[
                    f for f in engine if f.suggested_action == Suggestion.REDACT and f.decision == Decision.PENDING
                ],
            )
        )
        previous = version
    return list(reversed(history))
