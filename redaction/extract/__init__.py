"""extract(data, filename) -> ExtractedDocument: text plus a map back to the source file."""

from __future__ import annotations

from redaction.extract.docx import extract_docx
from redaction.extract.pdf import extract_pdf
from redaction.extract.sniff import sniff
from redaction.extract.txt import extract_txt
from redaction.types import ExtractedDocument

__all__ = ["extract", "sniff"]


def extract(data: bytes, filename: str) -> ExtractedDocument:
    """Extract the text of a TXT, DOCX or PDF file, chosen by content (the extension must agree).

    Raises UnsupportedFile or UnreadableFile with a message fit to show the user.
    """
    kind = sniff(data, filename)
    if kind == "pdf":
        return extract_pdf(data)
    if kind == "docx":
        return extract_docx(data)
    return extract_txt(data)
