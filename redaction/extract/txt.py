"""Plain text: offsets index the file decoded as UTF-8 (the scan command's contract)."""

from __future__ import annotations

from redaction.types import ExtractedDocument, Segment


def extract_txt(data: bytes) -> ExtractedDocument:
    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows editors still save cp1252; latin-1 cannot fail, so it is the last resort.
        try:
            text = data.decode("cp1252")
            encoding = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "Latin-1"
        warnings.append(
            f"The text file is not UTF-8; it was read as {encoding}. Check that names with accents look right."
        )
    return ExtractedDocument(
        text=text,
        format="txt",
        segments=(Segment(0, len(text), "body", "", None),),
        warnings=tuple(warnings),
    )
