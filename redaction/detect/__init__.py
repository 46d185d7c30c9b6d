"""detect(text, context) -> list[Finding]: persons, identifiers and criminal-allegation passages."""

from __future__ import annotations

from redaction.detect.findings import build_findings
from redaction.detect.nlp import DEFAULT_MODEL, get_nlp
from redaction.types import CaseContext, Finding

__all__ = ["DEFAULT_MODEL", "detect", "get_nlp"]


def detect(text: str, context: CaseContext, *, model: str = DEFAULT_MODEL) -> list[Finding]:
    """Findings over `text` for a document of the case `context`, sorted by start."""
    if not text.strip():
        return []
    doc = get_nlp(model)(text)
    ents = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    propn = frozenset(token.idx for token in doc if token.pos_ == "PROPN")
    return build_findings(text, ents, context, propn)
