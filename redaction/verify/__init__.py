"""Verification before release: re-read an output with tools that did not write it, refuse on any survivor.

    verify_output(data, fmt, forbidden) -> None          raises RedactionNotVerified

PDF: text from pdfminer.six and from pdfium, a raw scan of every content stream and string in the file
(pikepdf), and the x-ray package's check for text lying under a box. DOCX: a raw scan of every XML
part (paragraph text joined across runs, all text nodes, all attribute values), of binary parts and of
the zip's own names. TXT: the decoded text. Matching is case-insensitive and ignores how text was split
(see matching.py). Nothing here trusts the renderer: a bug there shows up as a refusal, not a leak.
"""

from __future__ import annotations

from collections.abc import Sequence

from redaction.errors import EngineError
from redaction.verify.matching import Matcher

__all__ = ["Matcher", "RedactionNotVerified", "Survivor", "verify_output"]


class Survivor(Exception):
    """Internal: where a forbidden string was found (becomes RedactionNotVerified)."""

    def __init__(self, term: str, where: str) -> None:
        super().__init__(where)
        self.term = term
        self.where = where


class RedactionNotVerified(EngineError):
    """The output still holds redacted text (or text under a box); it must not be approved or released."""

    def __init__(self, fmt: str, where: str, term: str = "") -> None:
        self.fmt = fmt
        self.where = where
        self.term = term
        shown = f' "{term}"' if term else ""
        super().__init__(
            f"The redacted {fmt.upper()} was refused: redacted text{shown} can still be found in it ({where}). "
            "It cannot be approved or released. Check that every occurrence is marked for redaction, "
            "or contact support if it is."
        )


def verify_output(data: bytes, fmt: str, forbidden: Sequence[str]) -> None:
    """Raise RedactionNotVerified if any forbidden string (or, for PDF, any text under a box) survives."""
    matcher = Matcher(forbidden)
    try:
        if fmt == "pdf":
            from redaction.verify.pdf import verify_pdf

            verify_pdf(data, matcher)
        elif fmt == "docx":
            from redaction.verify.docx import verify_docx

            verify_docx(data, matcher)
        elif fmt == "txt":
            found = matcher.find(data.decode("utf-8", errors="replace"))
            if found:
                raise Survivor(found, "in the text")
        else:
            raise ValueError(f"unknown output format {fmt!r}")
    except Survivor as survivor:
        raise RedactionNotVerified(fmt, survivor.where, survivor.term) from None
