"""Picture metadata is dropped without touching a pixel; files it does not understand pass unchanged."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from redaction.render.image_metadata import strip_image, strip_jpeg, strip_png
from tests.redaction.render.render_fixtures_docx import NAME, photo_with_exif


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_metadata_naming_a_person_is_gone_and_the_pixels_are_identical(kind):
    original = photo_with_exif(kind)
    assert NAME.encode() in original
    stripped = strip_image(original)
    assert NAME.encode() not in stripped
    before, after = Image.open(io.BytesIO(original)), Image.open(io.BytesIO(stripped))
    assert after.size == before.size and after.tobytes() == before.tobytes()
    assert not after.getexif() and "comment" not in after.info and "Author" not in after.info


def test_the_jpeg_entropy_coded_data_is_kept_byte_for_byte():
    original = photo_with_exif("JPEG")
    scan = original.index(b"\xff\xda")
    assert strip_jpeg(original).endswith(original[scan:])


@pytest.mark.parametrize("data", [b"", b"\xff\xd8\x00garbage", b"\xff\xd8\xff\xe1\xff\xff", b"GIF89a...."])
def test_input_that_is_not_understood_is_returned_unchanged(data):
    assert strip_image(data) == data
    assert strip_jpeg(data) == data


def test_a_truncated_png_is_returned_unchanged():
    truncated = photo_with_exif("PNG")[:60]
    assert strip_png(truncated) == truncated
