"""Lay redacted text out as an A4 PDF: black boxes with a white reason label, text selectable.

The redacted characters are never handed to reportlab, so they cannot be in the file at all.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from redaction.render.spans import merge_redactions
from redaction.types import Redaction

_MARGIN = 56.0
_FONT_SIZE = 10.0
_LABEL_SIZE = 7.0
_LEADING = 14.0
_BOX_PAD = 3.0
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)


@lru_cache(maxsize=1)
def _font() -> str:
    """A Unicode TrueType font (names like Paweł need it); reportlab's bundled Vera as the fallback."""
    import reportlab

    candidates = [*_FONT_CANDIDATES, str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")]
    for path in candidates:
        if Path(path).is_file():
            try:
                pdfmetrics.registerFont(TTFont("ClearanceSans", path))
                return "ClearanceSans"
            except Exception:  # noqa: S112 - a broken font file: try the next one
                continue
    return "Helvetica"


@dataclass(frozen=True)
class _Item:
    kind: str  # "word", "space", "box", "newline"
    text: str


def _items(text: str, redactions: Sequence[Redaction]) -> Iterator[_Item]:
    pos = 0
    for block in merge_redactions(len(text), redactions):
        yield from _text_items(text[pos : block.start])
        yield _Item("box", block.label)
        pos = block.end
    yield from _text_items(text[pos:])


def _text_items(chunk: str) -> Iterator[_Item]:
    word: list[str] = []
    for ch in chunk.replace("\r\n", "\n").replace("\t", "    "):
        if ch == "\n" or ch == " ":
            if word:
                yield _Item("word", "".join(word))
                word = []
            yield _Item("newline" if ch == "\n" else "space", ch)
        elif ch.isprintable():
            word.append(ch)
    if word:
        yield _Item("word", "".join(word))


def _width(item: _Item, font: str) -> float:
    if item.kind == "box":
        return pdfmetrics.stringWidth(item.text, font, _LABEL_SIZE) + 2 * _BOX_PAD
    return pdfmetrics.stringWidth(item.text, font, _FONT_SIZE)


def _wrap(items: list[_Item], font: str, usable: float) -> Iterator[list[_Item]]:
    """Greedy word wrap; explicit newlines always break; leading spaces of wrapped lines dropped."""
    line: list[_Item] = []
    used = 0.0
    for item in items:
        if item.kind == "newline":
            yield line
            line, used = [], 0.0
            continue
        w = _width(item, font)
        if used + w > usable and line:
            if item.kind == "space":
                continue
            yield line
            line, used = [], 0.0
        line.append(item)
        used += w
    yield line


def _draw_line(pdf: canvas.Canvas, line: list[_Item], font: str, x: float, y: float) -> None:
    # Consecutive words go out as one string so the text layer reads naturally when copied.
    run: list[str] = []

    def flush() -> None:
        nonlocal x, run
        if run:
            chunk = "".join(run)
            pdf.setFont(font, _FONT_SIZE)
            pdf.drawString(x, y, chunk)
            x += pdfmetrics.stringWidth(chunk, font, _FONT_SIZE)
            run = []

    for item in line:
        if item.kind != "box":
            run.append(item.text)
            continue
        flush()
        w = _width(item, font)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(x, y - 3, w, _LEADING - 2, stroke=0, fill=1)
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont(font, _LABEL_SIZE)
        pdf.drawString(x + _BOX_PAD, y + 0.5, item.text)
        pdf.setFillColorRGB(0, 0, 0)
        x += w
    flush()


def text_to_pdf(text: str, redactions: Sequence[Redaction], *, title: str) -> bytes:
    """A readable A4 PDF of `text` with every redaction drawn as a labelled black box."""
    font = _font()
    width, height = A4
    usable = width - 2 * _MARGIN
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor("")
    pdf.setCreator("Clearance")
    pdf.setSubject("")
    y = height - _MARGIN
    for line in _wrap(list(_items(text, redactions)), font, usable):
        if y < _MARGIN:
            pdf.showPage()
            y = height - _MARGIN
        _draw_line(pdf, line, font, _MARGIN, y)
        y -= _LEADING
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
