"""Pictures are listed for a person to look at, previewed, and replaced in every output when withheld."""

from __future__ import annotations

import io
import zipfile

import docx
import pymupdf
from PIL import Image, ImageDraw

from redaction.extract import extract
from redaction.extract.pictures import picture_preview
from redaction.render import render_outputs


def _screenshot() -> bytes:
    """A picture of text, as a screenshot of messages pasted into a letter would be."""
    image = Image.new("RGB", (300, 120), "white")
    ImageDraw.Draw(image).text((10, 40), "Text from Patricia Doyle: see you", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _docx_with_pictures() -> bytes:
    document = docx.Document()
    document.add_paragraph("A screenshot follows.")
    document.add_picture(io.BytesIO(_screenshot()))
    document.add_picture(io.BytesIO(_screenshot()))  # the same picture twice is one picture to look at
    document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(_logo()))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), (20, 60, 140)).save(buffer, "PNG")
    return buffer.getvalue()


def _pdf_with_picture() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A screenshot follows.")
    page.insert_image(pymupdf.Rect(72, 100, 372, 220), stream=_screenshot())
    page.insert_image(pymupdf.Rect(72, 300, 76, 304), stream=_logo())  # a speck: not a picture to read
    return doc.tobytes()


def test_every_picture_of_a_word_document_is_listed_once_with_where_it_is() -> None:
    document = extract(_docx_with_pictures(), "letter.docx")
    assert sorted((p.location, p.width, p.height) for p in document.pictures) == [
        ("body", 300, 120),
        ("header", 60, 60),
    ]


def test_pictures_of_a_pdf_are_listed_with_their_pages_and_specks_are_not() -> None:
    document = extract(_pdf_with_picture(), "letter.pdf")
    assert [(p.location, p.width, p.height) for p in document.pictures] == [("page 1", 300, 120)]


def test_a_preview_shows_the_picture() -> None:
    for data, name in ((_docx_with_pictures(), "letter.docx"), (_pdf_with_picture(), "letter.pdf")):
        document = extract(data, name)
        body = next(p for p in document.pictures if p.width == 300)
        preview = Image.open(io.BytesIO(picture_preview(data, document.format, body.ref) or b""))
        assert preview.size == (300, 120)
    assert picture_preview(_docx_with_pictures(), "docx", "word/media/none.png") is None


def test_a_withheld_picture_is_black_and_labelled_in_the_word_output_and_others_stay() -> None:
    data = _docx_with_pictures()
    document = extract(data, "letter.docx")
    body = next(p for p in document.pictures if p.location == "body")
    (output,) = render_outputs(
        data, "letter.docx", document, [], organisation="O", formats=("docx",), withheld_pictures=[body.ref]
    )
    with zipfile.ZipFile(io.BytesIO(output.data)) as archive:
        media = [Image.open(io.BytesIO(archive.read(n))) for n in archive.namelist() if n.startswith("word/media/")]
    sizes = sorted((m.size, m.convert("L").getpixel((2, 2))) for m in media)
    logo_grey = Image.new("RGB", (1, 1), (20, 60, 140)).convert("L").getpixel((0, 0))
    assert sizes == [((60, 60), logo_grey), ((300, 120), 0)]  # the logo as it was, the screenshot black


def test_a_withheld_picture_is_painted_over_in_the_pdf_output() -> None:
    data = _pdf_with_picture()
    document = extract(data, "letter.pdf")
    (output,) = render_outputs(
        data, "letter.pdf", document, [], organisation="O", withheld_pictures=[document.pictures[0].ref]
    )
    page = pymupdf.open(stream=output.data, filetype="pdf")[0]
    pixmap = page.get_pixmap(clip=pymupdf.Rect(80, 110, 360, 210), dpi=72)
    dark = sum(1 for i in range(0, len(pixmap.samples), pixmap.n) if pixmap.samples[i] < 60)
    assert dark > 0.9 * pixmap.width * pixmap.height
    assert "Picture withheld" in page.get_text()
