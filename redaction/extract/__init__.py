"""extract(data, filename) -> ExtractedDocument: text plus a map back to the source file."""

from __future__ import annotations

from dataclasses import replace

from redaction.extract.docx import extract_docx
from redaction.extract.pdf import extract_pdf
from redaction.extract.pictures import list_pictures
from redaction.extract.sniff import sniff
from redaction.extract.txt import extract_txt
from redaction.types import ExtractedDocument

__all__ = ["extract", "sniff"]


def extract(data: bytes, filename: str) -> ExtractedDocument:
    """Extract the text of a TXT, DOCX or PDF file, chosen by content (the extension must agree).

    Raises UnsupportedFile or UnreadableFile with a message fit to show the user.
    """
    kind = sniff(data, filename)
    if kind == "txt":
        return extract_txt(data)
    document = extract_pdf(data) if kind == "pdf" else extract_docx(data)
    # Pages without a text layer are read whole by a person already; their pictures need no second look.
    unread = {s.page for s in document.segments if s.page is not None and not document.text[s.start : s.end].strip()}
    return replace(document, pictures=list_pictures(data, kind, skip_pages=unread))
