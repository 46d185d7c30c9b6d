"""PDF: the text layer of every page, via pdfium (fast, and robust on odd producers)."""

from __future__ import annotations

import pypdfium2 as pdfium

from redaction.errors import UnreadableFile
from redaction.extract.visible import SEPARATORS, invisible_characters
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


_REPLACE = {"\r": "\n", "\x0c": "\n", "\ufffe": "-"}


def normalise_pdfium_text(raw: str) -> tuple[str, list[int]]:
    """pdfium reports CRLF line ends and may emit NULs or form feeds; keep one newline style. A hyphen
    that joins a word across a line break comes as U+FFFE ("Quigley\ufffeSmith"): it is a hyphen.

    Returns the text and, for each of its characters, the index of the pdfium character it came from,
    so an offset in the text names one glyph on the page."""
    invisible = invisible_characters()  # drawn as nothing: a name broken by them is still one word
    chars: list[str] = []
    origin: list[int] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\r" and raw[index + 1 : index + 2] == "\n":
            chars.append("\n")
            origin.append(index)
            index += 2
            continue
        if char != "\x00" and char not in invisible:
            chars.append(" " if char in SEPARATORS else _REPLACE.get(char, char))
            origin.append(index)
        index += 1
    return "".join(chars), origin


Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points, origin bottom-left


def pdf_char_boxes(data: bytes, segment: Segment, start: int, end: int) -> list[Box]:
    """Where characters [start, end) of the extracted text sit on their page: one box per character,
    so a finding can be drawn on the page or redacted in the file. The span must lie in `segment`."""
    if segment.page is None or not (segment.start <= start <= end <= segment.end):
        raise ValueError("the span must lie inside the page segment given")
    doc = _open(data)
    try:
        page = doc[segment.page - 1]
        textpage = page.get_textpage()
        try:
            _, origin = normalise_pdfium_text(textpage.get_text_range())
            return [textpage.get_charbox(origin[i - segment.start]) for i in range(start, end)]
        finally:
            textpage.close()
            page.close()
    finally:
        doc.close()


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
            text, _ = normalise_pdfium_text(raw)
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
    # Any page without a text layer was not read by the engine: a person must read it (attestation).
    needs_ocr = bool(blank_pages)
    if not text.strip():
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
