"""PDF verification with two text extractors, a raw object scan and x-ray (text under boxes)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

import pikepdf
import pymupdf
import pypdfium2 as pdfium
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTItem, LTPage, LTText
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from redaction.verify import Survivor
from redaction.verify.matching import Matcher

_SKIP_SUBTYPES = ("/Image", "/Type1C", "/CIDFontType0C", "/OpenType")
_BINARY_MIN = 5

# pdfminer logs every odd font at WARNING; the verdict is ours to give, not its.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _pdfminer_text(item: LTItem, out: list[str]) -> None:
    if isinstance(item, LTChar):
        out.append(item.get_text())
    elif isinstance(item, LTContainer):
        for child in item:
            _pdfminer_text(child, out)
        out.append("\n")
    elif isinstance(item, LTText):
        out.append(item.get_text())


def _pages(data: bytes) -> Iterator[LTPage]:
    """pdfminer's pages without its layout analysis: characters in drawing order are all the matcher
    needs (it ignores spacing), and layout analysis would take most of the verification time."""
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
        yield device.get_result()


def _check_pdfminer(data: bytes, matcher: Matcher) -> None:
    try:
        for number, layout in enumerate(_pages(data), start=1):
            out: list[str] = []
            _pdfminer_text(layout, out)
            found = matcher.find("".join(out))
            if found:
                raise Survivor(found, f"page {number}, read by pdfminer")
    except Survivor:
        raise
    except Exception as exc:  # a PDF one independent reader cannot read cannot be vouched for
        raise Survivor("", "the PDF could not be read by the checking tool") from exc


def _check_pdfium(data: bytes, matcher: Matcher) -> None:
    pdf = pdfium.PdfDocument(data)
    try:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            textpage = page.get_textpage()
            try:
                found = matcher.find(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
            if found:
                raise Survivor(found, f"page {number}, read by pdfium")
    finally:
        pdf.close()


def _strings(obj: object, out: list[str], depth: int = 0) -> None:
    if depth > 20:
        return
    if isinstance(obj, pikepdf.String):
        out.append(str(obj))
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            _strings(item, out, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for key in obj.keys():  # noqa: SIM118 - pikepdf objects are not plain mappings
            if key != "/Parent":
                _strings(obj[key], out, depth + 1)


def _looks_binary(content: str) -> bool:
    sample = content[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 9 or 13 < ord(ch) < 32)
    return controls > len(sample) // 20


def _check_raw(data: bytes, matcher: Matcher) -> None:
    long_terms = Matcher(t.original for t in matcher.terms if len(t.original.strip()) >= _BINARY_MIN)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        strings: list[str] = []
        _strings(pdf.trailer, strings)
        for obj in pdf.objects:
            _strings(obj, strings)
            if not isinstance(obj, pikepdf.Stream):
                continue
            subtype = str(obj.get("/Subtype", ""))
            if subtype in _SKIP_SUBTYPES or "/Length2" in obj or "/Length1" in obj:
                continue  # images and embedded fonts: binary data, checked through the rendered text
            try:
                content = obj.read_bytes().decode("latin-1")
            except pikepdf.PdfError:
                content = obj.read_raw_bytes().decode("latin-1")
            # Binary streams (ICC profiles, CMaps' data) hold short letter runs by chance.
            found = (long_terms if _looks_binary(content) else matcher).find(content)
            if found:
                raise Survivor(found, f"object {obj.objgen[0]} of the file")
        found = matcher.find("\n".join(strings))
        if found:
            raise Survivor(found, "a text string in the file's structure")


def _xray_page(page: pymupdf.Page) -> list[object]:
    """x-ray's get_bad_redactions, with a plain-number overlap test in front of its Rect arithmetic.

    x-ray compares every span with every box using PyMuPDF Rects, which is quadratic and slow in Python
    (5 s for 10 pages of 60 boxes). Boxes that do not overlap a span cannot change x-ray's verdict on it,
    so only the overlapping ones are passed to x-ray's own `intersects`; the rest of x-ray runs as is.
    """
    from xray import pdf_utils as xray

    rects = xray.get_good_rectangles(page)
    if not rects:
        return []
    bounds = [(r.x0, r.y0, r.x1, r.y1) for r in rects]
    chars: list[Any] = []
    for span in page.get_texttrace():
        x0, y0, x1, y1 = span["bbox"]
        near = [r for r, (a, b, c, d) in zip(rects, bounds, strict=True) if a < x1 and x0 < c and b < y1 and y0 < d]
        if not near:
            continue
        span_rect = pymupdf.Rect(span["bbox"])
        span_rect.seqno, span_rect.fill = span["seqno"], span["color"]
        if not xray.intersects(span_rect, near):
            continue
        for char in span["chars"]:
            char_rect = pymupdf.Rect(char[3])
            char_rect.seqno, char_rect.fill = span["seqno"], span["color"]
            if xray.intersects(char_rect, near, occlusion_threshold=0.8):
                chars.append({"rect": char_rect, "c": chr(char[0])})
    redactions = xray.group_chars_by_rect(chars, rects)
    return list(xray.filter_redactions_by_pixmap(xray.filter_redactions_by_text(redactions), page))


def _check_xray(data: bytes) -> None:
    doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        for page in doc:
            if _xray_page(page):
                raise Survivor("", f"x-ray found text under a redaction box on page {page.number + 1}")
    finally:
        doc.close()


def verify_pdf(data: bytes, matcher: Matcher) -> None:
    if matcher:
        _check_pdfium(data, matcher)
        _check_pdfminer(data, matcher)
        _check_raw(data, matcher)
    _check_xray(data)
