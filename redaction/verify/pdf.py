"""PDF verification: two text extractors and the raw page content (text channels), every other object and
string decoded (structure), and x-ray for text lying under a box."""

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

from redaction.verify import Allowance, KeptText, Survivor, check_structure, check_text_channel
from redaction.verify.decode import TooDeep, texts
from redaction.verify.matching import APART, Counts, Matcher

_GENERAL_FILTERS = ("/FlateDecode", "/LZWDecode", "/ASCII85Decode", "/ASCIIHexDecode", "/RunLengthDecode")
# Font names are a formatting vocabulary ("Georgia" the font is not Georgia the neighbour).
_FONT_NAMES = ("/BaseFont", "/FontName", "/FontFamily")
_FONT_SUBTYPES = ("/Type1C", "/CIDFontType0C", "/OpenType")
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


def _page_texts_pdfminer(data: bytes) -> Iterator[str]:
    try:
        for layout in _pages(data):
            out: list[str] = []
            _pdfminer_text(layout, out)
            yield "".join(out)
    except Exception as exc:  # a PDF one independent reader cannot read cannot be vouched for
        raise Survivor("", "the PDF could not be read by the checking tool") from exc


def _page_texts_pdfium(data: bytes) -> Iterator[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                yield textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()


def _check_reader(pages: Iterator[str], matcher: Matcher, allowance: Allowance, reader: str) -> None:
    """A text channel: the whole document's text as one reader sees it, page by page."""
    total = Counts()
    seen_on: list[int] = []
    for number, text in enumerate(pages, start=1):
        found = matcher.counts(text)
        if found:
            total.update(found)
            seen_on.append(number)
    pages_named = ", ".join(str(n) for n in seen_on[:8]) + (" ..." if len(seen_on) > 8 else "")
    check_text_channel(total, allowance.text(), f"page(s) {pages_named}, read by {reader}")


def _strings(obj: object, out: list[str], depth: int = 0, key: str = "") -> None:
    """Every string and name in an object, and its dictionaries' keys (a custom key is free text)."""
    if depth > 20:
        return
    if isinstance(obj, pikepdf.String):
        if key not in _FONT_NAMES:
            out.append(str(obj))
    elif isinstance(obj, pikepdf.Name):
        if key not in _FONT_NAMES:
            out.append(str(obj)[1:])
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            _strings(item, out, depth + 1, key)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for name in obj.keys():  # noqa: SIM118 - pikepdf objects are not plain mappings
            out.append(name[1:])
            if name != "/Parent":
                _strings(obj[name], out, depth + 1, name)


def _content_streams(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """Streams that draw a page or a form: text a reader sees lives here, as often as on the page."""
    drawn: set[tuple[int, int]] = set()
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
            if isinstance(stream, pikepdf.Stream):
                drawn.add(stream.objgen)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
            drawn.add(obj.objgen)
    return drawn


def _stream_bytes(obj: pikepdf.Stream) -> bytes:
    """The stream decoded as far as its general filters go: a picture stays in its own encoding (JPEG,
    JPEG 2000), whose metadata segments and boxes are then plain to see, whatever filter chain wraps it."""
    try:
        return obj.read_bytes(pikepdf.StreamDecodeLevel.generalized)
    except pikepdf.PdfError:
        pass
    filters = obj.get("/Filter")
    chain = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    params = obj.get("/DecodeParms")
    params_chain = list(params) if isinstance(params, pikepdf.Array) else [params] * len(chain)
    data = obj.read_raw_bytes()
    scratch = pikepdf.new()
    for name, param in zip(chain, params_chain, strict=False):
        if str(name) not in _GENERAL_FILTERS:
            break  # a picture codec: its own segments (EXIF, XML boxes) are now in plain bytes
        step = pikepdf.Stream(scratch, data)
        step.Filter = name
        if isinstance(param, pikepdf.Dictionary):
            step.DecodeParms = scratch.copy_foreign(param)
        try:
            data = step.read_bytes()
        except pikepdf.PdfError:
            break
    return data


def _check_raw(data: bytes, matcher: Matcher, allowance: Allowance) -> None:
    """Every stream and string in the file: page content as a text channel, the rest as structure."""
    long_terms = Matcher(t for t in matcher.terms if sum(ch.isalnum() for ch in t) >= _BINARY_MIN)
    drawn_text = Counts()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        drawn = _content_streams(pdf)
        strings: list[str] = []
        _strings(pdf.trailer, strings)
        for obj in pdf.objects:
            _strings(obj, strings)
            if not isinstance(obj, pikepdf.Stream):
                continue
            if obj.get("/Type") in ("/ObjStm", "/XRef"):
                continue  # the file's own index and object containers: their objects are read one by one
            content = _stream_bytes(obj)
            if "/Length2" in obj or "/Length1" in obj or str(obj.get("/Subtype", "")) in _FONT_SUBTYPES:
                # A font program's own tables (names, notices) can hold any text: searched as binary.
                for _, text in texts(content):
                    check_structure(long_terms.counts(text), f"the font program in object {obj.objgen[0]}")
                continue
            if obj.objgen in drawn:
                drawn_text.update(matcher.counts(content.decode("latin-1")))
                continue
            # Pictures, colour profiles, CMaps: binary data holds short letter runs by chance.
            binary = obj.get("/Subtype") == "/Image" or _looks_binary(content.decode("latin-1"))
            try:
                for member, text in texts(content):
                    inside = f" ({member})" if member else ""
                    check_structure((long_terms if binary else matcher).counts(text), f"object {obj.objgen[0]}{inside}")
            except TooDeep as exc:
                raise Survivor("", f"object {obj.objgen[0]} of the file cannot be checked ({exc})") from exc
        check_structure(matcher.counts(APART.join(strings)), "a string or name in the file's structure")
    check_text_channel(drawn_text, allowance.text(), "the page content streams")


def _looks_binary(content: str) -> bool:
    sample = content[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 9 or 13 < ord(ch) < 32)
    return controls > len(sample) // 20


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


def page_count(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def verify_pdf(data: bytes, matcher: Matcher, kept: KeptText) -> None:
    if matcher:
        allowance = Allowance(matcher, kept, pages=page_count(data))
        _check_reader(_page_texts_pdfium(data), matcher, allowance, "pdfium")
        _check_reader(_page_texts_pdfminer(data), matcher, allowance, "pdfminer")
        _check_raw(data, matcher, allowance)
    _check_xray(data)
