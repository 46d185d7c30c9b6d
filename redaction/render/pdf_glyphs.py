"""Every glyph a PDF page draws, with what it takes to draw that same glyph again somewhere else.

Uniform redaction boxes mean moving the rest of a line sideways. Moving means removing glyphs and
drawing them again, and drawing them again with the original font object, character codes and text
rendering matrix is the only way to keep the very same shapes, the font, and a text layer that
extracts exactly as before. pdfminer (already the independent extractor) walks the content streams,
Form XObjects included, and hands over each glyph's code, font object and matrix in PDF user space.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pdfminer.cmapdb import IdentityCMap, IdentityCMapByte
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFTextDevice, PDFTextSeq
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFCIDFont, PDFFont
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFException
from pdfminer.psexceptions import PSException
from pdfminer.utils import Matrix, mult_matrix

Colour = tuple[float, ...]
_IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
# pdfminer logs every odd operator it meets at WARNING; the glyphs it does find are what matter here.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Glyph:
    """One drawn glyph. `matrix` maps glyph space (font size 1) to PDF user space; (e, f) is its origin."""

    code: bytes | None  # None: the font's encoding cannot be written back byte for byte
    font: int | None  # the font's object number; None for a direct (unnumbered) font dictionary
    matrix: Matrix
    advance: float  # width in user space along the baseline
    mode: int  # text rendering mode
    fill: Colour
    stroke: Colour
    line_width: float

    @property
    def x(self) -> float:
        return self.matrix[4]

    @property
    def y(self) -> float:
        return self.matrix[5]

    @property
    def centre(self) -> float:
        return self.matrix[4] + self.advance / 2

    @property
    def size(self) -> float:
        return abs(self.matrix[3])

    @property
    def upright(self) -> bool:
        a, b, _, d, _, _ = self.matrix
        return a > 0 and d > 0 and abs(b) < 1e-6

    @property
    def redrawable(self) -> bool:
        return self.code is not None and self.font is not None and self.upright

    def moved(self, x: float, squeeze: float = 1.0) -> Glyph:
        a, b, c, d, _, f = self.matrix
        return replace(self, matrix=(a * squeeze, b, c, d, x, f), advance=self.advance * squeeze)


def _colour(value: object, space: PDFColorSpace | None) -> Colour:
    values = value if isinstance(value, (list, tuple)) else (value,)
    numbers = tuple(float(v) for v in values if isinstance(v, (int, float)))
    if len(numbers) in (1, 3, 4):
        return numbers
    # Patterns and other spaces pdfminer does not evaluate: draw in the space's component count, black.
    components = space.ncomponents if space is not None else 1
    return (0.0, 0.0, 0.0, 1.0) if components == 4 else (0.0,) * (3 if components == 3 else 1)


def _code(font: PDFFont, cid: int) -> bytes | None:
    if not font.is_multibyte():
        return bytes([cid]) if 0 <= cid < 256 else None
    cmap = getattr(font, "cmap", None) if isinstance(font, PDFCIDFont) else None
    if isinstance(cmap, IdentityCMapByte):
        return bytes([cid]) if 0 <= cid < 256 else None
    if isinstance(cmap, IdentityCMap):  # Identity-H: the code is the CID, two bytes
        return cid.to_bytes(2, "big") if 0 <= cid < 65536 else None
    return None  # another CMap: which bytes made this CID is not kept by pdfminer


class _FontNumbers(PDFResourceManager):
    """pdfminer's resource manager, remembering which object each font came from."""

    def __init__(self) -> None:
        super().__init__(caching=True)
        self.numbers: dict[int, int] = {}

    def get_font(self, objid: object, spec: object) -> PDFFont:
        font = super().get_font(objid, spec)  # type: ignore[arg-type]
        if isinstance(objid, int):
            self.numbers[id(font)] = objid
        return font


class _GlyphRecorder(PDFTextDevice):
    def __init__(self, fonts: _FontNumbers) -> None:
        super().__init__(fonts)
        self.fonts = fonts
        self.glyphs: list[Glyph] = []
        self._mode = 0
        self._fill: Colour = (0.0,)
        self._stroke: Colour = (0.0,)
        self._line_width = 1.0

    def render_string(
        self, textstate: PDFTextState, seq: PDFTextSeq, ncs: PDFColorSpace, graphicstate: PDFGraphicState
    ) -> None:
        # Mode and colours hold for the whole string: worked out once here, not once per glyph.
        self._mode = int(textstate.render)
        self._fill = _colour(graphicstate.ncolor, graphicstate.ncs)
        self._stroke = _colour(graphicstate.scolor, graphicstate.scs)
        self._line_width = float(graphicstate.linewidth)
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        advance = font.char_width(cid) * fontsize * scaling
        self.glyphs.append(
            Glyph(
                code=_code(font, cid),
                font=self.fonts.numbers.get(id(font)),
                matrix=mult_matrix((fontsize * scaling, 0, 0, fontsize, 0, rise), matrix),
                advance=advance * abs(matrix[0]),
                mode=self._mode,
                fill=self._fill,
                stroke=self._stroke,
                line_width=self._line_width,
            )
        )
        return advance


class PageGlyphs:
    """Reads one page's glyphs at a time (a long PDF's glyphs all at once would take ~2 MB a page)."""

    def __init__(self, data: bytes) -> None:
        self._fonts = _FontNumbers()
        try:
            self._pages: list[PDFPage] = list(PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))))
        except (PDFException, PSException, ValueError, TypeError, KeyError):
            self._pages = []  # pdfminer cannot follow this file: no glyph can be moved, no line reflowed

    def read(self, number: int) -> list[Glyph] | None:
        """The glyphs of 1-based page `number` in drawing order, in PDF user space; None if unreadable."""
        if not 1 <= number <= len(self._pages):
            return None
        page = self._pages[number - 1]
        recorder = _GlyphRecorder(self._fonts)
        try:
            PDFPageInterpreter(self._fonts, recorder).render_contents(page.resources, page.contents, ctm=_IDENTITY)
        except (PDFException, PSException, ValueError, TypeError, KeyError):
            return None
        return recorder.glyphs


def font_resource(font: int) -> str:
    """The name under which a moved glyph's font is listed in the page's resources."""
    return f"ClrF{font}"


def _colour_op(colour: Colour, stroke: bool) -> str:
    op = {1: "g", 3: "rg", 4: "k"}[len(colour)]
    return " ".join(f"{c:.4f}" for c in colour) + " " + (op.upper() if stroke else op)


def drawing_ops(glyphs: Sequence[Glyph]) -> bytes:
    """A self-contained content stream drawing each glyph with its own font, matrix, mode and colour."""
    ops = ["q", "BT"]
    for glyph in glyphs:
        assert glyph.code is not None and glyph.font is not None
        mode = glyph.mode % 4  # clipping modes (4-7) drop the clip: the clip path ended with the line
        matrix = " ".join(f"{v:.4f}" for v in glyph.matrix)
        ops.append(f"/{font_resource(glyph.font)} 1 Tf {mode} Tr {_colour_op(glyph.fill, False)}")
        if mode in (1, 2):
            ops.append(f"{_colour_op(glyph.stroke, True)} {glyph.line_width:.4f} w")
        ops.append(f"{matrix} Tm <{glyph.code.hex()}> Tj")
    ops += ["ET", "Q"]
    return "\n".join(ops).encode("ascii")
