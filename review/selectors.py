"""Reads shared by the review views and services."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from disclosure.models import DocumentVersion
from redaction.types import Redaction
from redaction.verify.matching import Matcher
from review.models import Finding, Picture


def redactions_for(version: DocumentVersion) -> list[Redaction]:
    """The spans that will be removed, overlapping ones merged so each box is drawn once."""
    text = version.extracted_text
    # Read as plain values: a long document has hundreds of findings and this runs on every check page.
    rows = version.findings.filter(Finding.redacted_q()).values_list(
        "start", "end", "reason_code__code", "category", "decided_by__username"
    )
    spans = sorted(
        (start, end, code or "redacted", category, who or "suggested") for start, end, code, category, who in rows
    )
    merged: list[Redaction] = []
    for start, end, code, category, who in spans:
        if merged and start <= merged[-1].end:
            last = merged[-1]
            if end > last.end:
                merged[-1] = Redaction(
                    start=last.start,
                    end=end,
                    reason_code=last.reason_code,
                    category=last.category,
                    decided_by=last.decided_by,
                    text=text[last.start : end],
                )
            continue
        merged.append(
            Redaction(start=start, end=end, reason_code=code, category=category, decided_by=who, text=text[start:end])
        )
    return merged


def check_refusal(user: User | AnonymousUser, version: DocumentVersion) -> str | None:
    """Why this user may not check this version, or None if they are independent of it."""
    if user.pk == version.uploaded_by_id:
        return "You uploaded this version, so you cannot check it. Another checker must."
    if user.pk == version.submitted_by_id:
        return "You submitted this version for check, so you cannot check it."
    if Finding.objects.filter(version=version, decided_by_id=user.pk).exists():
        return "You made redaction decisions on this version, so you cannot check it."
    if Picture.objects.filter(version=version, decided_by_id=user.pk).exists():
        return "You decided about pictures in this version, so you cannot check it."
    return None


def pending_reviews(version: DocumentVersion) -> int:
    return version.findings.filter(
        suggested_action=Finding.Suggestion.REVIEW, decision=Finding.Decision.PENDING
    ).count()


# What may be named partly: people and identifiers, not passages (an allegation sentence is its own thing).
_NAMED = ("person", "address", "email", "phone", "manual")


def partly_redacted(version: DocumentVersion) -> list[tuple[str, int]]:
    """Names redacted in one place and still in the kept text elsewhere: (name, occurrences left).

    Verification allows a redacted string wherever the author kept it (the same name can be two people;
    "Foster" is also a word), so a forgotten occurrence would be released. Only names of two words or
    more are listed: a single word kept elsewhere is usually an ordinary word.
    """
    text = version.extracted_text
    redacted = list(
        version.findings.filter(Finding.redacted_q()).order_by("start").values_list("start", "end", "category")
    )
    names = {
        " ".join(text[start:end].split())
        for start, end, category in redacted
        if category in _NAMED and len(text[start:end].split()) >= 2 and "\n" not in text[start:end]
    }
    if not names:
        return []
    kept: list[str] = []
    cursor = 0
    for start, end, _ in redacted:
        kept.append(text[cursor : max(cursor, start)])
        kept.append("\n")
        cursor = max(cursor, end)
    kept.append(text[cursor:])
    counts = Matcher(sorted(names)).counts("".join(kept))
    left = {form.original: n for form, n in counts.items() if form.kind == "spaced"}
    return sorted(left.items())
