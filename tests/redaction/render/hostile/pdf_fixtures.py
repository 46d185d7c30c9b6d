"""Hostile PDF fixtures: each hides a third party's name in one tricky place of an otherwise ordinary letter.

The letter is drawn with reportlab; the hiding place is added with pikepdf (or, for revisions and orphans,
by appending an incremental update by hand); images are made with Pillow."""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Callable

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from PIL import Image, ImageCms
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.redaction.render.hostile.common import DIACRITIC_SPELLING, DIACRITIC_TERM, FAMILY, NAME, HostileCase

UNICODE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
XMP_TEMPLATE = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:creator><rdf:Seq><rdf:li>{name}</rdf:li></rdf:Seq></dc:creator>"
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


# ---------------------------------------------------------------------------------------------------- the letter


def letter(visible: str = NAME, extra_lines: tuple[str, ...] = ()) -> bytes:
    font = "Helvetica"
    if not visible.isascii():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", UNICODE_FONT))
        font = "DejaVuSans"
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle("Case note")
    lines = [
        "Case note: home visit.",
        f"Visit to {FAMILY} at home on 3 March.",
        f"The neighbour {visible} called round during the visit.",
        "This is ordinary text about the school run.",
        *extra_lines,
    ]
    y = 780
    for line in lines:
        pdf.setFont(font, 11)
        pdf.drawString(72, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def edit(change: Callable[[pikepdf.Pdf, pikepdf.Page], None], base: bytes | None = None) -> bytes:
    with pikepdf.open(io.BytesIO(base or letter())) as pdf:
        change(pdf, pdf.pages[0])
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)
        return out.getvalue()


def helvetica(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    )


def resources(page: pikepdf.Page, kind: str) -> pikepdf.Dictionary:
    if Name.Resources not in page.obj:
        page.obj.Resources = Dictionary()
    res = page.obj.Resources
    if Name(kind) not in res:
        res[Name(kind)] = Dictionary()
    return res[Name(kind)]


def draw(pdf: pikepdf.Pdf, page: pikepdf.Page, content: bytes) -> None:
    """Append a content stream; /FH (Helvetica) is available to it."""
    resources(page, "/Font")[Name.FH] = helvetica(pdf)
    page.contents_add(pikepdf.Stream(pdf, content), prepend=False)


def place_image(pdf: pikepdf.Pdf, page: pikepdf.Page, image: pikepdf.Object, key: str = "/ImH") -> None:
    resources(page, "/XObject")[Name(key)] = image
    page.contents_add(pikepdf.Stream(pdf, f"q 80 0 0 60 72 560 cm {key} Do Q".encode()), prepend=False)


def literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def rgb_image(pdf: pikepdf.Pdf, **extra: object) -> pikepdf.Object:
    width, height = 4, 3
    pixels = bytes([180, 90, 40] * width * height)
    stream = pikepdf.Stream(pdf, zlib.compress(pixels))
    stream.Type, stream.Subtype = Name.XObject, Name.Image
    stream.Width, stream.Height, stream.BitsPerComponent = width, height, 8
    stream.ColorSpace, stream.Filter = Name.DeviceRGB, Name.FlateDecode
    for key, value in extra.items():
        stream[Name(f"/{key}")] = value
    return pdf.make_indirect(stream)


# ---------------------------------------------------------------------------------------------------- images


def jpeg(exif: bytes = b"", segments: tuple[bytes, ...] = ()) -> bytes:
    """A small JPEG; `segments` (complete marker segments) are inserted right after SOI."""
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif else {}
    Image.new("RGB", (40, 30), (90, 140, 200)).save(buffer, "JPEG", quality=85, **kwargs)
    data = buffer.getvalue()
    return data[:2] + b"".join(segments) + data[2:]


def segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def exif_with(tag: int, value: object) -> bytes:
    exif = Image.Exif()
    exif[tag] = value
    return exif.tobytes()


def jpeg_in_flate_dct(data: bytes) -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        stream = pikepdf.Stream(pdf, zlib.compress(data))
        stream.Type, stream.Subtype = Name.XObject, Name.Image
        stream.Width, stream.Height, stream.BitsPerComponent = 40, 30, 8
        stream.ColorSpace = Name.DeviceRGB
        stream.Filter = Array([Name.FlateDecode, Name.DCTDecode])
        place_image(pdf, page, pdf.make_indirect(stream))

    return edit(change)


def jp2_with_xml_box(xml: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (60, 160, 90)).save(buffer, "JPEG2000")
    data = buffer.getvalue()
    out, offset = b"", 0
    while offset < len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        length = length or len(data) - offset
        out += data[offset : offset + length]
        if kind == b"jp2h":
            out += struct.pack(">I4s", 8 + len(xml), b"xml ") + xml
        offset += length
    return out


def jpx_image() -> bytes:
    data = jp2_with_xml_box(f'<?xml version="1.0"?><note><subject>{NAME}</subject></note>'.encode())

    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        stream = pikepdf.Stream(pdf, data)
        stream.Type, stream.Subtype = Name.XObject, Name.Image
        stream.Width, stream.Height = 40, 30
        stream.Filter = Name.JPXDecode
        place_image(pdf, page, pdf.make_indirect(stream))

    return edit(change)


def icc_profile_with_description(description: str) -> bytes:
    """Pillow's sRGB profile with its 'desc' tag replaced by a multiLocalizedUnicode (UTF-16BE) record."""
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    text = description.encode("utf-16-be")
    record = b"mluc" + b"\x00" * 4 + struct.pack(">II", 1, 12) + b"enUS" + struct.pack(">II", len(text), 28) + text
    profile += b"\x00" * (-len(profile) % 4)
    offset = len(profile)
    profile += record
    (count,) = struct.unpack_from(">I", profile, 128)
    for index in range(count):
        at = 132 + 12 * index
        if profile[at : at + 4] == b"desc":
            struct.pack_into(">II", profile, at + 4, offset, len(record))
    struct.pack_into(">I", profile, 0, len(profile))
    profile[84:100] = b"\x00" * 16  # the profile ID no longer matches: "not computed"
    return bytes(profile)


# -------------------------------------------------------------------------------------------- incremental updates


def append_update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """Append an incremental update (classic xref section) that adds or replaces `objects`."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        size = int(pdf.trailer.Size)
        root = pdf.Root.objgen[0]
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = data if data.endswith(b"\n") else data + b"\n"
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n" + b"".join(f"{n} 1\n{offsets[n]:010d} 00000 n \n".encode() for n in sorted(offsets))
    new_size = max(size, max(objects) + 1)
    out += f"trailer\n<< /Size {new_size} /Root {root} 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def orphan_object() -> bytes:
    data = edit(lambda pdf, page: None)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        number = int(pdf.trailer.Size)
    body = f"<< /Type /Note /Text (Orphan note: {NAME}) >>".encode()
    return append_update(data, {number: body})


def previous_revision() -> bytes:
    """Revision 1 has a private line naming her; revision 2 replaces the page's content without that line."""
    data = edit(lambda pdf, page: None, letter(extra_lines=(f"Private note: {NAME} is the informant.",)))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0].obj
        page_number = page.objgen[0]
        content = b"".join(
            s.read_bytes()
            for s in ([page.Contents] if isinstance(page.Contents, pikepdf.Stream) else list(page.Contents))
        )
        new_number = int(pdf.trailer.Size)
        page_text = page.unparse(resolved=True)
    kept = b"\n".join(line for line in content.split(b"\n") if b"Private note" not in line)
    page_text = re.sub(rb"/Contents\s+(\d+\s+\d+\s+R|\[[^\]]*\])", f"/Contents {new_number} 0 R".encode(), page_text)
    stream = f"<< /Length {len(kept)} >>\nstream\n".encode() + kept + b"\nendstream"
    return append_update(data, {page_number: page_text, new_number: stream})


# ------------------------------------------------------------------------------------------------- other places


def ocg_named(name: str) -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        ocg = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String(name)))
        pdf.Root.OCProperties = Dictionary(OCGs=Array([ocg]), D=Dictionary(Order=Array([ocg]), ON=Array([ocg])))

    return edit(change, letter(DIACRITIC_SPELLING))


def off_layer_text() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        ocg = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Layer 1")))
        pdf.Root.OCProperties = Dictionary(OCGs=Array([ocg]), D=Dictionary(Order=Array([ocg]), OFF=Array([ocg])))
        resources(page, "/Properties")[Name.oc1] = ocg
        draw(pdf, page, f"/OC /oc1 BDC BT /FH 11 Tf 72 420 Td (Hidden layer: {NAME}) Tj ET EMC".encode())

    return edit(change)


def image_metadata_stream() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        metadata = pikepdf.Stream(pdf, XMP_TEMPLATE.format(name=NAME).encode())
        metadata.Type, metadata.Subtype = Name.Metadata, Name.XML
        place_image(pdf, page, rgb_image(pdf, Metadata=pdf.make_indirect(metadata)))

    return edit(change)


def icc_profile_description() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        icc = pikepdf.Stream(pdf, icc_profile_with_description(NAME))
        icc.N, icc.Alternate = 3, Name.DeviceRGB
        place_image(pdf, page, rgb_image(pdf, ColorSpace=Array([Name.ICCBased, pdf.make_indirect(icc)])))

    return edit(change)


def undrawn_form() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        form = pikepdf.Stream(pdf, f"BT /FH 11 Tf 0 5 Td (Form copy: {NAME}) Tj ET".encode())
        form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 300, 20])
        form.Resources = Dictionary(Font=Dictionary(FH=helvetica(pdf)))
        resources(page, "/XObject")[Name.Fx9] = pdf.make_indirect(form)

    return edit(change)


def renamed_font() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        descriptor = Dictionary(
            Type=Name.FontDescriptor,
            FontName=Name("/Patricia+Doyle"),
            Flags=32,
            FontBBox=Array([-166, -225, 1000, 931]),
            ItalicAngle=0,
            Ascent=718,
            Descent=-207,
            CapHeight=718,
            StemV=88,
        )
        font = Dictionary(
            Type=Name.Font,
            Subtype=Name.TrueType,
            BaseFont=Name("/Patricia+Doyle"),
            FirstChar=32,
            LastChar=126,
            Widths=Array([556] * 95),
            Encoding=Name.WinAnsiEncoding,
            FontDescriptor=pdf.make_indirect(descriptor),
        )
        resources(page, "/Font")[Name.FP] = pdf.make_indirect(font)
        page.contents_add(
            pikepdf.Stream(pdf, b"BT /FP 11 Tf 72 420 Td (Ordinary words set in another font.) Tj ET"), prepend=False
        )

    return edit(change)


def page_labels() -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        pdf.Root.PageLabels = Dictionary(Nums=Array([0, Dictionary(S=Name.D, P=String(f"{NAME} p."))]))

    return edit(change)


def named_destination() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        destination = Array([page.obj, Name.Fit])
        pdf.Root.Names = Dictionary(Dests=Dictionary(Names=Array([String(NAME), destination])))

    return edit(change)


def outline_title() -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(DIACRITIC_SPELLING, 0))

    return edit(change, letter(DIACRITIC_SPELLING))


def link_annotation() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        action = Dictionary(S=Name.URI, URI=String("https://example.org/people/Patricia%20Doyle"))
        link = Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, 722, 300, 734]), Border=Array([0, 0, 0]), A=action
        )
        page.obj.Annots = Array([pdf.make_indirect(link)])

    return edit(change)


def text_annotation() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        note = Dictionary(
            Type=Name.Annot,
            Subtype=Name.Text,
            Rect=Array([400, 700, 420, 720]),
            Contents=String(f"Sticky note: {NAME} phoned again."),
            T=String("Reviewer"),
        )
        page.obj.Annots = Array([pdf.make_indirect(note)])

    return edit(change)


def actual_text() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        draw(
            pdf,
            page,
            b"BT /FH 11 Tf 72 420 Td (Spoke to ) Tj ET "
            + f"/Span << /ActualText ({NAME}) >> BDC BT /FH 11 Tf 118 420 Td (her) Tj ET EMC".encode(),
        )

    return edit(change)


def tiling_pattern_text() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        tile = pikepdf.Stream(pdf, f"BT /FH 9 Tf 2 6 Td (Pattern tile: {NAME}) Tj ET".encode())
        tile.Type, tile.PatternType, tile.PaintType, tile.TilingType = Name.Pattern, 1, 1, 1
        tile.BBox, tile.XStep, tile.YStep = Array([0, 0, 240, 20]), 240, 20
        tile.Resources = Dictionary(Font=Dictionary(FH=helvetica(pdf)))
        resources(page, "/Pattern")[Name.P9] = pdf.make_indirect(tile)
        page.contents_add(pikepdf.Stream(pdf, b"q /Pattern cs /P9 scn 72 380 240 20 re f Q"), prepend=False)

    return edit(change)


def javascript() -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        script = Dictionary(S=Name.JavaScript, JS=String(f'var neighbour = "{NAME}";'))
        pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("note"), pdf.make_indirect(script)])))

    return edit(change)


def embedded_file_name() -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        filename = "Patricia_Doyle.txt"
        pdf.attachments[filename] = pikepdf.AttachedFileSpec(pdf, b"Contact notes.", filename=filename)

    return edit(change)


def form_field_value() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        font = helvetica(pdf)
        appearance = pikepdf.Stream(pdf, f"/Tx BMC BT /Helv 10 Tf 2 5 Td ({NAME}) Tj ET EMC".encode())
        appearance.Type, appearance.Subtype, appearance.BBox = Name.XObject, Name.Form, Array([0, 0, 200, 18])
        appearance.Resources = Dictionary(Font=Dictionary(Helv=font))
        field = pdf.make_indirect(
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Widget,
                FT=Name.Tx,
                T=String("contact"),
                V=String(NAME),
                DA=String("/Helv 10 Tf 0 g"),
                Rect=Array([72, 380, 272, 398]),
                P=page.obj,
                AP=Dictionary(N=pdf.make_indirect(appearance)),
            )
        )
        page.obj.Annots = Array([field])
        pdf.Root.AcroForm = Dictionary(Fields=Array([field]), DR=Dictionary(Font=Dictionary(Helv=font)))

    return edit(change)


def document_xmp() -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:description"] = f"Referral notes from {NAME}"

    return edit(change)


def thumbnail() -> bytes:
    data = jpeg(segments=(segment(0xFE, f"Thumbnail of {NAME}".encode()),))

    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        thumb = pikepdf.Stream(pdf, data)
        thumb.Width, thumb.Height, thumb.BitsPerComponent = 40, 30, 8
        thumb.ColorSpace, thumb.Filter = Name.DeviceRGB, Name.DCTDecode
        page.obj.Thumb = pdf.make_indirect(thumb)

    return edit(change)


def resource_key() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        place_image(pdf, page, rgb_image(pdf), key="/Patricia_Doyle")

    return edit(change)


def content_comment() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        page.contents_add(pikepdf.Stream(pdf, f"% drawn for {NAME}\nq Q\n".encode()), prepend=False)

    return edit(change)


def piece_info() -> bytes:
    def change(_: pikepdf.Pdf, page: pikepdf.Page) -> None:
        private = Dictionary(LastModified=String("D:20240303100000Z"), Private=Dictionary(Note=String(NAME)))
        page.obj.PieceInfo = Dictionary(Clearance=private)

    return edit(change)


def invisible_text() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        draw(pdf, page, f"BT 3 Tr /FH 11 Tf 72 420 Td (OCR layer: {NAME} again) Tj ET".encode())

    return edit(change)


def off_page_text() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        draw(pdf, page, f"BT /FH 11 Tf 72 -300 Td (Off the page: {NAME}) Tj ET".encode())

    return edit(change)


def info_author() -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        pdf.docinfo[Name.Author] = String(NAME)

    return edit(change)


def struct_alt_text() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        figure = pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Figure, P=root, Pg=page.obj, K=0, Alt=String(f"Photo of {NAME}"))
        )
        root.K = figure
        root.ParentTree = Dictionary(Nums=Array([0, Array([figure])]))
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        page.obj.StructParents = 0
        draw(pdf, page, b"/Figure << /MCID 0 >> BDC q 0.8 g 72 560 80 60 re f Q EMC")

    return edit(change)


def kerned_split() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        draw(pdf, page, b"BT /FH 11 Tf 72 420 Td [(Her cousin Patri) 30 (cia Do) -20 (yle visited.)] TJ ET")

    return edit(change)


def char_by_char() -> bytes:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        ops = ["BT /FH 11 Tf 72 420 Td"]
        for ch in f"Cousin: {NAME}":
            ops.append(f"({literal(ch)}) Tj {stringWidth(ch, 'Helvetica', 11):.3f} 0 Td")
        ops.append("ET")
        draw(pdf, page, " ".join(ops).encode())

    return edit(change)


def free_text_appearance() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        appearance = pikepdf.Stream(pdf, f"BT /Helv 10 Tf 2 5 Td (Note by {NAME}) Tj ET".encode())
        appearance.Type, appearance.Subtype, appearance.BBox = Name.XObject, Name.Form, Array([0, 0, 220, 18])
        appearance.Resources = Dictionary(Font=Dictionary(Helv=helvetica(pdf)))
        note = Dictionary(
            Type=Name.Annot,
            Subtype=Name.FreeText,
            Rect=Array([72, 380, 292, 398]),
            Contents=String("See note"),
            DA=String("/Helv 10 Tf 0 g"),
            AP=Dictionary(N=pdf.make_indirect(appearance)),
        )
        page.obj.Annots = Array([pdf.make_indirect(note)])

    return edit(change)


def embedded_file_content() -> bytes:
    def change(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        content = f"Call notes: {NAME} rang twice.".encode()
        pdf.attachments["notes.txt"] = pikepdf.AttachedFileSpec(pdf, content, filename="notes.txt")

    return edit(change)


def trailing_bytes() -> bytes:
    return edit(lambda pdf, page: None) + f"\n% {NAME}, 4 Mill Lane\n".encode()


def redact_annotation() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        annotation = Dictionary(
            Type=Name.Annot, Subtype=Name.Redact, Rect=Array([72, 700, 300, 712]), OverlayText=String(NAME)
        )
        page.obj.Annots = Array([pdf.make_indirect(annotation)])

    return edit(change)


def form_with_text(pdf: pikepdf.Pdf, content: bytes, xobjects: Dictionary | None = None) -> pikepdf.Object:
    form = pikepdf.Stream(pdf, content)
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 400, 20])
    form.Resources = Dictionary(Font=Dictionary(FH=helvetica(pdf)))
    if xobjects is not None:
        form.Resources.XObject = xobjects
    return pdf.make_indirect(form)


def drawn_form() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        resources(page, "/XObject")[Name.Fx8] = form_with_text(
            pdf, f"BT /FH 11 Tf 0 5 Td (Form text: {NAME} visited.) Tj ET".encode()
        )
        page.contents_add(pikepdf.Stream(pdf, b"q 1 0 0 1 72 420 cm /Fx8 Do Q"), prepend=False)

    return edit(change)


def nested_forms() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        inner = form_with_text(pdf, f"BT /FH 11 Tf 0 5 Td (Nested form: {NAME} visited.) Tj ET".encode())
        outer = form_with_text(pdf, b"q 1 0 0 1 0 0 cm /In Do Q", Dictionary(In=inner))
        resources(page, "/XObject")[Name.Out] = outer
        page.contents_add(pikepdf.Stream(pdf, b"q 1 0 0 1 72 420 cm /Out Do Q"), prepend=False)

    return edit(change)


GLYPH_NAMES = {" ": "space", ":": "colon", ".": "period"}


def shifted_encoding() -> bytes:
    """Text whose bytes are each letter + 1 ('Qbusjdjb'); an /Encoding /Differences maps them back, so readers
    show the name while the raw content does not hold it."""
    text = f"Shifted: {NAME}."

    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        differences: list[object] = []
        for ch in sorted(set(text)):
            differences += [ord(ch) + 1, Name("/" + GLYPH_NAMES.get(ch, ch))]
        encoding = Dictionary(Type=Name.Encoding, BaseEncoding=Name.WinAnsiEncoding, Differences=Array(differences))
        font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=encoding)
        resources(page, "/Font")[Name.FS] = pdf.make_indirect(font)
        shifted = "".join(chr(ord(ch) + 1) for ch in text)
        page.contents_add(
            pikepdf.Stream(pdf, f"BT /FS 11 Tf 72 420 Td ({literal(shifted)}) Tj ET".encode()), prepend=False
        )

    return edit(change)


def remote_goto() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        action = Dictionary(S=Name.GoToR, F=String("Patricia_Doyle.pdf"), D=Array([0, Name.Fit]))
        link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, 722, 300, 734]), A=action)
        page.obj.Annots = Array([pdf.make_indirect(link)])

    return edit(change)


def font_with(pdf: pikepdf.Pdf, page: pikepdf.Page, key: str, **extra: object) -> None:
    """A Helvetica font carrying `extra` entries, used to draw one ordinary line."""
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    for entry, value in extra.items():
        font[Name(f"/{entry}")] = value
    resources(page, "/Font")[Name(key)] = pdf.make_indirect(font)
    page.contents_add(
        pikepdf.Stream(pdf, f"BT {key} 11 Tf 72 420 Td (Ordinary words in a font.) Tj ET".encode()), prepend=False
    )


TO_UNICODE = (
    "%!PS-Adobe-3.0 Resource-CMap\n%%Title: (Patricia Doyle)\n"
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Patricia-Doyle-UCS def /CMapType 2 def\n"
    "1 begincodespacerange <00> <FF> endcodespacerange\n"
    "1 beginbfrange <20> <7E> <0020> endbfrange\n"
    "endcmap CMapName currentdict /CMap defineresource pop end end\n"
)


def to_unicode_cmap() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        font_with(pdf, page, "/FU", ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, TO_UNICODE.encode())))

    return edit(change)


def font_descriptor_family() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        descriptor = Dictionary(
            Type=Name.FontDescriptor,
            FontName=Name.Helvetica,
            FontFamily=String(NAME),
            Flags=32,
            FontBBox=Array([-166, -225, 1000, 931]),
            ItalicAngle=0,
            Ascent=718,
            Descent=-207,
            CapHeight=718,
            StemV=88,
        )
        font_with(
            pdf,
            page,
            "/FD",
            FirstChar=32,
            LastChar=126,
            Widths=Array([556] * 95),
            FontDescriptor=pdf.make_indirect(descriptor),
        )

    return edit(change)


def font_name_key() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        font_with(pdf, page, "/FN", Name=Name("/Patricia_Doyle"))

    return edit(change)


def differences_glyph_name() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        encoding = Dictionary(
            Type=Name.Encoding, BaseEncoding=Name.WinAnsiEncoding, Differences=Array([200, Name("/Patricia_Doyle")])
        )
        font_with(pdf, page, "/FE", Encoding=encoding)

    return edit(change)


def truetype_with_family(family: str, postscript: str = "NeutralMono") -> bytes:
    """LiberationMono with its 'name' table replaced: family/full names `family`, PostScript name neutral."""
    data = bytearray(open(TRUETYPE_FONT, "rb").read())  # noqa: SIM115
    records = {1: family, 2: "Regular", 4: f"{family} Regular", 6: postscript}
    entries: list[tuple[int, int, int, int, bytes]] = []
    for name_id, text in records.items():
        entries.append((1, 0, 0, name_id, text.encode("mac_roman")))
        entries.append((3, 1, 0x409, name_id, text.encode("utf-16-be")))
    entries.sort()
    storage, table = b"", b""
    for platform, encoding, language, name_id, raw in entries:
        table += struct.pack(">HHHHHH", platform, encoding, language, name_id, len(raw), len(storage))
        storage += raw
    table = struct.pack(">HHH", 0, len(entries), 6 + 12 * len(entries)) + table + storage
    (count,) = struct.unpack_from(">H", data, 4)
    data += b"\x00" * (-len(data) % 4)
    offset = len(data)
    data += table + b"\x00" * (-len(table) % 4)
    padded = table + b"\x00" * (-len(table) % 4)
    checksum = sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF
    for index in range(count):
        at = 12 + 16 * index
        if data[at : at + 4] == b"name":
            struct.pack_into(">III", data, at + 4, checksum, offset, len(table))
    return bytes(data)


TRUETYPE_FONT = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"


def truetype_name_table() -> bytes:
    import pymupdf

    document = pymupdf.open(stream=letter(), filetype="pdf")
    page = document[0]
    page.insert_font(fontname="FR", fontbuffer=truetype_with_family(NAME))
    page.insert_text((72, 420), "Ordinary words in a font.", fontname="FR", fontsize=11)
    data = document.tobytes()
    document.close()

    def neutral_names(pdf: pikepdf.Pdf, _: pikepdf.Page) -> None:
        # PyMuPDF names the Type0 font after the full name: keep the name in the font program only.
        for obj in pdf.objects:
            if isinstance(obj, Dictionary):
                for key in (Name.BaseFont, Name.FontName):
                    if key in obj and "Patricia" in str(obj[key]):
                        obj[key] = Name.NeutralMono

    return edit(neutral_names, data)


def image_name_key() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        place_image(pdf, page, rgb_image(pdf, Name=Name("/Patricia_Doyle")))

    return edit(change)


def image_opi_path() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        opi = Dictionary(Type=Name.OPI, Version=2.0, F=String("C:\\Photos\\Patricia_Doyle.tif"), Size=Array([400, 300]))
        place_image(pdf, page, rgb_image(pdf, OPI=Dictionary({"/2.0": opi})))

    return edit(change)


def drawn_form_metadata() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        form = form_with_text(pdf, b"BT /FH 11 Tf 0 5 Td (A drawn form.) Tj ET")
        metadata = pikepdf.Stream(pdf, XMP_TEMPLATE.format(name=NAME).encode())
        metadata.Type, metadata.Subtype = Name.Metadata, Name.XML
        form.Metadata = pdf.make_indirect(metadata)
        resources(page, "/XObject")[Name.Fx7] = form
        page.contents_add(pikepdf.Stream(pdf, b"q 1 0 0 1 72 420 cm /Fx7 Do Q"), prepend=False)

    return edit(change)


def unknown_operator() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        page.contents_add(pikepdf.Stream(pdf, f"BX (Unknown op: {NAME}) zzNote EX".encode()), prepend=False)

    return edit(change)


def marked_content_tag() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        draw(pdf, page, b"/Patricia_Doyle BMC BT /FH 11 Tf 72 420 Td (Tagged words.) Tj ET EMC")

    return edit(change)


def properties_resource() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        resources(page, "/Properties")[Name.MC0] = pdf.make_indirect(Dictionary(Note=String(f"About {NAME}")))
        draw(pdf, page, b"/Span /MC0 BDC BT /FH 11 Tf 72 420 Td (Marked words.) Tj ET EMC")

    return edit(change)


def ext_gstate_key() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        state = Dictionary(Type=Name.ExtGState, CA=1, ca=1, Note=String(f"Set up for {NAME}"))
        resources(page, "/ExtGState")[Name.GS7] = pdf.make_indirect(state)
        draw(pdf, page, b"q /GS7 gs BT /FH 11 Tf 72 420 Td (Words in a state.) Tj ET Q")

    return edit(change)


def separation_colorant() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        tint = Dictionary(FunctionType=2, Domain=Array([0, 1]), C0=Array([0, 0, 0, 0]), C1=Array([0, 1, 1, 0]), N=1)
        space = Array([Name.Separation, Name("/Patricia Doyle"), Name.DeviceCMYK, pdf.make_indirect(tint)])
        resources(page, "/ColorSpace")[Name.CS7] = space
        page.contents_add(pikepdf.Stream(pdf, b"q /CS7 cs 1 scn 72 400 200 10 re f Q"), prepend=False)

    return edit(change)


def page_colorspace_icc() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        icc = pikepdf.Stream(pdf, icc_profile_with_description(NAME))
        icc.N, icc.Alternate = 3, Name.DeviceRGB
        resources(page, "/ColorSpace")[Name.CS8] = Array([Name.ICCBased, pdf.make_indirect(icc)])
        page.contents_add(pikepdf.Stream(pdf, b"q /CS8 cs 0.2 0.4 0.8 sc 72 400 200 10 re f Q"), prepend=False)

    return edit(change)


def drawn_form_entry(**entries: object) -> Callable[[], bytes]:
    def build() -> bytes:
        def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
            form = form_with_text(pdf, b"BT /FH 11 Tf 0 5 Td (A drawn form.) Tj ET")
            for key, value in entries.items():
                form[Name(f"/{key}")] = value(pdf) if callable(value) else value
            resources(page, "/XObject")[Name.Fx6] = form
            page.contents_add(pikepdf.Stream(pdf, b"q 1 0 0 1 72 420 cm /Fx6 Do Q"), prepend=False)

        return edit(change)

    return build


def named_ocg(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String(NAME)))


def content_ocg_named() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        ocg = named_ocg(pdf)
        pdf.Root.OCProperties = Dictionary(OCGs=Array([ocg]), D=Dictionary(ON=Array([ocg])))
        resources(page, "/Properties")[Name.oc7] = ocg
        draw(pdf, page, b"/OC /oc7 BDC BT /FH 11 Tf 72 420 Td (Words in a layer.) Tj ET EMC")

    return edit(change)


def type3_glyph_draws_text() -> bytes:
    """A Type3 font whose glyph 'A' draws the name with Helvetica: the page shows it, its text is 'A'."""

    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        glyph = pikepdf.Stream(pdf, f"600 0 d0 BT /FH 100 Tf 0 0 Td (Glyph: {NAME}) Tj ET".encode())
        font = Dictionary(
            Type=Name.Font,
            Subtype=Name.Type3,
            FontBBox=Array([0, 0, 10000, 1000]),
            FontMatrix=Array([0.001, 0, 0, 0.001, 0, 0]),
            CharProcs=Dictionary(A=pdf.make_indirect(glyph)),
            Encoding=Dictionary(Type=Name.Encoding, Differences=Array([65, Name.A])),
            FirstChar=65,
            LastChar=65,
            Widths=Array([600]),
            Resources=Dictionary(Font=Dictionary(FH=helvetica(pdf))),
        )
        resources(page, "/Font")[Name.T3] = pdf.make_indirect(font)
        page.contents_add(pikepdf.Stream(pdf, b"BT /T3 11 Tf 72 420 Td (A) Tj ET"), prepend=False)

    return edit(change)


def soft_mask_group_text() -> bytes:
    def change(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        group = form_with_text(pdf, f"BT /FH 11 Tf 0 5 Td (Mask: {NAME}) Tj ET".encode())
        group.Group = Dictionary(S=Name.Transparency, CS=Name.DeviceGray)
        state = Dictionary(Type=Name.ExtGState, SMask=Dictionary(Type=Name.Mask, S=Name.Luminosity, G=group))
        resources(page, "/ExtGState")[Name.GS8] = pdf.make_indirect(state)
        page.contents_add(pikepdf.Stream(pdf, b"q /GS8 gs 0 g 72 400 200 20 re f Q"), prepend=False)

    return edit(change)


# ------------------------------------------------------------------------------------------------------ cases


def _case(case_id: str, build: Callable[[], bytes], where: str, hint: str, **kwargs: object) -> HostileCase:
    return HostileCase(case_id, build, "letter.pdf", where, hint, **kwargs)  # type: ignore[arg-type]


XMP_JPEG = segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP_TEMPLATE.format(name=NAME).encode())

PDF_CASES: list[HostileCase] = [
    # 12 JPEG metadata behind [/FlateDecode /DCTDecode]
    _case(
        "12a-jpeg-exif-artist-flate-dct",
        lambda: jpeg_in_flate_dct(jpeg(exif=exif_with(0x013B, NAME))),
        "EXIF Artist of a JPEG stored with [/FlateDecode /DCTDecode]",
        "exif[315]",
    ),
    _case(
        "12b-jpeg-exif-xpauthor-utf16",
        lambda: jpeg_in_flate_dct(jpeg(exif=exif_with(0x9C9D, NAME.encode("utf-16-le") + b"\x00\x00"))),
        "EXIF XPAuthor (UTF-16LE) of a JPEG stored with [/FlateDecode /DCTDecode]",
        "exif[40093]",
    ),
    _case(
        "12c-jpeg-xmp-flate-dct",
        lambda: jpeg_in_flate_dct(jpeg(segments=(XMP_JPEG,))),
        "XMP APP1 segment of a JPEG stored with [/FlateDecode /DCTDecode]",
        "rdf:li",
    ),
    _case(
        "12d-jpeg-com-flate-dct",
        lambda: jpeg_in_flate_dct(jpeg(segments=(segment(0xFE, f"Photo taken by {NAME}".encode()),))),
        "COM segment of a JPEG stored with [/FlateDecode /DCTDecode]",
        "photo taken by",
    ),
    # 13 JPEG 2000
    _case("13-jpx-xml-box", jpx_image, "'xml ' box of a JPEG 2000 (/JPXDecode) image", "<subject>"),
    # 14 other places
    _case(
        "14-01-ocg-name-diacritic",
        lambda: ocg_named(DIACRITIC_SPELLING),
        "/OCProperties /OCGs [<< /Name (Żaneta Dąbrowska) >>] (UTF-16BE string)",
        "/Name",
        term=DIACRITIC_TERM,
    ),
    _case("14-02-text-in-off-layer", off_layer_text, "text inside an OFF optional-content layer", "hidden layer"),
    _case("14-03-image-metadata-stream", image_metadata_stream, "an image XObject's /Metadata XMP stream", "rdf:li"),
    _case(
        "14-04-icc-profile-description",
        icc_profile_description,
        "ICC profile 'desc' tag (mluc, UTF-16BE) of an image's ICCBased colour space",
        "utf-16-be",
    ),
    _case("14-05-undrawn-form-xobject", undrawn_form, "a Form XObject in the page resources never drawn", "form copy"),
    _case("14-06-orphan-object", orphan_object, "an unreferenced object appended by an incremental update", "orphan"),
    _case("14-07-previous-revision", previous_revision, "page content of an earlier revision", "private note"),
    _case("14-08-font-basefont", renamed_font, "font /BaseFont /Patricia+Doyle (and /FontName)", "/Patricia+Doyle"),
    _case("14-09-page-labels", page_labels, "/PageLabels prefix /P (Patricia Doyle p.)", "/PageLabels"),
    _case("14-10-named-destination", named_destination, "/Names /Dests key (Patricia Doyle)", "/Dests"),
    _case(
        "14-11-outline-title-diacritic",
        outline_title,
        "/Outlines item /Title (Żaneta Dąbrowska)",
        "/Title",
        term=DIACRITIC_TERM,
    ),
    _case("14-12-link-uri-encoded", link_annotation, "Link annotation /URI .../Patricia%20Doyle", "/URI"),
    _case("14-13-text-annotation", text_annotation, "Text annotation /Contents", "sticky note"),
    _case(
        "14-14-actualtext", actual_text, "/Span << /ActualText (Patricia Doyle) >> over the word 'her'", "actualtext"
    ),
    _case("14-15-tiling-pattern-text", tiling_pattern_text, "text drawn inside a tiling pattern cell", "pattern tile"),
    _case("14-16-javascript", javascript, "/Names /JavaScript action source", "var neighbour"),
    _case("14-17-embedded-file-name", embedded_file_name, "/EmbeddedFiles file name Patricia_Doyle.txt", "/filespec"),
    _case("14-18-form-field-value", form_field_value, "AcroForm text field /V and its appearance stream", "/V"),
    _case("14-19-document-xmp", document_xmp, "document /Metadata XMP dc:description", "referral notes from"),
    _case("14-20-thumbnail-jpeg-comment", thumbnail, "page /Thumb JPEG COM segment", "thumbnail of"),
    _case("14-21-resource-key-name", resource_key, "XObject resource key /Patricia_Doyle", "/Patricia_Doyle"),
    _case("14-22-content-stream-comment", content_comment, "% comment in a page content stream", "drawn for"),
    _case("14-23-page-pieceinfo", piece_info, "page /PieceInfo private data", "/PieceInfo"),
    _case("14-24-invisible-text-mode-3", invisible_text, "text in render mode 3 (invisible)", "ocr layer"),
    _case("14-25-off-page-text", off_page_text, "text drawn below the MediaBox", "off the page"),
    _case("14-26-info-author", info_author, "/Info /Author", "/Author"),
    _case("14-27-struct-figure-alt", struct_alt_text, "structure element /Figure /Alt", "/Alt"),
    _case("14-28-tj-kerned-split", kerned_split, "visible name split across TJ kerning pieces", "her cousin"),
    _case("14-29-char-by-char", char_by_char, "visible name drawn one character per Tj", "cousin:"),
    _case("14-30-freetext-appearance", free_text_appearance, "FreeText annotation appearance stream", "note by"),
    _case("14-31-embedded-file-content", embedded_file_content, "content of an attached notes.txt", "call notes"),
    _case("14-32-bytes-after-eof", trailing_bytes, "a comment line after %%EOF", "mill lane"),
    _case("14-33-redact-annotation-overlay", redact_annotation, "/Redact annotation /OverlayText", "/OverlayText"),
    _case("14-34-drawn-form-xobject-text", drawn_form, "visible text inside a drawn Form XObject", "form text"),
    _case("14-35-nested-form-xobject-text", nested_forms, "visible text inside a form drawn by a form", "nested form"),
    _case(
        "14-36-differences-shifted-encoding",
        shifted_encoding,
        "visible name whose bytes are shifted by one, mapped back by /Differences",
        "shifted:",
    ),
    _case("14-37-gotor-remote-file", remote_goto, "Link /GoToR /F (Patricia_Doyle.pdf)", "/A/F"),
    _case("14-38-tounicode-cmap-title", to_unicode_cmap, "ToUnicode CMap %%Title and /CMapName", "%%title"),
    _case("14-39-fontdescriptor-family", font_descriptor_family, "FontDescriptor /FontFamily string", "/FontFamily"),
    _case("14-40-font-name-key", font_name_key, "font dictionary /Name /Patricia_Doyle", "/Name"),
    _case("14-41-differences-glyph-name", differences_glyph_name, "/Differences glyph name /Patricia_Doyle", "[1]"),
    _case("14-42-truetype-name-table", truetype_name_table, "embedded TrueType 'name' table family", "doyle regular"),
    _case("14-43-image-name-key", image_name_key, "drawn image XObject /Name /Patricia_Doyle", "/Name"),
    _case("14-44-image-opi-path", image_opi_path, "drawn image /OPI /F file path", "/OPI"),
    _case("14-45-drawn-form-metadata", drawn_form_metadata, "drawn Form XObject /Metadata XMP", "rdf:li"),
    _case("14-46-bx-ex-unknown-operator", unknown_operator, "string operand of an unknown operator in BX/EX", "op:"),
    _case("14-47-marked-content-tag", marked_content_tag, "marked-content tag /Patricia_Doyle BMC", "bmc"),
    _case("14-48-properties-resource", properties_resource, "/Properties resource property list", "/Note"),
    _case("14-49-extgstate-custom-key", ext_gstate_key, "ExtGState custom /Note entry", "/Note"),
    _case("14-50-separation-colorant", separation_colorant, "Separation colour space colorant name", "pdf-name"),
    _case(
        "14-51-page-colorspace-icc", page_colorspace_icc, "ICC 'desc' (UTF-16BE) of a page colour space", "utf-16-be"
    ),
    _case(
        "14-52-drawn-form-name-key",
        drawn_form_entry(Name=Name("/Patricia_Doyle")),
        "drawn Form XObject /Name /Patricia_Doyle",
        "/Name",
    ),
    _case(
        "14-53-drawn-form-oc-named",
        drawn_form_entry(OC=named_ocg),
        "drawn Form XObject /OC -> OCG /Name (Patricia Doyle)",
        "/Name",
    ),
    _case("14-54-content-ocg-named", content_ocg_named, "page content /OC -> OCG /Name (Patricia Doyle)", "/Name"),
    _case("14-55-type3-glyph-draws-text", type3_glyph_draws_text, "Type3 glyph procedure drawing the name", "glyph:"),
    _case("14-56-soft-mask-group-text", soft_mask_group_text, "text in an ExtGState soft-mask group", "mask:"),
]
