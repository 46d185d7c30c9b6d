"""Pictures are written anew from their pixels: what they show stays, nothing else of the file does."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image, ImageCms

from redaction.pixels import MAX_PIXELS, placeholder, reencode
from redaction.render.pdf_rebuild import rebuild_pdf
from tests.redaction.render.render_fixtures_docx import NAME, photo_with_exif


def test_a_png_keeps_every_pixel_and_loses_its_text_chunks() -> None:
    original = photo_with_exif("PNG")
    assert NAME.encode() in original
    picture = reencode(original)
    assert picture is not None and picture.extension == "png"
    assert NAME.encode() not in picture.data
    before, after = Image.open(io.BytesIO(original)), Image.open(io.BytesIO(picture.data))
    assert after.tobytes() == before.convert(after.mode).tobytes() and not after.info.get("Author")


def test_a_jpeg_photo_stays_a_jpeg_that_looks_the_same_without_exif_or_comment() -> None:
    original = photo_with_exif("JPEG")
    picture = reencode(original)
    assert picture is not None and picture.extension == "jpeg"
    assert NAME.encode() not in picture.data and b"Exif" not in picture.data
    after = Image.open(io.BytesIO(picture.data))
    assert not after.getexif() and "comment" not in after.info
    assert max(abs(a - b) for a, b in zip(after.getpixel((20, 10)), (60, 120, 200), strict=True)) <= 3


def test_a_colour_profile_is_applied_to_the_pixels_and_not_carried() -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 200, 30)).save(buffer, "PNG", icc_profile=profile)
    picture = reencode(buffer.getvalue())
    assert picture is not None and "icc_profile" not in Image.open(io.BytesIO(picture.data)).info


def test_trailing_bytes_after_the_picture_are_gone() -> None:
    tail = f"hidden note about {NAME}".encode()
    picture = reencode(photo_with_exif("PNG") + tail)
    assert picture is not None and tail not in picture.data


@pytest.mark.parametrize("data", [b"", b"not a picture", b"\x01\x00\x00\x00EMF records", b"<svg>Patricia</svg>"])
def test_what_pillow_cannot_decode_is_reported_so_the_caller_replaces_it(data: bytes) -> None:
    assert reencode(data) is None
    assert Image.open(io.BytesIO(placeholder(120, 80).data)).size == (120, 80)


def test_a_decompression_bomb_is_not_decoded() -> None:
    side = int(MAX_PIXELS**0.5) + 100
    buffer = io.BytesIO()
    Image.new("1", (side, side)).save(buffer, "PNG")
    assert reencode(buffer.getvalue()) is None


def _pdf_with_image(stream_data: bytes, filters: list[str], **extra: object) -> bytes:
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, stream_data)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 40, 20, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    image.Filter = pikepdf.Array([pikepdf.Name(f) for f in filters])
    for key, value in extra.items():
        image[f"/{key}"] = value
    content = pikepdf.Stream(pdf, b"q 200 0 0 100 50 600 cm /Im0 Do Q")
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Contents=content,
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
    )
    pdf.pages.append(pikepdf.Page(page))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_a_jpeg_behind_a_filter_chain_in_a_pdf_is_decoded_and_written_anew() -> None:
    import zlib

    jpeg = photo_with_exif("JPEG")
    data = _pdf_with_image(zlib.compress(jpeg), ["/FlateDecode", "/DCTDecode"])
    rebuilt = rebuild_pdf(data)
    with pikepdf.open(io.BytesIO(rebuilt)) as pdf:
        (image,) = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        assert image.Filter == "/DCTDecode"
        raw = image.read_raw_bytes()
        assert raw.startswith(b"\xff\xd8") and NAME.encode() not in raw and b"Exif" not in raw
        assert pikepdf.PdfImage(image).as_pil_image().size == (40, 20)


def test_a_pdf_page_keeps_what_draws_it_and_nothing_else() -> None:
    import zlib

    pixels = bytes([90, 20, 160]) * 800
    data = _pdf_with_image(zlib.compress(pixels + NAME.encode()), ["/FlateDecode"], Metadata=pikepdf.String(NAME))
    rebuilt = rebuild_pdf(data)
    with pikepdf.open(io.BytesIO(rebuilt)) as pdf:
        (image,) = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        assert image.read_bytes() == pixels and "/Metadata" not in image
        assert set(pdf.Root.keys()) == {"/Type", "/Pages"}
