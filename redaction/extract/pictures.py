"""Pictures in a DOCX or PDF: listed for a person to look at, and shown to them as a preview.

Text drawn as pixels (a scan, a screenshot of messages pasted into a letter, a photographed note) is
invisible to extraction and so to detection. Every picture is therefore listed, once however often it
is used, and nothing can be approved until someone has looked at each (see the review workflow).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator

from defusedxml import ElementTree as SafeET

from redaction.errors import UnreadableFile
from redaction.pixels import decode, encode
from redaction.types import Picture

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_STORY = {
    "document.xml": "body",
    "header": "header",
    "footer": "footer",
    "footnotes.xml": "footnote",
    "endnotes.xml": "endnote",
}
# A PDF picture smaller than this (in points, each side) is a rule, a bullet or a speck, not a picture
# that could hold readable text.
_PDF_MIN_SIDE = 12.0
PREVIEW_PIXELS = 900


def _story_location(name: str) -> str | None:
    if not name.startswith("word/") or "/" in name[5:]:
        return None
    base = name[5:]
    return next((where for prefix, where in _STORY.items() if base.startswith(prefix)), None)


def _docx_rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels not in archive.namelist():
        return {}
    targets = {}
    for rel in SafeET.fromstring(archive.read(rels)).iter(_REL):
        if rel.get("TargetMode") != "External" and rel.get("Type", "").endswith("/image"):
            targets[rel.get("Id", "")] = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
    return targets


def _docx_pictures(data: bytes) -> Iterator[Picture]:
    seen: set[str] = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            where = _story_location(name)
            if where is None:
                continue
            targets = _docx_rels(archive, name)
            if not targets:
                continue
            root = SafeET.fromstring(archive.read(name))
            ids = [e.get(f"{_R}embed") for e in root.iter(_BLIP)] + [e.get(f"{_R}id") for e in root.iter(_IMAGEDATA)]
            for rel_id in ids:
                target = targets.get(rel_id or "")
                if target and target not in seen and target in archive.namelist():
                    seen.add(target)
                    image = decode(archive.read(target))
                    size = (image.width, image.height) if image is not None else (0, 0)
                    yield Picture(ref=target, location=where, width=size[0], height=size[1])


def _page_list(pages: list[int]) -> str:
    if len(pages) == 1:
        return f"page {pages[0]}"
    if pages == list(range(pages[0], pages[-1] + 1)):
        return f"pages {pages[0]}-{pages[-1]}"
    return "pages " + ", ".join(str(p) for p in pages)


def _pdf_pictures(data: bytes, skip_pages: set[int]) -> Iterator[Picture]:
    import pymupdf  # only PDFs need it, and it is slow to import

    doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        pages_of: dict[int, list[int]] = {}
        sizes: dict[int, tuple[int, int]] = {}
        for page in doc:
            number = page.number + 1
            if number in skip_pages:
                continue  # a page without a text layer is read by a person whole (attestation)
            for image in page.get_images(full=True):
                xref = image[0]
                rects = page.get_image_rects(xref)
                if not any(r.width >= _PDF_MIN_SIDE and r.height >= _PDF_MIN_SIDE for r in rects):
                    continue
                pages_of.setdefault(xref, []).append(number)
                sizes[xref] = (image[2], image[3])
        for xref, pages in pages_of.items():
            width, height = sizes[xref]
            yield Picture(ref=f"xref:{xref}", location=_page_list(sorted(set(pages))), width=width, height=height)
    finally:
        doc.close()


def list_pictures(data: bytes, fmt: str, *, skip_pages: set[int] | None = None) -> tuple[Picture, ...]:
    """Every picture in a DOCX or PDF (TXT has none)."""
    try:
        if fmt == "docx":
            return tuple(_docx_pictures(data))
        if fmt == "pdf":
            return tuple(_pdf_pictures(data, skip_pages or set()))
    except (zipfile.BadZipFile, KeyError, RuntimeError, ValueError) as exc:
        raise UnreadableFile("The pictures in the document cannot be read.") from exc
    return ()


def picture_preview(data: bytes, fmt: str, ref: str) -> bytes | None:
    """A PNG of one picture, at most PREVIEW_PIXELS on its longer side, for a person to look at."""
    raw: bytes | None = None
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if ref in archive.namelist():
                raw = archive.read(ref)
    elif fmt == "pdf" and ref.startswith("xref:") and ref[5:].isdigit():
        import pymupdf  # only PDFs need it, and it is slow to import

        doc = pymupdf.open(stream=data, filetype="pdf")
        try:
            pixmap = pymupdf.Pixmap(doc, int(ref[5:]))
            if pixmap.n - pixmap.alpha not in (1, 3):
                pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
            raw = pixmap.tobytes("png")
        except (RuntimeError, ValueError):
            raw = None
        finally:
            doc.close()
    image = decode(raw) if raw else None
    if image is None:
        return None
    image.thumbnail((PREVIEW_PIXELS, PREVIEW_PIXELS))
    return encode(image, photo=False).data
