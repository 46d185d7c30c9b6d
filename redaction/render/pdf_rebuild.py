"""A PDF output rebuilt by allowlist: pages, their content, fonts and pictures, and nothing else.

The redacted pages are copied into a new, empty PDF, so the catalogue (outlines, forms, names,
attachments, optional-content groups, page labels, output intents, structure tree, XMP) is never
copied at all. Each page keeps only what draws it; its resources keep only fonts, pictures, forms,
graphics states, colour spaces, patterns and shadings. Pictures are decoded whatever their filter chain
and written anew from pixels, so no EXIF, XMP or JPEG 2000 box survives; ICC colour profiles (whose
description is free text) give way to the device colour space with the same number of components.
"""

from __future__ import annotations

import io
import logging
import zlib

import pikepdf
from PIL import Image

from redaction.errors import UnreadableFile
from redaction.pixels import decode, encode
from redaction.render.pdf_content import (
    clean_cmap,
    clean_graphics_state,
    drop_marked_content,
    neutral_colorants,
    neutral_font_names,
)

logger = logging.getLogger(__name__)

_PAGE_KEEP = {
    "/Type",
    "/Parent",
    "/MediaBox",
    "/CropBox",
    "/BleedBox",
    "/TrimBox",
    "/ArtBox",
    "/Rotate",
    "/UserUnit",
    "/Resources",
    "/Contents",
    "/Group",
}
_RESOURCE_KEEP = {"/Font", "/XObject", "/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/ProcSet"}
# Entries of a form, picture or font that describe it rather than draw it.
_DESCRIPTIVE = (
    "/Metadata",
    "/PieceInfo",
    "/LastModified",
    "/OC",
    "/OPI",
    "/StructParent",
    "/StructParents",
    "/Ref",
    "/Name",
    "/Alternates",
    "/Measure",
    "/PtData",
    "/ID",
    "/Interpolate",
)
_GENERAL = ("/FlateDecode", "/LZWDecode", "/ASCII85Decode", "/ASCIIHexDecode", "/RunLengthDecode")
_DEVICE = {1: pikepdf.Name.DeviceGray, 3: pikepdf.Name.DeviceRGB, 4: pikepdf.Name.DeviceCMYK}
_COMPONENTS = {"/DeviceGray": 1, "/CalGray": 1, "/DeviceRGB": 3, "/CalRGB": 3, "/Lab": 3, "/DeviceCMYK": 4}


def _filters(obj: pikepdf.Stream) -> list[str]:
    value = obj.get("/Filter")
    if value is None:
        return []
    return [str(f) for f in value] if isinstance(value, pikepdf.Array) else [str(value)]


def _device_for(space: object) -> object:
    """An ICC-based colour space becomes the device space with as many components; others stay."""
    if isinstance(space, pikepdf.Array) and len(space) == 2 and space[0] == "/ICCBased":
        profile = space[1]
        components = int(profile.get("/N", 3)) if isinstance(profile, pikepdf.Stream) else 3
        return _DEVICE.get(components, pikepdf.Name.DeviceRGB)
    if isinstance(space, pikepdf.Array) and len(space) >= 2 and space[0] in ("/Indexed", "/Separation", "/DeviceN"):
        position = 1 if space[0] == "/Indexed" else 2
        space[position] = _device_for(space[position])
    return space


def _components(space: object) -> int | None:
    if isinstance(space, pikepdf.Name):
        return _COMPONENTS.get(str(space))
    if isinstance(space, pikepdf.Array) and len(space) >= 1:
        kind = str(space[0])
        if kind in ("/Indexed", "/Separation"):
            return 1
        if kind == "/DeviceN" and len(space) >= 2 and isinstance(space[1], pikepdf.Array):
            return len(space[1])
        return _COMPONENTS.get(kind)
    return None


def _write_flate(obj: pikepdf.Stream, data: bytes) -> None:
    obj.write(zlib.compress(data), filter=pikepdf.Name.FlateDecode)
    if "/DecodeParms" in obj:
        del obj["/DecodeParms"]


def _reencode_pixels(obj: pikepdf.Stream) -> None:
    """Raw pixel data (any general filter chain): decoded, cut to the pixels the picture needs, compressed anew."""
    data = obj.read_bytes()
    width, height = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
    bits = 1 if obj.get("/ImageMask") else int(obj.get("/BitsPerComponent", 8))
    components = 1 if obj.get("/ImageMask") else _components(obj.get("/ColorSpace"))
    if width > 0 and height > 0 and components:
        data = data[: ((width * components * bits + 7) // 8) * height]
    _write_flate(obj, data)


def _reencode_coded(obj: pikepdf.Stream, chain: list[str]) -> None:
    """A JPEG or JPEG 2000 picture: decoded to pixels with Pillow and written anew."""
    coded = obj.read_raw_bytes()
    scratch = pikepdf.new()
    for name in chain:
        if name not in _GENERAL:
            break
        step = pikepdf.Stream(scratch, coded)
        step.Filter = pikepdf.Name(name)
        coded = step.read_bytes()
    image = decode(coded)
    if image is None:
        raise UnreadableFile("A picture in the PDF cannot be read, so it cannot be checked.")
    jpeg = "/DCTDecode" in chain
    if jpeg and image.mode in ("L", "RGB"):
        picture = encode(image, photo=True)
        obj.write(picture.data, filter=pikepdf.Name.DCTDecode)
        obj.ColorSpace = _DEVICE[1 if image.mode == "L" else 3]
        obj.BitsPerComponent = 8
        for key in ("/DecodeParms", "/Decode"):
            if key in obj:
                del obj[key]
        return
    _write_decoded(obj, image)


def _write_decoded(obj: pikepdf.Stream, image: Image.Image) -> None:
    alpha = None
    if image.mode in ("LA", "RGBA", "PA", "P", "1", "I", "I;16", "F"):
        if "A" in image.getbands():
            alpha = image.getchannel("A")
        image = image.convert("RGB" if image.mode in ("RGBA", "P", "PA") else "L")
    components = {"L": 1, "RGB": 3, "CMYK": 4}.get(image.mode)
    if components is None:
        image, components = image.convert("RGB"), 3
    _write_flate(obj, image.tobytes())
    obj.Width, obj.Height, obj.BitsPerComponent = image.width, image.height, 8
    obj.ColorSpace = _DEVICE[components]
    # Pillow has applied any inversion (Adobe CMYK JPEGs) to the pixels; a /Decode array would undo it.
    for key in ("/SMaskInData", "/Decode"):
        if key in obj:
            del obj[key]
    if alpha is not None and "/SMask" not in obj:
        owner: pikepdf.Pdf = obj.owner  # type: ignore[assignment]
        mask = pikepdf.Stream(owner, zlib.compress(alpha.tobytes()))
        mask.Type, mask.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        mask.Width, mask.Height, mask.BitsPerComponent = alpha.width, alpha.height, 8
        mask.ColorSpace, mask.Filter = pikepdf.Name.DeviceGray, pikepdf.Name.FlateDecode
        obj.SMask = mask


def reencode_image(obj: pikepdf.Stream) -> None:
    chain = _filters(obj)
    if "/ColorSpace" in obj:
        obj.ColorSpace = _device_for(obj.ColorSpace)
    _drop_descriptive(obj)
    if any(f in ("/JBIG2Decode", "/CCITTFaxDecode") for f in chain):
        return  # fax and JBIG2 bit streams carry no metadata segments; their decoders are not here
    if any(f in ("/DCTDecode", "/JPXDecode") for f in chain):
        _reencode_coded(obj, chain)
    else:
        _reencode_pixels(obj)
    for mask_key in ("/SMask", "/Mask"):
        mask = obj.get(mask_key)
        if isinstance(mask, pikepdf.Stream):
            reencode_image(mask)


class _Cleaner:
    """One pass over everything the pages draw with, each shared object cleaned once."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.seen: set[tuple[int, int]] = set()
        self.colorants: dict[str, pikepdf.Name] = {}
        self.fonts = 0

    def resources(self, resources: object) -> None:
        if not isinstance(resources, pikepdf.Dictionary):
            return
        for key in list(resources.keys()):
            if key not in _RESOURCE_KEEP:
                del resources[key]
        spaces = resources.get("/ColorSpace")
        if isinstance(spaces, pikepdf.Dictionary):
            for name in list(spaces.keys()):
                spaces[name] = _device_for(spaces[name])
                neutral_colorants(spaces[name], self.colorants)
        for group in ("/XObject", "/Pattern", "/Font", "/ExtGState"):
            entries = resources.get(group)
            if isinstance(entries, pikepdf.Dictionary):
                for name in list(entries.keys()):
                    self.object(entries[name], group)

    def object(self, obj: object, group: str = "") -> None:
        """A form, picture, pattern, font or graphics state, and everything it draws with."""
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            return
        if obj.is_indirect:
            if obj.objgen in self.seen:
                return
            self.seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            reencode_image(obj)
            neutral_colorants(obj.get("/ColorSpace"), self.colorants)
            return
        _drop_descriptive(obj)
        if group == "/ExtGState":
            clean_graphics_state(obj)
        if group == "/Font":
            self._font(obj)
        if isinstance(obj, pikepdf.Stream) and "/Resources" in obj:
            drop_marked_content(obj, self.pdf)  # a form or a tiling pattern draws like a page
        if "/Resources" in obj:
            self.resources(obj.Resources)
        # Fonts: descriptors and descendants; font programs lose their metadata. Soft masks: their group.
        for key in ("/FontDescriptor", "/DescendantFonts", "/FontFile", "/FontFile2", "/FontFile3", "/SMask", "/G"):
            value = obj.get(key)
            for item in value if isinstance(value, pikepdf.Array) else [value]:
                if isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
                    self.object(item)

    def _font(self, font: pikepdf.Dictionary | pikepdf.Stream) -> None:
        self.fonts += 1
        descendants = font.get("/DescendantFonts")
        first = descendants[0] if isinstance(descendants, pikepdf.Array) and len(descendants) else None
        if isinstance(first, pikepdf.Dictionary):
            neutral_font_names(first, self.fonts)
            if "/BaseFont" in first:
                font.BaseFont = first.BaseFont
        else:
            neutral_font_names(font, self.fonts)
        cmap = font.get("/ToUnicode")
        if isinstance(cmap, pikepdf.Stream):
            clean_cmap(cmap)


def _drop_descriptive(obj: pikepdf.Dictionary | pikepdf.Stream) -> None:
    for key in _DESCRIPTIVE:
        if key in obj:
            del obj[key]


def rebuild_pdf(data: bytes) -> bytes:
    """The pages of `data` in a new PDF that holds nothing but what draws them (see the module docstring)."""
    try:
        source = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        raise UnreadableFile("The redacted PDF could not be written (it failed to re-open).") from exc
    with source:
        output = pikepdf.new()
        for page in source.pages:
            output.pages.append(page)
        cleaner = _Cleaner(output)
        for page in output.pages:
            for key in list(page.obj.keys()):
                if key not in _PAGE_KEEP:
                    del page.obj[key]
            drop_marked_content(page, output)
            cleaner.resources(page.obj.get("/Resources"))
        buffer = io.BytesIO()
        output.save(
            buffer,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            deterministic_id=True,
        )
    return buffer.getvalue()
