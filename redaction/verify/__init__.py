"""Verification before release: re-read an output with tools that did not write it, refuse any leak.

    verify_output(data, fmt, forbidden, kept=KeptText(...)) -> None        raises RedactionNotVerified

What counts as a leak. A redacted string may also be ordinary text the author kept ("Foster" the
surname and "foster carer"; "Mr" swallowed by one redaction and used everywhere else). So each output
is read through several channels, and a string leaks when a channel holds it more often than the kept
text does:
  - text channels (what a reader sees: a PDF page's text from pdfium and from pdfminer, the raw page
    content streams, a DOCX's paragraph text, a TXT file) may hold it as often as the kept text does,
    with headers and footers counted once per page of a paginated output;
  - structure channels (everything else: XML attributes and comments, field codes, part and media
    names, metadata, nested packages, every other stream, each decoded every way decode.py knows) may
    not hold it at all, apart from a fixed formatting vocabulary (built-in style names, font names).
PDFs are also checked by x-ray for text lying under a box. Nothing here trusts the renderer: a bug
there shows up as a refusal, not a leak.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redaction.errors import EngineError
from redaction.verify.matching import Counts, Matcher

__all__ = ["KeptText", "Matcher", "RedactionNotVerified", "Survivor", "verify_output"]


@dataclass(frozen=True)
class KeptText:
    """The text deliberately left in a document: its text with every redacted span cut out.

    `repeated` is the part a paginated output prints on every page (a Word document's headers and
    footers); `flow` is the rest, which appears once.
    """

    flow: str = ""
    repeated: str = ""
    # Strings that must not survive anywhere, however often the kept text has them (`redact --term`).
    absolute: frozenset[str] = frozenset()


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
            "It cannot be approved or released. Redact every occurrence of it, "
            "or contact support if every occurrence already is."
        )


class Allowance:
    """How often each form may occur in a text channel of one output: as often as in the kept text."""

    def __init__(self, matcher: Matcher, kept: KeptText, pages: int = 1) -> None:
        self._flow = matcher.counts(kept.flow)
        self._repeated = matcher.counts(kept.repeated)
        self._absolute = kept.absolute
        self.pages = pages

    def text(self) -> Counts:
        allowed = Counts(self._flow)
        for form, n in self._repeated.items():
            allowed[form] += n * self.pages
        for form in [f for f in allowed if f.original in self._absolute]:
            del allowed[form]
        return allowed


def check_text_channel(found: Counts, allowed: Counts, where: str) -> None:
    leaks = found.leaks(allowed)
    if leaks:
        form, n, limit = leaks[0]
        times = "once" if n == 1 else f"{n} times"
        kept = "not at all" if limit == 0 else ("once" if limit == 1 else f"{limit} times")
        raise Survivor(form.original, f"{where}: {times}, while the text kept in the document has it {kept}")


def check_structure(found: Counts, where: str) -> None:
    if found:
        raise Survivor(next(iter(found)).original, where)


def verify_output(data: bytes, fmt: str, forbidden: Sequence[str], kept: KeptText | None = None) -> None:
    """Raise RedactionNotVerified if any forbidden string leaks (see the module docstring), or, for a
    PDF, if any text lies under a box. Without `kept`, any occurrence at all is a leak."""
    matcher = Matcher(forbidden)
    kept = kept or KeptText()
    try:
        if fmt == "pdf":
            from redaction.verify.pdf import verify_pdf

            verify_pdf(data, matcher, kept)
        elif fmt == "docx":
            from redaction.verify.docx import verify_docx

            verify_docx(data, matcher, kept)
        elif fmt == "txt":
            allowed = Allowance(matcher, kept).text()
            check_text_channel(matcher.counts(data.decode("utf-8", errors="replace")), allowed, "in the text")
        else:
            raise ValueError(f"unknown output format {fmt!r}")
    except Survivor as survivor:
        raise RedactionNotVerified(fmt, survivor.where, survivor.term) from None
