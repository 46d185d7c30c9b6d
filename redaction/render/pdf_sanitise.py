"""PDF sanitising: invisible text, interactive structures, alternative text. Runs on every PDF output.

Two tools on purpose: PyMuPDF (AGPL) finds invisible text and removes it from content streams in the
same pass as the redactions, and scrubs what it knows; pdf_rebuild (pikepdf, qpdf) then copies the
pages alone into a new file and strips marked content, so the old content streams, the catalogue and
every descriptive entry cannot linger.
"""

from __future__ import annotations

import ctypes

import pymupdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

_WHITE = 0.97


def _is_white(color: tuple[float, ...] | None) -> bool:
    if not color:
        return False
    if len(color) == 4:  # CMYK: white is no ink
        return all(c <= 1 - _WHITE for c in color)
    return all(c >= _WHITE for c in color)


def invisible_text_rects(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Areas of text a reader cannot see but any extractor can: render mode 3, white, tiny, off-page.

    White text is judged against the usual white page: Clearance's own labels are added later.
    """
    rects: list[pymupdf.Rect] = []
    visible = page.rect
    for span in page.get_texttrace():
        bbox = pymupdf.Rect(span["bbox"])
        invisible = (
            span.get("type") == 3
            or span.get("opacity", 1) == 0
            or span.get("size", 10) < 1.0
            or _is_white(span.get("color"))
            or not bbox.intersects(visible)
        )
        if not invisible:
            continue
        for char in span["chars"]:
            box = pymupdf.Rect(char[3])
            if box.is_empty:
                x, y = char[2]
                box = pymupdf.Rect(x - 0.2, y - 0.2, x + 0.2, y + 0.2)
            rects.append(_centre(box))
    return rects


def clipped_text_rects(pdf_page: pdfium.PdfPage, page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Text objects drawn wholly outside their clipping path: invisible on paper, plain to an extractor.

    PyMuPDF does not link text to clip paths, so pdfium reads each text object's clip path; the object's
    box is returned in PyMuPDF's coordinates (the page's transformation handles crop boxes and rotation).
    """
    rects: list[pymupdf.Rect] = []
    for obj in pdf_page.get_objects():
        if obj.type != pdfium_raw.FPDF_PAGEOBJ_TEXT:
            continue
        clip = _clip_box(obj)
        if clip is None:
            continue
        left, bottom, right, top = obj.get_bounds()
        if right < clip[0] or left > clip[2] or top < clip[1] or bottom > clip[3]:
            rects.append(pymupdf.Rect(left, bottom, right, top) * page.transformation_matrix)
    return rects


def _clip_box(obj: pdfium.PdfObject) -> tuple[float, float, float, float] | None:
    """The bounding box of a page object's clipping path, or None when it has none."""
    clip = pdfium_raw.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    xs: list[float] = []
    ys: list[float] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for path in range(pdfium_raw.FPDFClipPath_CountPaths(clip)):
        for index in range(pdfium_raw.FPDFClipPath_CountPathSegments(clip, path)):
            segment = pdfium_raw.FPDFClipPath_GetPathSegment(clip, path, index)
            if segment and pdfium_raw.FPDFPathSegment_GetPoint(segment, x, y):
                xs.append(x.value)
                ys.append(y.value)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _centre(box: pymupdf.Rect) -> pymupdf.Rect:
    """A small rect at the glyph's centre: enough to remove it, too small to catch its neighbours."""
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    dx, dy = max(box.width * 0.2, 0.05), max(box.height * 0.2, 0.05)
    return pymupdf.Rect(cx - dx, cy - dy, cx + dx, cy + dy)


def strip_interactive(doc: pymupdf.Document) -> None:
    """Annotations, links, form fields, outlines, attachments, JavaScript, metadata (MuPDF's view)."""
    doc.scrub(
        attached_files=True,
        clean_pages=False,
        embedded_files=True,
        hidden_text=False,  # done with the other invisible text, in the same redaction pass
        javascript=True,
        metadata=True,
        redactions=True,
        redact_images=0,
        remove_links=True,
        reset_fields=True,
        reset_responses=False,  # PyMuPDF 1.24.14 crashes here; every annotation is deleted below anyway
        thumbnails=True,
        xml_metadata=True,
    )
    # Annotations and form fields themselves go in strip_structure: deleting them one by one through
    # PyMuPDF 1.24 crashes on some reply chains, and dropping /Annots and /AcroForm is more thorough.
    doc.set_toc([])
