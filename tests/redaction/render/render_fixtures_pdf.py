"""PDFs that hide a third party's name in one place each (reportlab, then pikepdf / PyMuPDF for the rest)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
import pymupdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.redaction.render.render_fixtures_docx import FAMILY, NAME, ORDINARY, photo_with_exif

Draw = Callable[[canvas.Canvas], None]


def _pdf(draw: Draw | None = None, *, info: bool = False, outline: bool = False, form: bool = False) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if info:
        pdf.setAuthor(NAME)
        pdf.setTitle(f"Notes on {NAME}")
        pdf.setSubject(NAME)
        pdf.setKeywords(NAME)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 780, f"Report about {FAMILY} and her children.")
    pdf.drawString(72, 760, ORDINARY)
    if outline:
        pdf.bookmarkPage("p1")
        pdf.addOutlineEntry(f"Call from {NAME}", "p1", level=0)
    if form:
        pdf.acroForm.textfield(name="referrer", value=NAME, x=72, y=600, width=200, height=20, tooltip=NAME)
    if draw is not None:
        draw(pdf)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _text(x: float, y: float, text: str, size: float = 12) -> Draw:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, y, text)

    return draw


def _glyph_by_glyph(pdf: canvas.Canvas) -> None:
    pdf.drawString(72, 700, "Seen with")
    x = 130.0
    for ch in NAME:
        # One text object per glyph, as some producers write them: no string holds the name.
        pdf.drawString(x, 700, ch)
        x += pdf.stringWidth(ch, "Helvetica", 12)
    pdf.drawString(x + 4, 700, "at the park.")


def _white(pdf: canvas.Canvas) -> None:
    pdf.setFillColorRGB(1, 1, 1)
    pdf.drawString(72, 700, f"Hidden note: {NAME}")
    pdf.setFillColorRGB(0, 0, 0)


def _clipped(pdf: canvas.Canvas) -> None:
    pdf.saveState()
    path = pdf.beginPath()
    path.rect(72, 690, 30, 5)
    pdf.clipPath(path, stroke=0, fill=0)
    pdf.drawString(72, 700, f"Clipped: {NAME}")
    pdf.restoreState()


def _render_mode_3(pdf: canvas.Canvas) -> None:
    text = pdf.beginText(72, 700)
    text.setTextRenderMode(3)
    text.textLine(f"OCR layer: {NAME}")
    pdf.drawText(text)


def _over_image(pdf: canvas.Canvas) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (200, 40), (220, 30, 30))
    pdf.drawImage(ImageReader(image), 72, 690, width=200, height=40)
    pdf.drawString(80, 705, NAME)


def _jpeg_with_exif(pdf: pikepdf.Pdf) -> None:
    """A JPEG image stream (passed through by PDF as is) whose EXIF and comment name the third party."""
    from PIL import Image

    jpeg = photo_with_exif("JPEG")
    width, height = Image.open(io.BytesIO(jpeg)).size
    image = pikepdf.Stream(pdf, jpeg)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = width, height, 8
    image.ColorSpace, image.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
    page = pdf.pages[0]
    page.Resources.XObject = pikepdf.Dictionary(Photo=image)
    page.contents_add(pikepdf.Stream(pdf, b"q 80 0 0 40 72 600 cm /Photo Do Q"))


def _with_fitz(data: bytes, change: Callable[[pymupdf.Document], None]) -> bytes:
    doc = pymupdf.open(stream=data, filetype="pdf")
    change(doc)
    out = doc.tobytes()
    doc.close()
    return out


def _with_pikepdf(data: bytes, change: Callable[[pikepdf.Pdf], None]) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _annotation(doc: pymupdf.Document) -> None:
    page = doc[0]
    page.add_text_annot((300, 300), f"Check with {NAME}")
    page.add_freetext_annot(pymupdf.Rect(300, 400, 500, 430), f"{NAME} to call back")


def _attachment(doc: pymupdf.Document) -> None:
    doc.embfile_add("referrer.txt", f"Referrer: {NAME}".encode(), filename="referrer.txt", desc=NAME)


def _xmp(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [NAME]
        meta["dc:title"] = f"Notes on {NAME}"


def _javascript(pdf: pikepdf.Pdf) -> None:
    action = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{NAME}');"))
    )
    pdf.Root.OpenAction = action
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("hello"), action]))
    )


def _actual_text(pdf: pikepdf.Pdf) -> None:
    page = pdf.pages[0]
    extra = f"/Span <</ActualText ({NAME})>> BDC BT /F1 12 Tf 72 650 Td (Someone) Tj ET EMC".encode()
    page.contents_add(pdf.make_stream(extra), prepend=False)


PDF_PLACES: dict[str, Callable[[], bytes]] = {
    "body": lambda: _pdf(_text(72, 700, f"The neighbour, {NAME}, called.")),
    "glyph_by_glyph": lambda: _pdf(_glyph_by_glyph),
    "document_info": lambda: _pdf(_text(72, 700, "Plain."), info=True),
    "xmp_metadata": lambda: _with_pikepdf(_pdf(_text(72, 700, "Plain.")), _xmp),
    "annotation": lambda: _with_fitz(_pdf(_text(72, 700, "Plain.")), _annotation),
    "outline": lambda: _pdf(_text(72, 700, "Plain."), outline=True),
    "form_field": lambda: _pdf(_text(72, 700, "Plain."), form=True),
    "attachment": lambda: _with_fitz(_pdf(_text(72, 700, "Plain.")), _attachment),
    "javascript": lambda: _with_pikepdf(_pdf(_text(72, 700, "Plain.")), _javascript),
    "white_text": lambda: _pdf(_white),
    "tiny_text": lambda: _pdf(_text(72, 700, f"Tiny: {NAME}", size=0.4)),
    "off_page_text": lambda: _pdf(_text(-900, 700, f"Off the page: {NAME}")),
    "clipped_text": lambda: _pdf(_clipped),
    "render_mode_3": lambda: _pdf(_render_mode_3),
    "over_image": lambda: _pdf(_over_image),
    "marked_content": lambda: _with_pikepdf(_pdf(_text(72, 700, "Plain.")), _actual_text),
    "image_exif": lambda: _with_pikepdf(_pdf(_text(72, 700, "Plain.")), _jpeg_with_exif),
}

# Places with no trace of the name in the extracted text: only sanitising can clear them.
STRUCTURAL = (
    "document_info",
    "xmp_metadata",
    "annotation",
    "outline",
    "form_field",
    "attachment",
    "javascript",
    "marked_content",
    "image_exif",
)
# Invisible text the sanitiser removes even when nothing was marked.
INVISIBLE = ("white_text", "tiny_text", "off_page_text", "render_mode_3", "clipped_text")
