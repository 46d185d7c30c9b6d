"""Hostile DOCX fixtures: each hides a third party's name in one tricky place of an otherwise ordinary letter.

Built in code with python-docx, then edited at the package level (lxml, zipfile)."""

from __future__ import annotations

import base64
import gzip
import io
import posixpath
import struct
import zipfile
from collections.abc import Callable

import docx
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree
from PIL import Image

from tests.redaction.render.hostile.common import (
    ACCENT_NAME,
    DIACRITIC_SPELLING,
    DIACRITIC_TERM,
    FAMILY,
    NAME,
    HostileCase,
)

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_HYPERLINK = f"{RT}/hyperlink"
RT_IMAGE = f"{RT}/image"
RT_CHART = f"{RT}/chart"
RT_PACKAGE = f"{RT}/package"
RT_AFCHUNK = f"{RT}/aFChunk"
RT_OLE = f"{RT}/oleObject"
RT_GLOSSARY = f"{RT}/glossaryDocument"
RT_CUSTOM_XML = f"{RT}/customXml"
RT_TEMPLATE = f"{RT}/attachedTemplate"
XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


# ------------------------------------------------------------------------------------------------ package editing


class Package:
    """A DOCX (or any OPC package) as a dict of parts, with helpers to add parts and relationships."""

    def __init__(self, data: bytes) -> None:
        self.comment = b""
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.parts: dict[str, bytes] = {name: archive.read(name) for name in archive.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    def put_xml(self, name: str, root: etree._Element) -> None:
        self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def content_type(self, *, default: tuple[str, str] | None = None, override: tuple[str, str] | None = None) -> None:
        root = self.xml("[Content_Types].xml")
        if default:
            extension, kind = default
            if not any(el.get("Extension", "").lower() == extension for el in root.iter(f"{{{NS['ct']}}}Default")):
                etree.SubElement(root, f"{{{NS['ct']}}}Default", Extension=extension, ContentType=kind)
        if override:
            part, kind = override
            etree.SubElement(root, f"{{{NS['ct']}}}Override", PartName=part, ContentType=kind)
        self.put_xml("[Content_Types].xml", root)

    def relate(self, source: str, rel_type: str, target: str, *, external: bool = False) -> str:
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels_name in self.parts:
            root = self.xml(rels_name)
        else:
            root = etree.Element(f"{{{NS['pr']}}}Relationships", nsmap={None: NS["pr"]})
        used = {el.get("Id") for el in root}
        number = len(used) + 1
        while f"rIdH{number}" in used:
            number += 1
        rid = f"rIdH{number}"
        rel = etree.SubElement(root, f"{{{NS['pr']}}}Relationship", Id=rid, Type=rel_type, Target=target)
        if external:
            rel.set("TargetMode", "External")
        self.put_xml(rels_name, root)
        return rid

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.comment = self.comment
            order = ["[Content_Types].xml", *[n for n in self.parts if n != "[Content_Types].xml"]]
            for name in order:
                archive.writestr(name, self.parts[name])
        return buffer.getvalue()


def png_bytes(colour: tuple[int, int, int] = (200, 120, 40), size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def letter(visible: str = NAME) -> docx.document.Document:
    """The ordinary letter every fixture starts from: the family (must survive) and one visible mention."""
    document = docx.Document()
    document.add_paragraph("Case note: home visit.")
    document.add_paragraph(f"Visit to {FAMILY} at home on 3 March.")
    document.add_paragraph(f"The neighbour {visible} called round during the visit.")
    document.add_paragraph("This is ordinary text about the school run.")
    return document


def save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def body_paragraphs(root: etree._Element) -> list[etree._Element]:
    return list(root.find(q("w:body")).iter(q("w:p")))


def ordinary_paragraph(root: etree._Element) -> etree._Element:
    return next(p for p in body_paragraphs(root) if "ordinary text" in "".join(p.itertext()))


def w_el(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(q(tag))
    for key, value in attrs.items():
        element.set(q(f"w:{key}") if ":" not in key else q(key), value)
    if text is not None:
        element.text = text
        if text != text.strip():
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def run(text: str) -> etree._Element:
    r = w_el("w:r")
    r.append(w_el("w:t", text))
    return r


def field_run(kind: str) -> etree._Element:
    r = w_el("w:r")
    r.append(w_el("w:fldChar", fldCharType=kind))
    return r


def instr_run(instruction: str) -> etree._Element:
    r = w_el("w:r")
    r.append(w_el("w:instrText", instruction))
    return r


def append_paragraph(root: etree._Element, *children: etree._Element) -> etree._Element:
    body = root.find(q("w:body"))
    paragraph = w_el("w:p")
    for child in children:
        paragraph.append(child)
    sect = body.find(q("w:sectPr"))
    if sect is not None:
        sect.addprevious(paragraph)
    else:
        body.append(paragraph)
    return paragraph


def edit_document(data: bytes, change: Callable[[Package, etree._Element], None]) -> bytes:
    package = Package(data)
    root = package.xml("word/document.xml")
    change(package, root)
    package.put_xml("word/document.xml", root)
    return package.to_bytes()


# --------------------------------------------------------------------------------------------- 1. bookmarks


def bookmark(name: str = "Patricia_Doyle", visible: str = NAME) -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        paragraph = ordinary_paragraph(root)
        first_run = paragraph.find(q("w:r"))
        first_run.addprevious(w_el("w:bookmarkStart", id="7", name=name))
        first_run.addnext(w_el("w:bookmarkEnd", id="7"))

    return edit_document(save(letter(visible)), change)


# --------------------------------------------------------------------------------------------- 2. field codes


def complex_field(instruction: str, shown: str) -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        append_paragraph(
            root,
            run("For more, "),
            field_run("begin"),
            instr_run(instruction),
            field_run("separate"),
            run(shown),
            field_run("end"),
            run(" if needed."),
        )

    return edit_document(save(letter()), change)


def simple_field(instruction: str, shown: str) -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        field = w_el("w:fldSimple", instr=instruction)
        field.append(run(shown))
        append_paragraph(root, run("Prepared by "), field, run("."))

    return edit_document(save(letter()), change)


# --------------------------------------------------------------------------------------------- 3. link targets


def hyperlink(url: str, visible: str = NAME) -> bytes:
    def change(package: Package, root: etree._Element) -> None:
        rid = package.relate("word/document.xml", RT_HYPERLINK, url, external=True)
        link = w_el("w:hyperlink", **{"r:id": rid})
        link.append(run("her page"))
        append_paragraph(root, run("See "), link, run(" on the council site."))

    return edit_document(save(letter(visible)), change)


def linked_picture(target: str) -> bytes:
    document = letter()
    document.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))

    def change(package: Package, root: etree._Element) -> None:
        rid = package.relate("word/document.xml", RT_IMAGE, target, external=True)
        for blip in root.iter(q("a:blip")):
            blip.attrib.pop(q("r:embed"))
            blip.set(q("r:link"), rid)

    return edit_document(save(document), change)


# --------------------------------------------------------------------------------------------- 4. media part name


def media_named(new_name: str = "word/media/Patricia_Doyle.png") -> bytes:
    document = letter()
    document.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))
    package = Package(save(document))
    old = next(n for n in package.parts if n.startswith("word/media/"))
    package.parts[new_name] = package.parts.pop(old)
    rels = package.xml("word/_rels/document.xml.rels")
    for rel in rels:
        if rel.get("Target") == old.removeprefix("word/"):
            rel.set("Target", new_name.removeprefix("word/"))
    package.put_xml("word/_rels/document.xml.rels", rels)
    return package.to_bytes()


# ------------------------------------------------------------------------------- 5. XML comments and instructions


def xml_node_in_part(part: str, *nodes: Callable[[], etree._Element]) -> bytes:
    package = Package(save(letter()))
    root = package.xml(part)
    anchor = root.find(q("w:body")) if part == "word/document.xml" else root
    for index, make in enumerate(nodes):
        anchor.insert(1 + index, make())
    package.put_xml(part, root)
    return package.to_bytes()


def xml_comment() -> etree._Element:
    return etree.Comment(f" {NAME} ")


def processing_instruction() -> etree._Element:
    return etree.ProcessingInstruction("note", NAME)


# ------------------------------------------------------------------------------------------------ 6. charts


def xlsx(strings: list[str]) -> bytes:
    """A minimal workbook: one sheet whose first row holds `strings` as shared strings."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    ss = "".join(f"<si><t>{s}</t></si>" for s in strings)
    cells = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(len(strings)))
    numbers = '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>5</v></c></row>'
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{NS["pr"]}"><Relationship Id="rId1" Type="{RT}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{NS["r"]}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{NS["pr"]}">'
            f'<Relationship Id="rId1" Type="{RT}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{RT}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData><row r="1">{cells}</row>{numbers}</sheetData></worksheet>'
        ),
        "xl/sharedStrings.xml": f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">{ss}</sst>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, XML_DECL + text.encode())
    return buffer.getvalue()


def chart_xml(series_name: str) -> bytes:
    cat = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(["Visits", "Calls"]))
    val = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate([3, 5]))
    return (
        XML_DECL
        + (
            f'<c:chartSpace xmlns:c="{NS["c"]}" xmlns:a="{NS["a"]}" xmlns:r="{NS["r"]}">'
            '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
            '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
            '<c:ser><c:idx val="0"/><c:order val="0"/>'
            '<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/>'
            f'<c:pt idx="0"><c:v>{series_name}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/>{cat}</c:strCache>'
            "</c:strRef></c:cat>"
            "<c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode>"
            f'<c:ptCount val="2"/>{val}</c:numCache></c:numRef></c:val></c:ser>'
            '<c:axId val="111"/><c:axId val="222"/></c:barChart>'
            '<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
            '<c:axPos val="b"/><c:crossAx val="222"/></c:catAx>'
            '<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
            '<c:axPos val="l"/><c:crossAx val="111"/></c:valAx>'
            '</c:plotArea><c:plotVisOnly val="1"/></c:chart>'
            '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
        ).encode()
    )


def chart(workbook_path: str, series_name: str, workbook_strings: list[str], visible: str = NAME) -> bytes:
    def change(package: Package, root: etree._Element) -> None:
        package.parts["word/charts/chart1.xml"] = chart_xml(series_name)
        package.parts[workbook_path] = xlsx(workbook_strings)
        target = posixpath.relpath(workbook_path, "word/charts")
        rels = (
            f'<Relationships xmlns="{NS["pr"]}"><Relationship Id="rId1" Type="{RT_PACKAGE}" '
            f'Target="{target}"/></Relationships>'
        )
        package.parts["word/charts/_rels/chart1.xml.rels"] = XML_DECL + rels.encode()
        package.content_type(
            override=("/word/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
        )
        package.content_type(default=("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        rid = package.relate("word/document.xml", RT_CHART, "charts/chart1.xml")
        drawing = etree.fromstring(
            f'<w:r xmlns:w="{NS["w"]}" xmlns:wp="{NS["wp"]}" xmlns:a="{NS["a"]}" xmlns:c="{NS["c"]}" '
            f'xmlns:r="{NS["r"]}"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="4000000" cy="2400000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:docPr id="40" name="Chart 1"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{NS["c"]}"><c:chart r:id="{rid}"/></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r>"
        )
        append_paragraph(root, drawing)

    return edit_document(save(letter(visible)), change)


# ------------------------------------------------------------------------------------------------ 7. altChunk


def alt_chunk(part: str, content: bytes, content_type: str, visible: str = NAME) -> bytes:
    def change(package: Package, root: etree._Element) -> None:
        package.parts[part] = content
        package.content_type(default=(part.rsplit(".", 1)[-1], content_type))
        rid = package.relate("word/document.xml", RT_AFCHUNK, part.removeprefix("word/"))
        body = root.find(q("w:body"))
        body.find(q("w:sectPr")).addprevious(w_el("w:altChunk", **{"r:id": rid}))

    return edit_document(save(letter(visible)), change)


REFERRAL_HTML = (
    "<html><head><meta charset='utf-8'><title>Referral</title></head><body>"
    "<p>Referral made by {name} on 2 March.</p></body></html>"
)


def mht(body: str, transfer_encoding: str) -> bytes:
    return (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
        "------=_NextPart_01\r\n"
        'Content-Type: text/html; charset="utf-8"\r\n'
        f"Content-Transfer-Encoding: {transfer_encoding}\r\n"
        "Content-Location: file:///C:/referral.htm\r\n\r\n"
        f"{body}\r\n"
        "------=_NextPart_01--\r\n"
    ).encode()


def mht_quoted_printable() -> bytes:
    html = REFERRAL_HTML.format(name="Patri=\r\ncia Doyle").replace("charset='utf-8'", "charset=3D'utf-8'")
    return mht(html, "quoted-printable")


def mht_base64() -> bytes:
    encoded = base64.b64encode(REFERRAL_HTML.format(name=NAME).encode()).decode()
    body = "\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))
    return mht(body, "base64")


def rtf_escaped() -> bytes:
    return (
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\f0\fs22 "
        rb"Referral made by Zo\'e9 Doyle on 2 March.\par}"
    )


def embedded_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(f"Referral made by {NAME} on 2 March.")
    return save(document)


# --------------------------------------------------------------------------------------------- 8. OLE with EMZ


def emf_with_text(text: str) -> bytes:
    """A minimal EMF: header, one EMR_EXTTEXTOUTW drawing `text` (UTF-16LE), EOF."""
    chars = text.encode("utf-16-le")
    padded = chars + b"\x00" * (-len(chars) % 4)
    n = len(text)
    text_record_size = 76 + len(padded) + 4 * n
    text_record = (
        struct.pack("<II4iIff", 84, text_record_size, 0, 0, 400, 40, 1, 1.0, 1.0)
        + struct.pack("<iiIII4iI", 10, 10, n, 76, 0, 0, 0, 400, 40, 76 + len(padded))
        + padded
        + struct.pack(f"<{n}i", *([8] * n))
    )
    eof = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    total = 108 + len(text_record) + len(eof)
    header = struct.pack(
        "<II4i4iIIIIHHIIIiiiiIIIii",
        1, 108, 0, 0, 400, 40, 0, 0, 10000, 1000,
        0x464D4520, 0x10000, total, 3, 1, 0, 0, 0, 0,
        1920, 1080, 508, 286, 0, 0, 0, 508000, 286000,
    )  # fmt: skip
    return header + text_record + eof


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3, 512-byte sectors) holding `streams` in regular sectors."""
    sector = 512
    free, end, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    padded = {name: data + b"\x00" * (max(4096, len(data)) - len(data)) for name, data in streams.items()}
    padded = {name: data + b"\x00" * (-len(data) % sector) for name, data in padded.items()}
    names = list(padded)
    dir_sectors = (len(names) + 1 + 3) // 4
    fat = [fat_sector] + [end if i == dir_sectors else i + 1 for i in range(1, dir_sectors + 1)]
    starts = {}
    for name in names:
        count = len(padded[name]) // sector
        starts[name] = len(fat)
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [end]
    assert len(fat) <= sector // 4, "fixture too big for one FAT sector"
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
            + b"\x00" * 16
            + struct.pack("<I", 0)
            + b"\x00" * 16
            + struct.pack("<IQ", start, size)
        )

    # Root's child is the first stream; the rest hang off its right sibling pointers (a degenerate tree).
    entries = [entry("Root Entry", 5, no_stream, no_stream, 1 if names else no_stream, end, 0)]
    for index, name in enumerate(names):
        right = index + 2 if index + 1 < len(names) else no_stream
        # Recorded at its padded size (at least the 4096-byte mini-stream cutoff) so it lives in regular sectors.
        entries.append(entry(name, 2, no_stream, right, no_stream, starts[name], max(4096, len(streams[name]))))
    empty = entry("", 0, no_stream, no_stream, no_stream, 0, 0)
    entries += [empty] * (dir_sectors * 4 - len(entries))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", 0, *([free] * 108))
    )
    body = struct.pack(f"<{sector // 4}I", *fat) + b"".join(entries)
    body += b"".join(padded[name] for name in names)
    return header + body


def ole10_native(label: str, content: bytes) -> bytes:
    path = f"C:\\Users\\Public\\{label}".encode("cp1252")
    native = (
        struct.pack("<H", 2)
        + label.encode("cp1252") + b"\x00"
        + path + b"\x00"
        + struct.pack("<I", 0x00030000)
        + struct.pack("<I", len(path) + 1) + path + b"\x00"
        + struct.pack("<I", len(content)) + content
    )  # fmt: skip
    return struct.pack("<I", len(native)) + native


def ole_with_emz(preview_text: str, package_label: str, package_content: bytes) -> bytes:
    def change(package: Package, root: etree._Element) -> None:
        package.parts["word/media/image1.emz"] = gzip.compress(emf_with_text(preview_text))
        package.parts["word/embeddings/oleObject1.bin"] = compound_file(
            {"\x01Ole10Native": ole10_native(package_label, package_content)}
        )
        package.content_type(default=("emz", "image/x-emz"))
        package.content_type(default=("bin", "application/vnd.openxmlformats-officedocument.oleObject"))
        image_rid = package.relate("word/document.xml", RT_IMAGE, "media/image1.emz")
        ole_rid = package.relate("word/document.xml", RT_OLE, "embeddings/oleObject1.bin")
        obj = etree.fromstring(
            f'<w:r xmlns:w="{NS["w"]}" xmlns:v="{NS["v"]}" xmlns:o="{NS["o"]}" xmlns:r="{NS["r"]}">'
            '<w:object w:dxaOrig="1440" w:dyaOrig="1440">'
            '<v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:72pt;height:72pt" o:ole="">'
            f'<v:imagedata r:id="{image_rid}" o:title=""/></v:shape>'
            '<o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" DrawAspect="Icon" '
            f'ObjectID="_1700000001" r:id="{ole_rid}"/></w:object></w:r>'
        )
        append_paragraph(root, run("Attached: "), obj)

    return edit_document(save(letter()), change)


# ------------------------------------------------------------------------------------------------ 9. SVG picture


def svg_picture() -> bytes:
    document = letter()
    document.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
        b'<text x="5" y="25" font-size="14">Patr&#105;cia Doyle</text></svg>'
    )

    def change(package: Package, root: etree._Element) -> None:
        package.parts["word/media/image2.svg"] = svg
        package.content_type(default=("svg", "image/svg+xml"))
        rid = package.relate("word/document.xml", RT_IMAGE, "media/image2.svg")
        blip = next(root.iter(q("a:blip")))
        ext_list = etree.SubElement(blip, q("a:extLst"))
        ext = etree.SubElement(ext_list, q("a:ext"), uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}")
        svg_ns = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
        etree.SubElement(ext, f"{{{svg_ns}}}svgBlip", {q("r:embed"): rid}, nsmap={"asvg": svg_ns})

    return edit_document(save(document), change)


# ------------------------------------------------------------------------------------- 10. invisible characters


def disguised_text(disguised: str) -> bytes:
    document = letter()
    document.add_paragraph(f"Her sister {disguised} also phoned the office.")
    return save(document)


# -------------------------------------------------------------------------------------------- 11. other places


def custom_style() -> bytes:
    document = letter()
    style = document.styles.add_style(NAME, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    next(p for p in document.paragraphs if "ordinary text" in p.text).style = style
    return save(document)


def content_control(alias: str = "", tag: str = "", visible: str = NAME) -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        paragraph = ordinary_paragraph(root)
        sdt = w_el("w:sdt")
        properties = etree.SubElement(sdt, q("w:sdtPr"))
        if alias:
            properties.append(w_el("w:alias", val=alias))
        if tag:
            properties.append(w_el("w:tag", val=tag))
        properties.append(w_el("w:id", val="424242"))
        content = etree.SubElement(sdt, q("w:sdtContent"))
        for r in paragraph.findall(q("w:r")):
            content.append(r)
        paragraph.append(sdt)

    return edit_document(save(letter(visible)), change)


def picture_properties(name: str = "", descr: str = "") -> bytes:
    document = letter()
    document.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))

    def change(_: Package, root: etree._Element) -> None:
        doc_pr = next(root.iter(q("wp:docPr")))
        if name:
            doc_pr.set("name", name)
        if descr:
            doc_pr.set("descr", descr)

    return edit_document(save(document), change)


def glossary() -> bytes:
    glossary_xml = (
        XML_DECL
        + (
            f'<w:glossaryDocument xmlns:w="{NS["w"]}"><w:docParts><w:docPart><w:docPartPr>'
            '<w:name w:val="Neighbour block"/><w:category><w:name w:val="General"/>'
            '<w:gallery w:val="autoTxt"/></w:category><w:guid w:val="{6A1D1E2B-1111-4A5B-9C3D-2E4F5A6B7C8D}"/>'
            f"</w:docPartPr><w:docPartBody><w:p><w:r><w:t>{NAME}, 4 Mill Lane</w:t></w:r></w:p>"
            "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
        ).encode()
    )

    def change(package: Package, _: etree._Element) -> None:
        package.parts["word/glossary/document.xml"] = glossary_xml
        package.content_type(
            override=(
                "/word/glossary/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml",
            )
        )
        package.relate("word/document.xml", RT_GLOSSARY, "glossary/document.xml")

    return edit_document(save(letter()), change)


def other_header(kind: str) -> bytes:
    document = letter()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Northshire Council children's services"
    if kind == "even":
        document.settings.odd_and_even_pages_header_footer = True
        section.even_page_header.paragraphs[0].text = f"Copy for {NAME}"
    else:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = f"Copy for {NAME}"
    return save(document)


def footer_simple_field() -> bytes:
    document = letter()
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    package = Package(save(document))
    rels = package.xml("word/_rels/document.xml.rels")
    footer_part = "word/" + next(r.get("Target") for r in rels if r.get("Type").endswith("/footer"))
    root = package.xml(footer_part)
    paragraph = root.find(q("w:p"))
    field = w_el("w:fldSimple", instr=f' AUTHOR "{NAME}" \\* MERGEFORMAT ')
    field.append(run("the author"))
    paragraph.append(run(" prepared by "))
    paragraph.append(field)
    package.put_xml(footer_part, root)
    return package.to_bytes()


def custom_xml_part() -> bytes:
    def change(package: Package, _: etree._Element) -> None:
        package.parts["customXml/item1.xml"] = XML_DECL + f"<contact><name>{NAME}</name></contact>".encode()
        package.relate("word/document.xml", RT_CUSTOM_XML, "../customXml/item1.xml")

    return edit_document(save(letter()), change)


def attached_template() -> bytes:
    package = Package(save(letter()))
    rid = package.relate(
        "word/settings.xml", RT_TEMPLATE, "file:///C:/Users/patricia.doyle/Templates/Letter.dotx", external=True
    )
    settings = package.xml("word/settings.xml")
    template = w_el("w:attachedTemplate", **{"r:id": rid})
    anchor = settings.find(q("w:zoom"))
    if anchor is not None:
        anchor.addnext(template)
    else:
        settings.insert(0, template)
    package.put_xml("word/settings.xml", settings)
    return package.to_bytes()


def document_variable() -> bytes:
    package = Package(save(letter()))
    settings = package.xml("word/settings.xml")
    variables = w_el("w:docVars")
    variables.append(w_el("w:docVar", name="Neighbour", val=NAME))
    anchor = settings.find(q("w:rsids"))
    if anchor is None:
        anchor = settings.find(q("w:compat"))
        anchor.addnext(variables)
    else:
        anchor.addprevious(variables)
    package.put_xml("word/settings.xml", settings)
    return package.to_bytes()


def tracked_insertion_author() -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        paragraph = ordinary_paragraph(root)
        insertion = w_el("w:ins", id="901", author=NAME, date="2024-03-03T10:00:00Z")
        insertion.append(run(" Added later."))
        paragraph.append(insertion)

    return edit_document(save(letter()), change)


def tracked_deletion_text() -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        paragraph = ordinary_paragraph(root)
        deletion = w_el("w:del", id="902", author="Social Worker", date="2024-03-03T10:00:00Z")
        r = w_el("w:r")
        r.append(w_el("w:delText", f" Spoke to {NAME}."))
        deletion.append(r)
        paragraph.append(deletion)

    return edit_document(save(letter()), change)


def hidden_run() -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        paragraph = ordinary_paragraph(root)
        r = w_el("w:r")
        properties = etree.SubElement(r, q("w:rPr"))
        properties.append(w_el("w:vanish"))
        r.append(w_el("w:t", f" (source: {NAME})"))
        paragraph.append(r)

    return edit_document(save(letter()), change)


def comment_author() -> bytes:
    document = letter()
    paragraph = next(p for p in document.paragraphs if "ordinary text" in p.text)
    document.add_comment(paragraph.runs, text="Please check this.", author=NAME, initials="PD")
    return save(document)


def custom_property() -> bytes:
    package = Package(save(letter()))
    package.parts["docProps/custom.xml"] = (
        XML_DECL
        + (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Referrer">'
            f"<vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>"
        ).encode()
    )
    package.content_type(
        override=("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    )
    package.relate("", f"{RT}/custom-properties", "docProps/custom.xml")
    return package.to_bytes()


def alternate_content_fallback() -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        alternate = etree.fromstring(
            f'<w:r xmlns:w="{NS["w"]}" xmlns:mc="{NS["mc"]}" xmlns:v="{NS["v"]}"><mc:AlternateContent>'
            '<mc:Choice Requires="w14"><w:t xml:space="preserve">Neighbour details on file.</w:t></mc:Choice>'
            f'<mc:Fallback><w:t xml:space="preserve">{NAME} details on file.</w:t></mc:Fallback>'
            "</mc:AlternateContent></w:r>"
        )
        append_paragraph(root, alternate)

    return edit_document(save(letter()), change)


def styled_run(text: str, property_tag: str) -> etree._Element:
    r = w_el("w:r")
    etree.SubElement(r, q("w:rPr")).append(w_el(property_tag))
    r.append(w_el("w:t", text))
    return r


def split_runs() -> bytes:
    """The name visible but cut into runs with different formatting, a proofing mark and a bookmark between."""

    def change(_: Package, root: etree._Element) -> None:
        bold, italic = styled_run("Patri", "w:b"), styled_run("cia", "w:i")
        append_paragraph(
            root,
            run("Her cousin "),
            bold,
            w_el("w:proofErr", type="spellStart"),
            italic,
            w_el("w:bookmarkStart", id="31", name="x31"),
            run(" Doy"),
            w_el("w:bookmarkEnd", id="31"),
            run("le"),
            w_el("w:proofErr", type="spellEnd"),
            run(" visited."),
        )

    return edit_document(save(letter()), change)


NUMBERING_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"


def numbering_level_text() -> bytes:
    """A list whose number format is 'Patricia Doyle %1.': shown before the item, absent from document.xml."""

    def change(package: Package, root: etree._Element) -> None:
        if "word/numbering.xml" in package.parts:
            numbering = package.xml("word/numbering.xml")
        else:
            numbering = etree.Element(q("w:numbering"), nsmap={"w": NS["w"]})
            package.content_type(override=("/word/numbering.xml", NUMBERING_CT))
            package.relate("word/document.xml", f"{RT}/numbering", "numbering.xml")
        abstract = etree.fromstring(
            f'<w:abstractNum xmlns:w="{NS["w"]}" w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{NAME} %1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
        )
        first_num = numbering.find(q("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            etree.fromstring(f'<w:num xmlns:w="{NS["w"]}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
        )
        package.put_xml("word/numbering.xml", numbering)
        paragraph = append_paragraph(root, run("Follow-up call booked."))
        properties = etree.Element(q("w:pPr"))
        numbered = etree.SubElement(properties, q("w:numPr"))
        numbered.append(w_el("w:ilvl", val="0"))
        numbered.append(w_el("w:numId", val="77"))
        paragraph.insert(0, properties)

    return edit_document(save(letter()), change)


def header_watermark() -> bytes:
    """A WordArt watermark in the header: the text lives in v:textpath/@string."""
    document = letter()
    document.sections[0].header.paragraphs[0].text = "Northshire Council"
    package = Package(save(document))
    rels = package.xml("word/_rels/document.xml.rels")
    header_part = "word/" + next(r.get("Target") for r in rels if r.get("Type").endswith("/header"))
    root = package.xml(header_part)
    watermark = etree.fromstring(
        f'<w:r xmlns:w="{NS["w"]}" xmlns:v="{NS["v"]}" xmlns:o="{NS["o"]}"><w:pict>'
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
        '<v:textpath on="t" fitshape="t"/></v:shapetype>'
        '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:400pt;height:100pt;rotation:315;'
        "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        'mso-position-vertical:center;mso-position-vertical-relative:margin" fillcolor="silver" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="{NAME}"/>'
        "</v:shape></w:pict></w:r>"
    )
    root.find(q("w:p")).append(watermark)
    package.put_xml(header_part, root)
    return package.to_bytes()


def hyperlink_tooltip() -> bytes:
    def change(package: Package, root: etree._Element) -> None:
        rid = package.relate("word/document.xml", RT_HYPERLINK, "https://example.org/contacts", external=True)
        link = w_el("w:hyperlink", **{"r:id": rid, "tooltip": f"{NAME}'s contact page"})
        link.append(run("contact page"))
        append_paragraph(root, run("See the "), link, run("."))

    return edit_document(save(letter()), change)


def legacy_form_field() -> bytes:
    def change(_: Package, root: etree._Element) -> None:
        begin = etree.fromstring(
            f'<w:r xmlns:w="{NS["w"]}"><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/>'
            '<w:enabled/><w:calcOnExit w:val="0"/>'
            f'<w:helpText w:type="text" w:val="Ask {NAME} first"/>'
            f'<w:statusText w:type="text" w:val="Ask {NAME} first"/>'
            "<w:textInput/></w:ffData></w:fldChar></w:r>"
        )
        append_paragraph(
            root,
            run("Answer: "),
            begin,
            instr_run(" FORMTEXT "),
            field_run("separate"),
            run("none yet"),
            field_run("end"),
        )

    return edit_document(save(letter()), change)


def core_properties() -> bytes:
    document = letter()
    document.core_properties.title = f"Notes on {NAME}"
    document.core_properties.subject = f"Contact with {NAME}"
    return save(document)


def app_properties() -> bytes:
    package = Package(save(letter()))
    extended = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    if "docProps/app.xml" in package.parts:
        root = package.xml("docProps/app.xml")
    else:
        root = etree.Element(f"{{{extended}}}Properties", nsmap={None: extended})
        package.content_type(
            override=("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        )
        package.relate("", f"{RT}/extended-properties", "docProps/app.xml")
    etree.SubElement(root, f"{{{extended}}}Manager").text = NAME
    etree.SubElement(root, f"{{{extended}}}Company").text = f"{NAME} Associates"
    package.put_xml("docProps/app.xml", root)
    return package.to_bytes()


def package_thumbnail() -> bytes:
    package = Package(save(letter()))
    exif = Image.Exif()
    exif[0x013B] = NAME
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (240, 240, 240)).save(buffer, "JPEG", exif=exif.tobytes())
    package.parts["docProps/thumbnail.jpeg"] = buffer.getvalue()
    package.content_type(default=("jpeg", "image/jpeg"))
    package.relate(
        "", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail", "docProps/thumbnail.jpeg"
    )
    return package.to_bytes()


def zip_comment() -> bytes:
    package = Package(save(letter()))
    package.comment = f"Prepared for {NAME}".encode()
    return package.to_bytes()


def orphan_part() -> bytes:
    package = Package(save(letter()))
    package.parts["word/notes.xml"] = XML_DECL + f"<notes><contact>{NAME}</contact></notes>".encode()
    return package.to_bytes()


def png_with_text_chunk() -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME)
    info.add_text("Description", f"Photo of {NAME}", zip=True)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 60)).save(buffer, "PNG", pnginfo=info)
    document = letter()
    document.add_paragraph().add_run().add_picture(io.BytesIO(buffer.getvalue()))
    return save(document)


def smartart_data_part() -> bytes:
    dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    data = (
        XML_DECL
        + (
            f'<dgm:dataModel xmlns:dgm="{dgm}" xmlns:a="{NS["a"]}"><dgm:ptLst>'
            '<dgm:pt modelId="{00000000-0000-0000-0000-000000000001}" type="doc"><dgm:prSet/><dgm:spPr/>'
            "<dgm:t><a:bodyPr/><a:p><a:r><a:t>Network</a:t></a:r></a:p></dgm:t></dgm:pt>"
            '<dgm:pt modelId="{00000000-0000-0000-0000-000000000002}"><dgm:prSet/><dgm:spPr/>'
            f"<dgm:t><a:bodyPr/><a:p><a:r><a:t>{NAME}</a:t></a:r></a:p></dgm:t></dgm:pt>"
            "</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/></dgm:dataModel>"
        ).encode()
    )

    def change(package: Package, _: etree._Element) -> None:
        package.parts["word/diagrams/data1.xml"] = data
        package.content_type(
            override=(
                "/word/diagrams/data1.xml",
                "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
            )
        )
        package.relate("word/document.xml", f"{RT}/diagramData", "diagrams/data1.xml")

    return edit_document(save(letter()), change)


def people_part() -> bytes:
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    people = (
        XML_DECL
        + (
            f'<w15:people xmlns:w15="{w15}"><w15:person w15:author="{NAME}">'
            f'<w15:presenceInfo w15:providerId="None" w15:userId="{NAME}"/></w15:person></w15:people>'
        ).encode()
    )

    def change(package: Package, _: etree._Element) -> None:
        package.parts["word/people.xml"] = people
        package.content_type(
            override=("/word/people.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml")
        )
        package.relate(
            "word/document.xml", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"
        )

    return edit_document(save(letter()), change)


def edit_part(part: str, change: Callable[[etree._Element], None], data: bytes | None = None) -> bytes:
    package = Package(data or save(letter()))
    root = package.xml(part)
    change(root)
    package.put_xml(part, root)
    return package.to_bytes()


def theme_name() -> bytes:
    def change(root: etree._Element) -> None:
        root.set("name", NAME)

    return edit_part("word/theme/theme1.xml", change)


def font_table_name() -> bytes:
    def change(package: Package, root: etree._Element) -> None:
        fonts = package.xml("word/fontTable.xml")
        font = w_el("w:font", name=NAME)
        font.append(w_el("w:altName", val=f"{NAME} Sans"))
        font.append(w_el("w:family", val="swiss"))
        font.append(w_el("w:pitch", val="variable"))
        fonts.append(font)
        package.put_xml("word/fontTable.xml", fonts)
        for r in ordinary_paragraph(root).findall(q("w:r")):
            properties = etree.Element(q("w:rPr"))
            properties.append(w_el("w:rFonts", ascii=NAME, hAnsi=NAME))
            r.insert(0, properties)

    return edit_document(save(letter()), change)


def style_aliases() -> bytes:
    def change(root: etree._Element) -> None:
        for style in root.iter(q("w:style")):
            if style.get(q("w:styleId")) == "Normal":
                style.find(q("w:name")).addnext(w_el("w:aliases", val=NAME))

    return edit_part("word/styles.xml", change)


def latent_style_exception() -> bytes:
    def change(root: etree._Element) -> None:
        root.find(q("w:latentStyles")).append(w_el("w:lsdException", name=NAME, semiHidden="1"))

    return edit_part("word/styles.xml", change)


def settings_element(element: etree._Element, before: tuple[str, ...]) -> bytes:
    def change(root: etree._Element) -> None:
        for tag in before:
            anchor = root.find(q(tag))
            if anchor is not None:
                anchor.addprevious(element)
                return
        root.append(element)

    return edit_part("word/settings.xml", change)


def mail_merge_query() -> bytes:
    merge = w_el("w:mailMerge")
    merge.append(w_el("w:mainDocumentType", val="formLetters"))
    merge.append(w_el("w:dataType", val="textFile"))
    merge.append(w_el("w:query", val="SELECT * FROM C:\\Users\\Public\\Patricia_Doyle.csv"))
    return settings_element(merge, ("w:trackRevisions", "w:documentProtection", "w:defaultTabStop"))


def caption_label() -> bytes:
    captions = w_el("w:captions")
    captions.append(w_el("w:caption", name=NAME, pos="below"))
    return settings_element(captions, ("w:shapeDefaults", "w:decimalSymbol", "w:listSeparator"))


def attached_schema() -> bytes:
    return settings_element(
        w_el("w:attachedSchema", val="urn:example:patricia-doyle"),
        ("w:themeFontLang", "w:clrSchemeMapping", "w:shapeDefaults", "w:decimalSymbol"),
    )


def numbering_abstract_name() -> bytes:
    data = numbering_level_text()
    package = Package(data)
    numbering = package.xml("word/numbering.xml")
    for abstract in numbering.iter(q("w:abstractNum")):
        if abstract.get(q("w:abstractNumId")) == "77":
            abstract.insert(0, w_el("w:name", val=f"{NAME} list"))
            abstract.find(q("w:lvl")).find(q("w:lvlText")).set(q("w:val"), "%1.")
    package.put_xml("word/numbering.xml", numbering)
    return package.to_bytes()


def content_type_extension() -> bytes:
    package = Package(save(letter()))
    package.content_type(default=("patricia_doyle", "application/octet-stream"))
    return package.to_bytes()


def relationship_id() -> bytes:
    package = Package(save(letter()))
    rels = package.xml("word/_rels/document.xml.rels")
    for rel in rels:
        if rel.get("Type").endswith("/styles"):
            rel.set("Id", "rIdPatricia_Doyle")
    package.put_xml("word/_rels/document.xml.rels", rels)
    return package.to_bytes()


def devmode(device: str) -> bytes:
    """A DEVMODEW: the device name (32 UTF-16 characters), then the fixed fields, zeroed."""
    name = device[:31].encode("utf-16-le").ljust(64, b"\x00")
    return name + struct.pack("<HHHH", 0x0401, 0, 220 - 64 - 8 + 64, 0) + b"\x00" * 148


def printer_settings() -> bytes:
    def change(package: Package, root: etree._Element) -> None:
        package.parts["word/printerSettings/printerSettings1.bin"] = devmode(f"{NAME}'s printer")
        package.content_type(
            default=("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings")
        )
        rid = package.relate("word/document.xml", f"{RT}/printerSettings", "printerSettings/printerSettings1.bin")
        root.find(q("w:body")).find(q("w:sectPr")).append(w_el("w:printerSettings", **{"r:id": rid}))

    return edit_document(save(letter()), change)


def header_hyperlink() -> bytes:
    document = letter()
    document.sections[0].header.paragraphs[0].text = "Contact: "
    package = Package(save(document))
    rels = package.xml("word/_rels/document.xml.rels")
    header_part = "word/" + next(r.get("Target") for r in rels if r.get("Type").endswith("/header"))
    rid = package.relate(header_part, RT_HYPERLINK, "mailto:patricia.doyle@example.org", external=True)
    root = package.xml(header_part)
    link = w_el("w:hyperlink", **{"r:id": rid})
    link.append(run("email"))
    root.find(q("w:p")).append(link)
    package.put_xml(header_part, root)
    return package.to_bytes()


def embedded_font() -> bytes:
    """An embedded (obfuscated) font whose 'name' table gives the person as family name, used by a run."""
    import uuid

    from tests.redaction.render.hostile.pdf_fixtures import truetype_with_family

    key = uuid.UUID("{6C3A2B1D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}")
    font = bytearray(truetype_with_family(NAME))
    key_bytes = bytes.fromhex(key.hex)[::-1]
    for index in range(32):
        font[index] ^= key_bytes[index % 16]

    def change(package: Package, root: etree._Element) -> None:
        package.parts["word/fonts/font1.odttf"] = bytes(font)
        package.content_type(default=("odttf", "application/vnd.openxmlformats-officedocument.obfuscatedFont"))
        rid = package.relate("word/fontTable.xml", f"{RT}/font", "fonts/font1.odttf")
        fonts = package.xml("word/fontTable.xml")
        entry = w_el("w:font", name="Neutral Mono")
        entry.append(w_el("w:embedRegular", **{"r:id": rid, "fontKey": "{" + str(key).upper() + "}"}))
        fonts.append(entry)
        package.put_xml("word/fontTable.xml", fonts)
        settings = package.xml("word/settings.xml")
        settings.insert(1, w_el("w:embedTrueTypeFonts"))
        package.put_xml("word/settings.xml", settings)
        for r in ordinary_paragraph(root).findall(q("w:r")):
            properties = etree.Element(q("w:rPr"))
            properties.append(w_el("w:rFonts", ascii="Neutral Mono", hAnsi="Neutral Mono"))
            r.insert(0, properties)

    return edit_document(save(letter()), change)


# ------------------------------------------------------------------------------------------------------ cases

DOCX_PDF = None  # every output: the DOCX and the LibreOffice PDF
DOCX_ONLY = ("docx",)
HTML_ENTITIES = REFERRAL_HTML.format(name="Patr&#105;cia Do&#x79;le").encode()


def _case(case_id: str, build: Callable[[], bytes], where: str, hint: str, **kwargs: object) -> HostileCase:
    kwargs.setdefault("formats", DOCX_ONLY)
    return HostileCase(case_id, build, "letter.docx", where, hint, **kwargs)  # type: ignore[arg-type]


DOCX_CASES: list[HostileCase] = [
    # 1 bookmarks
    _case("01a-bookmark-name", bookmark, "w:bookmarkStart w:name='Patricia_Doyle'", "bookmarkstart", formats=DOCX_PDF),
    _case(
        "01b-bookmark-name-diacritic",
        lambda: bookmark("Żaneta_Dąbrowska", DIACRITIC_SPELLING),
        "w:bookmarkStart w:name='Żaneta_Dąbrowska'",
        "bookmarkstart",
        term=DIACRITIC_TERM,
        formats=DOCX_PDF,
    ),
    # 2 field codes
    _case(
        "02a-field-hyperlink-mailto",
        lambda: complex_field(' HYPERLINK "mailto:patricia.doyle@example.org" ', "email her"),
        "complex field instrText HYPERLINK mailto:patricia.doyle@...",
        "mailto:",
        formats=DOCX_PDF,
    ),
    _case(
        "02b-field-mergefield",
        lambda: complex_field(" MERGEFIELD Patricia_Doyle \\* MERGEFORMAT ", "«neighbour»"),
        "complex field instrText MERGEFIELD Patricia_Doyle",
        "mergefield",
        formats=DOCX_PDF,
    ),
    _case(
        "02c-field-fldsimple",
        lambda: simple_field(f' AUTHOR "{NAME}" \\* MERGEFORMAT ', "the author"),
        "w:fldSimple w:instr=' AUTHOR \"Patricia Doyle\" '",
        "instr=",
        formats=DOCX_PDF,
    ),
    # 3 link targets
    _case(
        "03a-hyperlink-url-encoded",
        lambda: hyperlink("https://example.org/people/Patricia%20Doyle"),
        "external hyperlink target .../Patricia%20Doyle",
        "document.xml.rels",
        formats=DOCX_PDF,
    ),
    _case(
        "03b-hyperlink-dot",
        lambda: hyperlink("https://example.org/people/patricia.doyle"),
        "external hyperlink target .../patricia.doyle",
        "document.xml.rels",
        formats=DOCX_PDF,
    ),
    _case(
        "03c-hyperlink-underscore",
        lambda: hyperlink("https://example.org/people/Patricia_Doyle"),
        "external hyperlink target .../Patricia_Doyle",
        "document.xml.rels",
        formats=DOCX_PDF,
    ),
    _case(
        "03d-hyperlink-url-encoded-utf8-diacritic",
        lambda: hyperlink("https://example.org/people/%C5%BBaneta%20D%C4%85browska", DIACRITIC_SPELLING),
        "external hyperlink target .../%C5%BBaneta%20D%C4%85browska",
        "document.xml.rels",
        term=DIACRITIC_TERM,
        formats=DOCX_PDF,
    ),
    _case(
        "03e-linked-picture-target",
        lambda: linked_picture("file:///C:/Users/Public/Pictures/Patricia_Doyle.jpg"),
        "a:blip r:link to external file:///.../Patricia_Doyle.jpg",
        "document.xml.rels",
        formats=DOCX_PDF,
    ),
    # 4 media part name
    _case("04-media-part-name", media_named, "word/media/Patricia_Doyle.png (part name)", "Patricia_Doyle.png"),
    # 5 XML comments and processing instructions
    _case(
        "05a-xml-comment-document",
        lambda: xml_node_in_part("word/document.xml", xml_comment),
        "<!-- Patricia Doyle --> in word/document.xml",
        "<!--",
    ),
    _case(
        "05b-processing-instruction-document",
        lambda: xml_node_in_part("word/document.xml", processing_instruction),
        "<?note Patricia Doyle?> in word/document.xml",
        "<?note",
    ),
    _case(
        "05c-comment-and-pi-styles",
        lambda: xml_node_in_part("word/styles.xml", xml_comment, processing_instruction),
        "<!-- Patricia Doyle --> and <?note Patricia Doyle?> in word/styles.xml",
        "zip:word/styles.xml",
    ),
    # 6 charts and embedded workbooks
    _case(
        "06a-chart-workbook-embeddings",
        lambda: chart("word/embeddings/Microsoft_Excel_Worksheet.xlsx", "Contacts", ["Contacts", NAME]),
        "sharedStrings of word/embeddings/Microsoft_Excel_Worksheet.xlsx",
        "Microsoft_Excel_Worksheet.xlsx > zip:xl/sharedStrings.xml",
        formats=DOCX_PDF,
    ),
    _case(
        "06b-chart-workbook-charts-data",
        lambda: chart("word/charts/data/book1.xlsx", "Contacts", ["Contacts", NAME]),
        "sharedStrings of word/charts/data/book1.xlsx",
        "book1.xlsx > zip:xl/sharedStrings.xml",
        formats=DOCX_PDF,
    ),
    _case(
        "06c-chart-strcache",
        lambda: chart("word/embeddings/Microsoft_Excel_Worksheet.xlsx", NAME, ["Contacts"]),
        "c:ser/c:tx/c:strCache in word/charts/chart1.xml",
        "zip:word/charts/chart1.xml",
        formats=DOCX_PDF,
    ),
    # 7 altChunk (the only class that may instead be refused as embedding another format)
    _case(
        "07a-altchunk-html-entities",
        lambda: alt_chunk("word/afchunk1.html", HTML_ENTITIES, "text/html"),
        "altChunk HTML: Patr&#105;cia Do&#x79;le",
        "afchunk1.html",
        formats=DOCX_PDF,
        may_refuse_embedded=True,
    ),
    _case(
        "07b-altchunk-mht-quoted-printable",
        lambda: alt_chunk("word/afchunk1.mht", mht_quoted_printable(), "message/rfc822"),
        "altChunk MHT, quoted-printable with a soft break inside the name",
        "afchunk1.mht > quoted-printable",
        formats=DOCX_PDF,
        may_refuse_embedded=True,
    ),
    _case(
        "07c-altchunk-mht-base64",
        lambda: alt_chunk("word/afchunk1.mht", mht_base64(), "message/rfc822"),
        "altChunk MHT, base64 body",
        "afchunk1.mht > base64",
        formats=DOCX_PDF,
        may_refuse_embedded=True,
    ),
    _case(
        "07d-altchunk-rtf-escapes",
        lambda: alt_chunk("word/afchunk1.rtf", rtf_escaped(), "application/rtf", visible=ACCENT_NAME),
        "altChunk RTF: Zo\\'e9 Doyle",
        "afchunk1.rtf",
        term=ACCENT_NAME,
        formats=DOCX_PDF,
        may_refuse_embedded=True,
    ),
    _case(
        "07e-altchunk-embedded-docx",
        lambda: alt_chunk(
            "word/afchunk1.docx",
            embedded_docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ),
        "altChunk DOCX whose word/document.xml names her",
        "afchunk1.docx > zip:word/document.xml",
        formats=DOCX_PDF,
        may_refuse_embedded=True,
    ),
    # 8 OLE object with an EMZ preview
    _case(
        "08a-ole-emz-preview",
        lambda: ole_with_emz(NAME, "notes.txt", b"Contact log, nothing else."),
        "EMR_EXTTEXTOUTW (UTF-16LE) in gzip word/media/image1.emz",
        "image1.emz > inflate",
    ),
    _case(
        "08b-ole-native-package",
        lambda: ole_with_emz("Notes", f"{NAME}.txt", f"Notes from {NAME}.".encode()),
        "Ole10Native package (label, path, content) inside word/embeddings/oleObject1.bin",
        "oleObject1.bin > ole:\x01Ole10Native",
    ),
    # 9 SVG
    _case("09-svg-picture-entities", svg_picture, "SVG <text>Patr&#105;cia Doyle</text>", "image2.svg"),
    # 10 visible text broken by invisible characters
    *[
        _case(
            f"10{letter_id}-{label}-{marking}",
            (lambda d=disguised: disguised_text(d)),
            f"body text {disguised!r}; redactions {marking}",
            "her sister",
            formats=DOCX_PDF,
            marking=marking,
            marked=(disguised,) if marking == "tolerant" else (),
        )
        for letter_id, label, disguised in (
            ("a", "lrm-inside", "Patri\u200ecia Doyle"),
            ("b", "invisible-separator", "Patricia\u2063Doyle"),
            ("c", "combining-grapheme-joiner", "Pat\u034fricia Doyle"),
            ("d", "rtl-override-reversed", "\u202eelyoD aicirtaP\u202c"),
        )
        for marking in ("literal", "tolerant")
    ],
    # 11 other places
    _case("11-01-custom-style-name", custom_style, "w:style w:name='Patricia Doyle' (styleId PatriciaDoyle)", "styles"),
    _case(
        "11-02-content-control-alias-diacritic",
        lambda: content_control(alias=DIACRITIC_SPELLING, visible=DIACRITIC_SPELLING),
        "w:sdtPr/w:alias w:val='Żaneta Dąbrowska'",
        "w:alias",
        term=DIACRITIC_TERM,
    ),
    _case(
        "11-03-content-control-tag",
        lambda: content_control(tag="Patricia_Doyle"),
        "w:sdtPr/w:tag w:val='Patricia_Doyle'",
        "w:tag",
    ),
    _case(
        "11-04-picture-docpr-name",
        lambda: picture_properties(name=f"{NAME} photo"),
        "wp:docPr name='Patricia Doyle photo'",
        "doyle photo",
    ),
    _case(
        "11-05-picture-alt-text",
        lambda: picture_properties(descr=f"Photo of {NAME} at the gate"),
        "wp:docPr descr (alt text)",
        "descr=",
    ),
    _case("11-06-glossary-document", glossary, "word/glossary/document.xml building block", "glossary"),
    _case("11-07-even-page-header", lambda: other_header("even"), "even-page header text", "header"),
    _case("11-08-first-page-header", lambda: other_header("first"), "first-page header text", "header"),
    _case("11-09-footer-fldsimple", footer_simple_field, "w:fldSimple w:instr in the footer", "footer"),
    _case("11-10-custom-xml-part", custom_xml_part, "customXml/item1.xml", "customXml/item1.xml"),
    _case(
        "11-11-attached-template-path",
        attached_template,
        "settings.xml attachedTemplate target C:/Users/patricia.doyle/...",
        "settings.xml.rels",
    ),
    _case("11-12-document-variable", document_variable, "settings.xml w:docVars/w:docVar w:val", "settings.xml"),
    _case("11-13-tracked-insertion-author", tracked_insertion_author, "w:ins w:author", "w:author="),
    _case("11-14-tracked-deletion-text", tracked_deletion_text, "w:del/w:r/w:delText", "deltext"),
    _case("11-15-hidden-run", hidden_run, "run with w:vanish", "source:"),
    _case("11-16-comment-author", comment_author, "w:comment w:author in comments.xml", "comments"),
    _case("11-17-custom-document-property", custom_property, "docProps/custom.xml property value", "custom.xml"),
    _case(
        "11-18-alternate-content-fallback",
        alternate_content_fallback,
        "mc:AlternateContent mc:Fallback run text (mc:Choice is neutral)",
        "fallback",
    ),
    _case(
        "11-19-name-split-across-runs",
        split_runs,
        "visible name cut into formatted runs with w:proofErr and a bookmark between",
        "her cousin",
        formats=DOCX_PDF,
    ),
    _case(
        "11-20-numbering-level-text",
        numbering_level_text,
        "numbering.xml w:lvlText 'Patricia Doyle %1.' (drawn before a list item)",
        "lvltext",
        formats=DOCX_PDF,
    ),
    _case(
        "11-21-header-watermark-textpath",
        header_watermark,
        "header WordArt watermark v:textpath/@string",
        'string="patricia doyle',
        formats=DOCX_PDF,
    ),
    _case("11-22-hyperlink-tooltip", hyperlink_tooltip, "w:hyperlink w:tooltip", "tooltip"),
    _case("11-23-legacy-form-field-help", legacy_form_field, "w:ffData w:helpText / w:statusText", "helptext"),
    _case("11-24-core-properties", core_properties, "docProps/core.xml title and subject", "core.xml"),
    _case("11-25-app-properties", app_properties, "docProps/app.xml Manager and Company", "app.xml"),
    _case("11-26-package-thumbnail-exif", package_thumbnail, "EXIF Artist of docProps/thumbnail.jpeg", "thumbnail"),
    _case("11-27-zip-comment", zip_comment, "the DOCX container's ZIP comment", "zip-comment"),
    _case("11-28-orphan-part", orphan_part, "word/notes.xml, a part nothing refers to", "notes.xml"),
    _case("11-29-png-text-chunks", png_with_text_chunk, "tEXt/zTXt chunks of an inline PNG", "image:"),
    _case("11-30-smartart-data-part", smartart_data_part, "word/diagrams/data1.xml (SmartArt data)", "diagrams"),
    _case("11-31-people-part", people_part, "word/people.xml w15:person w15:author", "people.xml"),
    _case("11-32-theme-name", theme_name, "word/theme/theme1.xml a:theme/@name", "theme1.xml"),
    _case("11-33-font-table-name", font_table_name, "fontTable.xml w:font w:name (used by w:rFonts)", "fonttable"),
    _case("11-34-style-aliases", style_aliases, "styles.xml Normal w:aliases", "w:aliases"),
    _case("11-35-latent-style-exception", latent_style_exception, "styles.xml w:lsdException w:name", "lsdexception"),
    _case("11-36-mail-merge-query", mail_merge_query, "settings.xml w:mailMerge/w:query", "mailmerge"),
    _case("11-37-caption-label", caption_label, "settings.xml w:captions/w:caption w:name", "w:caption "),
    _case("11-38-attached-schema", attached_schema, "settings.xml w:attachedSchema w:val", "attachedschema"),
    _case("11-39-numbering-abstract-name", numbering_abstract_name, "numbering.xml w:abstractNum/w:name", "list"),
    _case("11-40-content-type-extension", content_type_extension, "[Content_Types].xml Default Extension", "content_"),
    _case("11-41-relationship-id", relationship_id, "document.xml.rels Relationship Id", "document.xml.rels"),
    _case(
        "11-42-printer-settings", printer_settings, "DEVMODE device name (UTF-16LE) in printerSettings1.bin", "printer"
    ),
    _case("11-43-header-hyperlink", header_hyperlink, "header hyperlink mailto:patricia.doyle@...", "header1.xml.rels"),
    _case(
        "11-44-embedded-font-name-table",
        embedded_font,
        "word/fonts/font1.odttf 'name' table family (obfuscated header only)",
        "font1.odttf",
        formats=DOCX_PDF,
    ),
]
