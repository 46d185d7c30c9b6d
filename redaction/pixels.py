"""Pictures re-encoded from their pixels: nothing of the original file but what it shows survives.

A pasted photo or scan can carry its owner's name, a caption, GPS coordinates or editing history in
EXIF, XMP, IPTC, ICC profile descriptions, PNG text chunks, JPEG 2000 XML boxes, or in bytes after the
end of the image. Rather than knowing every such place, the picture is decoded to pixels and written
anew: JPEG photos as JPEG (so a photo does not grow tenfold), everything else as PNG. Colour profiles are
applied, not carried: pixels are converted to sRGB (or kept grey or CMYK).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

# A real letter's picture is a few megapixels; a decompression bomb claims billions.
MAX_PIXELS = 80_000_000
_JPEG_QUALITY = 92
_DECODE_ERRORS = (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError, EOFError)


@dataclass(frozen=True)
class Picture:
    """A picture written anew from pixels."""

    data: bytes
    extension: str  # "png" or "jpeg"
    content_type: str
    width: int
    height: int


def _to_srgb(image: Image.Image) -> Image.Image:
    """Apply an embedded colour profile to the pixels, so dropping the profile does not change colours."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode) or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def decode(data: bytes) -> Image.Image | None:
    """The first frame of a picture as pixels, upright, or None when it cannot be decoded safely."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                return None
            image.seek(0)
            image.load()
            image = ImageOps.exif_transpose(image) or image
    except (*_DECODE_ERRORS, Image.DecompressionBombWarning):
        return None
    return _to_srgb(image)


def encode(image: Image.Image, *, photo: bool) -> Picture:
    """Write pixels as a fresh file: no metadata, no profile, no trailing bytes."""
    if image.mode not in ("1", "L", "LA", "RGB", "RGBA", "CMYK", "P"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    # Pillow writes some of the decoded file's info back (JPEG comments, EXIF, profiles): none of it goes.
    image.info = {"transparency": image.info["transparency"]} if "transparency" in image.info else {}
    buffer = io.BytesIO()
    if photo and image.mode in ("L", "RGB", "CMYK"):
        image.save(buffer, "JPEG", quality=_JPEG_QUALITY, optimize=True)
        return Picture(buffer.getvalue(), "jpeg", "image/jpeg", image.width, image.height)
    if image.mode == "CMYK":
        image = image.convert("RGB")
    image.save(buffer, "PNG", optimize=False)
    return Picture(buffer.getvalue(), "png", "image/png", image.width, image.height)


def reencode(data: bytes) -> Picture | None:
    """The picture written anew from its pixels, or None when it is not a picture Pillow can decode
    (EMF, WMF, SVG, damaged files): the caller must then replace it, never keep it."""
    image = decode(data)
    if image is None:
        return None
    return encode(image, photo=data[:2] == b"\xff\xd8")


def placeholder(width: int = 400, height: int = 300) -> Picture:
    """A plain grey picture with a cross, standing in for a picture that could not be checked."""
    width, height = max(8, min(width, 2000)), max(8, min(height, 2000))
    image = Image.new("L", (width, height), 200)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), outline=90, width=3)
    draw.line((0, 0, width - 1, height - 1), fill=90, width=3)
    draw.line((0, height - 1, width - 1, 0), fill=90, width=3)
    return encode(image, photo=False)


WITHHELD_LABEL = "Picture withheld"


def withheld(width: int, height: int) -> Picture:
    """A black picture of the same size, labelled in white: what a family sees of a withheld picture."""
    width, height = max(16, min(width or 400, 4000)), max(16, min(height or 300, 4000))
    image = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(image)
    size = max(8, min(height // 4, width // 10))
    font = ImageFont.load_default(size=size)
    left, top, right, bottom = draw.textbbox((0, 0), WITHHELD_LABEL, font=font)
    draw.text(((width - (right - left)) / 2, (height - (bottom - top)) / 2), WITHHELD_LABEL, fill=255, font=font)
    return encode(image, photo=False)
