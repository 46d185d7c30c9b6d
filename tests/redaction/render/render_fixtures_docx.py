"""Word documents that hide a third party's name in one place each (python-docx plus raw XML)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree

NAME = "Patricia Doyle"
FAMILY = "Chioma Okafor"
ORDINARY = "The home visit went ahead as planned."
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PLACEHOLDER = "PLACEHOLDER-PARAGRAPH"


def _base(configure: Callable[[object], None] | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(f"Report about {FAMILY} and her children.")
    document.add_paragraph(ORDINARY)
    document.add_paragraph(_PLACEHOLDER)
    if configure is not None:
        configure(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _edit(data: bytes, changes: dict[str, Callable[[bytes | None], bytes]]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            content = source.read(name)
            target.writestr(name, changes[name](content) if name in changes else content)
        for name, change in changes.items():
            if name not in names:
                target.writestr(name, change(None))
    return out.getvalue()


def _replace_placeholder(xml_paragraphs: str) -> Callable[[bytes | None], bytes]:
    def change(content: bytes | None) -> bytes:
        assert content is not None
        root = etree.fromstring(content)
        body = root.find(f"{{{W_NS}}}body")
        assert body is not None
        for p in body.findall(f"{{{W_NS}}}p"):
            if "".join(p.itertext()) == _PLACEHOLDER:
                index = body.index(p)
                body.remove(p)
                wrapper = etree.fromstring(f"<w:body {NSDECL}>{xml_paragraphs}</w:body>")
                for offset, child in enumerate(wrapper):
                    body.insert(index + offset, child)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return change


def _add_rel(rel_id: str, rel_type: str, target: str, external: bool = False) -> Callable[[bytes | None], bytes]:
    def change(content: bytes | None) -> bytes:
        assert content is not None
        mode = ' TargetMode="External"' if external else ""
        entry = f'<Relationship Id="{rel_id}" Type="{_RELS}/{rel_type}" Target="{target}"{mode}/>'
        return content.replace(b"</Relationships>", entry.encode() + b"</Relationships>")

    return change


def _chain(*changes: Callable[[bytes | None], bytes]) -> Callable[[bytes | None], bytes]:
    def change(content: bytes | None) -> bytes:
        for step in changes:
            content = step(content)
        assert content is not None
        return content

    return change


def _content_type(extra: str) -> Callable[[bytes | None], bytes]:
    def change(content: bytes | None) -> bytes:
        assert content is not None
        return content.replace(b"</Types>", extra.encode() + b"</Types>")

    return change


def _const(data: bytes) -> Callable[[bytes | None], bytes]:
    return lambda _: data


def _para(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _run(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _body(xml: str, extra: dict[str, Callable[[bytes | None], bytes]] | None = None) -> bytes:
    changes = {"word/document.xml": _replace_placeholder(xml), **(extra or {})}
    return _edit(_base(), changes)


def _notes(kind: str) -> bytes:
    tag = kind[:-1]  # footnotes -> footnote
    ns = f"<w:{kind} {NSDECL}>"
    seps = "".join(
        f'<w:{tag} w:type="{t}" w:id="{i}"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        for i, t in ((-1, "separator"), (0, "continuationSeparator"))
    )
    note = f'<w:{tag} w:id="1"><w:p>{_run(f"Source: {NAME} told the school.")}</w:p></w:{tag}>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{ns}{seps}{note}</w:{kind}>'.encode()


def _note_doc(kind: str) -> bytes:
    tag = kind[:-1]
    ref = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag}Reference w:id="1"/></w:r>'
    ctype = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
    return _body(
        _para(_run("A concern was raised.") + ref),
        {
            f"word/{kind}.xml": _const(_notes(kind)),
            "word/_rels/document.xml.rels": _add_rel("rIdNote", kind, f"{kind}.xml"),
            "[Content_Types].xml": _content_type(f'<Override PartName="/word/{kind}.xml" ContentType="{ctype}"/>'),
        },
    )


def _textbox() -> bytes:
    content = f"<w:txbxContent><w:p>{_run(f'Neighbour: {NAME}')}</w:p></w:txbxContent>"
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2400000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="5" name="Text Box 5"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2400000" cy="500000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    fallback = f'<w:pict><v:shape style="width:189pt;height:39pt"><v:textbox>{content}</v:textbox></v:shape></w:pict>'
    alternate = (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    return _body(_para(_run("See the box.") + alternate))


def _comment() -> bytes:
    def configure(document: object) -> None:
        paragraph = document.paragraphs[1]  # type: ignore[attr-defined]
        document.add_comment(paragraph.runs, text=f"Ask {NAME} about this", author=NAME, initials="PD")  # type: ignore[attr-defined]

    return _edit(_base(configure), {"word/document.xml": _replace_placeholder(_para(_run("Nothing else.")))})


def _core() -> bytes:
    def configure(document: object) -> None:
        props = document.core_properties  # type: ignore[attr-defined]
        props.author = NAME
        props.title = f"Notes on {NAME}"
        props.comments = NAME
        props.last_modified_by = NAME

    return _edit(_base(configure), {"word/document.xml": _replace_placeholder(_para(_run("Plain.")))})


def _app() -> bytes:
    def change(content: bytes | None) -> bytes:
        assert content is not None
        return content.replace(
            b"</Properties>", f"<Manager>{NAME}</Manager><Company>{NAME} Ltd</Company></Properties>".encode()
        )

    return _body(_para(_run("Plain.")), {"docProps/app.xml": change})


def _custom() -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Referrer">'
        f"<vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>"
    )
    return _body(
        _para(_run("Plain.")),
        {
            "docProps/custom.xml": _const(xml.encode()),
            "_rels/.rels": _add_rel("rIdCustom", "custom-properties", "docProps/custom.xml"),
            "[Content_Types].xml": _content_type(
                '<Override PartName="/docProps/custom.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
            ),
        },
    )


def _alt_text() -> bytes:
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 60, 60)).save(image, format="PNG")

    def configure(document: object) -> None:
        document.add_picture(io.BytesIO(image.getvalue()))  # type: ignore[attr-defined]

    def change(content: bytes | None) -> bytes:
        assert content is not None
        return content.replace(
            b'<wp:docPr id="1" name="Picture 1"',
            f'<wp:docPr id="1" name="Picture 1" descr="Photo of {NAME}" title="{NAME}"'.encode(),
        )

    data = _edit(_base(configure), {"word/document.xml": _replace_placeholder(_para(_run("A photo follows.")))})
    return _edit(data, {"word/document.xml": change})


def photo_with_exif(kind: str = "JPEG") -> bytes:
    """A small picture whose metadata names the third party: EXIF artist and caption, a comment."""
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    image = Image.new("RGB", (40, 20), (60, 120, 200))
    buffer = io.BytesIO()
    if kind == "PNG":
        info = PngInfo()
        info.add_text("Author", NAME)
        info.add_itxt("Description", f"Photo of {NAME}")
        image.save(buffer, format="PNG", pnginfo=info)
    else:
        exif = Image.Exif()
        exif[0x013B] = NAME  # Artist
        exif[0x010E] = f"Photo of {NAME}"  # ImageDescription
        image.save(buffer, format="JPEG", exif=exif.tobytes(), comment=f"Taken at {NAME}'s house")
    return buffer.getvalue()


def _photo(kind: str) -> bytes:
    def configure(document: object) -> None:
        document.add_picture(io.BytesIO(photo_with_exif(kind)))  # type: ignore[attr-defined]

    return _edit(_base(configure), {"word/document.xml": _replace_placeholder(_para(_run("A photo follows.")))})


def _hyperlink() -> bytes:
    underline = '<w:rPr><w:u w:val="single"/></w:rPr>'
    link = f'<w:hyperlink r:id="rIdLink">{_run(NAME, underline)}</w:hyperlink>'
    return _body(
        _para(_run("Email ") + link + _run(" for details.")),
        {"word/_rels/document.xml.rels": _add_rel("rIdLink", "hyperlink", "mailto:patricia.doyle@example.org", True)},
    )


def _binary_part(part: str, rel_type: str, ctype: str, body_xml: str, main_type: str | None = None) -> bytes:
    def content_types(content: bytes | None) -> bytes:
        assert content is not None
        content = content.replace(b"</Types>", f'<Override PartName="/{part}" ContentType="{ctype}"/></Types>'.encode())
        if main_type:
            content = content.replace(
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", main_type.encode()
            )
        return content

    blob = b"\xd0\xcf\x11\xe0" + f"Author {NAME}".encode() + "\x00".join(NAME).encode("utf-16-le")
    return _body(
        body_xml,
        {
            part: _const(blob),
            "word/_rels/document.xml.rels": _add_rel("rIdBin", rel_type, part.removeprefix("word/")),
            "[Content_Types].xml": content_types,
        },
    )


def _custom_xml() -> bytes:
    item = f'<?xml version="1.0"?><case><referrer>{NAME}</referrer></case>'.encode()
    return _body(
        _para(_run("Plain.")),
        {
            "customXml/item1.xml": _const(item),
            "word/_rels/document.xml.rels": _add_rel("rIdXml", "customXml", "../customXml/item1.xml"),
        },
    )


PLACES: dict[str, Callable[[], bytes]] = {
    "body": lambda: _body(_para(_run(f"The neighbour, {NAME}, called."))),
    "split_runs": lambda: _body(
        _para(_run("The neighbour Pat") + _run("ricia Do", "<w:rPr><w:b/></w:rPr>") + _run("yle called."))
    ),
    "table": lambda: _body(
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/>'
        '<w:gridCol w:w="3000"/></w:tblGrid><w:tr>'
        f"<w:tc><w:p>{_run('Referrer')}</w:p></w:tc><w:tc><w:p>{_run(NAME)}</w:p></w:tc></w:tr></w:tbl>" + _para("")
    ),
    "header": lambda: _edit(
        _base(lambda d: setattr(d.sections[0].header.paragraphs[0], "text", f"Copy for {NAME}")),  # type: ignore[attr-defined]
        {"word/document.xml": _replace_placeholder(_para(_run("Plain.")))},
    ),
    "footer": lambda: _edit(
        _base(lambda d: setattr(d.sections[0].footer.paragraphs[0], "text", f"Prepared with {NAME}")),  # type: ignore[attr-defined]
        {"word/document.xml": _replace_placeholder(_para(_run("Plain.")))},
    ),
    "footnote": lambda: _note_doc("footnotes"),
    "endnote": lambda: _note_doc("endnotes"),
    "textbox": _textbox,
    "comment": _comment,
    "tracked_deletion": lambda: _body(
        _para(
            _run("Contact was made. ")
            + f'<w:del w:id="7" w:author="{NAME}" w:date="2024-01-01T00:00:00Z">'
            + f"<w:r><w:delText>{NAME} was there.</w:delText></w:r></w:del>"
        )
    ),
    "tracked_insertion": lambda: _body(
        _para(
            _run("Contact was made. ")
            + '<w:ins w:id="8" w:author="Rhiannon Pryce" w:date="2024-01-01T00:00:00Z">'
            + f"{_run(f'Inserted: {NAME} visited.')}</w:ins>"
        )
    ),
    "hidden": lambda: _body(_para(_run("Visible words. ") + _run(NAME, "<w:rPr><w:vanish/></w:rPr>"))),
    "core_properties": _core,
    "app_properties": _app,
    "custom_properties": _custom,
    "alt_text": _alt_text,
    "hyperlink": _hyperlink,
    "embedded_object": lambda: _binary_part(
        "word/embeddings/oleObject1.bin",
        "oleObject",
        "application/vnd.openxmlformats-officedocument.oleObject",
        _para(
            '<w:r><w:object><o:OLEObject Type="Embed" ProgID="Word.Document.12" ShapeID="_x0000_i1025" '
            'r:id="rIdBin"/></w:object></w:r>'
        ),
    ),
    "macros": lambda: _binary_part(
        "word/vbaProject.bin",
        "vbaProject",
        "application/vnd.ms-office.vbaProject",
        _para(_run("Plain.")),
        main_type="application/vnd.ms-word.document.macroEnabled.main+xml",
    ),
    "custom_xml": _custom_xml,
    "image_exif": lambda: _photo("JPEG"),
    "image_png_text": lambda: _photo("PNG"),
}
