"""PDF: the text layer of every page, via pdfium (fast, and robust on odd producers)."""

from __future__ import annotations

import pypdfium2 as pdfium

from redaction.errors import UnreadableFile
from redaction.types import ExtractedDocument, Segment

_PAGE_BREAK = "\n\n"


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise UnreadableFile("The PDF is password-protected. Remove the password and upload it again.") from exc
        raise UnreadableFile("The PDF is damaged and cannot be opened.") from exc


def extract_pdf(data: bytes) -> ExtractedDocument:
    doc = _open(data)
    pieces: list[str] = []
    segments: list[Segment] = []
    warnings: list[str] = []
    blank_pages: list[int] = []
    offset = 0
    try:
        if len(doc) == 0:
            raise UnreadableFile("The PDF has no pages.")
        for number in range(1, len(doc) + 1):
            page = doc[number - 1]
            textpage = page.get_textpage()
            try:
                raw = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
            # pdfium reports CRLF line ends and may emit NULs or form feeds; keep one newline style.
            text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\x0c", "\n")
            if not text.strip():
                blank_pages.append(number)
            if pieces:
                pieces.append(_PAGE_BREAK)
                offset += len(_PAGE_BREAK)
            pieces.append(text)
            segments.append(Segment(offset, offset + len(text), "page", str(number), number))
            offset += len(text)
        page_count = len(doc)
    finally:
        doc.close()
    text = "".join(pieces)
    needs_ocr = not text.strip()
    if needs_ocr:
        warnings.append(
            "The PDF has no text layer (it is probably a scan), so nothing could be checked automatically. "
            "It needs OCR or a manual check of every page."
        )
    elif blank_pages:
        listed = ", ".join(str(n) for n in blank_pages)
        warnings.append(
            f"Page(s) {listed} of {page_count} have no text layer (probably scanned images) and must be "
            "checked by hand."
        )
    return ExtractedDocument(
        text=text, format="pdf", segments=tuple(segments), needs_ocr=needs_ocr, warnings=tuple(warnings)
    )
