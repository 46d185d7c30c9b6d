"""Pictures of the pages of a redacted PDF, so a checker sees exactly what the family will see."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

# Wide enough to read body text on screen; a picture per page is ~100-200 KB.
PREVIEW_WIDTH_PX = 900


class NoSuchPage(ValueError):
    pass


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def page_png(pdf: bytes, number: int, width: int = PREVIEW_WIDTH_PX) -> bytes:
    """Page `number` (from 1) drawn as a PNG `width` pixels wide, as pdfium renders it."""
    document = pdfium.PdfDocument(pdf)
    try:
        if not 1 <= number <= len(document):
            raise NoSuchPage(f"The PDF has no page {number}.")
        page = document[number - 1]
        try:
            bitmap = page.render(scale=width / page.get_width())
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG", optimize=True)
            return buffer.getvalue()
        finally:
            page.close()
    finally:
        document.close()
