"""Turns a version's text and findings into HTML whose text content equals the extracted text
exactly, so offsets of a selection in the browser are offsets in the text (manual redaction)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from redaction.types import Redaction
from review.models import Finding


class Mark(NamedTuple):
    """The little of a finding that highlighting needs, read without building model instances."""

    pk: int
    start: int
    end: int
    category: str
    suggested_action: str
    decision: str


MARK_FIELDS = Mark._fields


# Stronger outcomes win where findings overlap (an allegation sentence around a kept name).
_RANK = {"redact": 3, "review": 2, "keep": 1}


def _outcome(finding: Mark) -> str:
    if finding.decision != Finding.Decision.PENDING:
        return "redact" if finding.decision == Finding.Decision.REDACT else "keep"
    return "review" if finding.suggested_action == Finding.Suggestion.REVIEW else finding.suggested_action


def highlighted_html(text: str, findings: Sequence[Mark]) -> SafeString:
    cuts = {0, len(text)}
    for f in findings:
        cuts.update((max(0, f.start), min(len(text), f.end)))
    points = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    for f in findings:
        starts.setdefault(f.start, []).append(f)
    active: list[Mark] = []
    parts: list[str] = []
    for left, right in pairwise(points):
        active = [f for f in active if f.end > left] + starts.get(left, [])
        chunk = escape(text[left:right])
        if not active:
            parts.append(chunk)
            continue
        top = max(active, key=lambda f: (_RANK.get(_outcome(f), 0), f.end - f.start))
        outcome = _outcome(top)
        parts.append(
            format_html(
                '<mark class="finding outcome-{} cat-{}" data-finding="{}" title="{}: {}">{}</mark>',
                outcome,
                top.category,
                top.pk,
                top.category.replace("_", " "),
                outcome,
                mark_safe(chunk),  # noqa: S308
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 - every piece was escaped above


def redacted_html(text: str, redactions: Sequence[Redaction]) -> SafeString:
    parts: list[str] = []
    cursor = 0
    for r in redactions:
        parts.append(escape(text[cursor : r.start]))
        parts.append(
            format_html(
                '<span class="redaction-box" role="img" aria-label="Redacted: {}">[{}]</span>',
                r.reason_code,
                r.reason_code.replace("_", " "),
            )
        )
        cursor = r.end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece was escaped above
