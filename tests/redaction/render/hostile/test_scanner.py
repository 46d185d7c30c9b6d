"""The deep scanner itself: it must find the name through every encoding it claims to undo (so a clean verdict
on an output means something), and must not cry wolf on files that do not hold the name."""

from __future__ import annotations

import base64
import gzip
import io
import os
import zipfile
import zlib

import pikepdf
import pytest
from pikepdf import Name, String
from PIL import Image, PngImagePlugin

from tests.redaction.render.hostile import docx_fixtures as dx
from tests.redaction.render.hostile import pdf_fixtures as px
from tests.redaction.render.hostile.common import ACCENT_NAME, DIACRITIC_SPELLING, DIACRITIC_TERM, NAME
from tests.redaction.render.hostile.scanner import describe, fold, scan, scan_text

OTHER = "Jane Smith"  # the visible neighbour in the carrier files below, so only the hidden place holds NAME


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def pdf_with(change) -> bytes:
    return px.edit(change, px.letter(OTHER))


def docx_with(change) -> bytes:
    return dx.edit_document(dx.save(dx.letter(OTHER)), change)


# ------------------------------------------------------------------------------------------------ text encodings

TEXT_CASES = {
    "plain": f"Called {NAME} today",
    "upper-case": "PATRICIA DOYLE",
    "underscore": "Patricia_Doyle",
    "dot": "patricia.doyle@example.org",
    "hyphen": "Patricia-Doyle",
    "percent-20": "people/Patricia%20Doyle",
    "nothing-between": "PatriciaDoyle",
    "plus": "/Patricia+Doyle",
    "no-break-space": "Patricia\u00a0Doyle",
    "decimal-and-hex-entities": "Patr&#105;cia Do&#x79;le",
    "named-entity-space": "Patricia&nbsp;Doyle",
    "url-double-encoded": "Patricia%2520Doyle",
    "pdf-name-escape": "/Patricia#20Doyle",
    "lrm-inside": "Patri\u200ecia Doyle",
    "invisible-separator": "Patricia\u2063Doyle",
    "zero-width-space": "Patr\u200bicia Doyle",
    "soft-hyphen": "Patri\u00adcia Doyle",
    "combining-grapheme-joiner": "Pat\u034fricia Doyle",
    "rtl-override-reversed": "\u202eelyoD aicirtaP\u202c",
    "rtl-override-as-entities": "&#x202E;elyoD aicirtaP&#x202C;",
    "fullwidth": "".join(chr(ord(c) + 0xFEE0) if c != " " else c for c in NAME),
    "split-over-runs": "<w:r><w:t>Patri</w:t></w:r><w:r><w:t>cia Doyle</w:t></w:r>",
    "rtf-control-words": r"{\rtf1 Pat{\b ricia} Doyle\par}",
    "surname-first": "Doyle, Patricia",
    "quoted-printable-soft-break": "<p>Patri=\r\ncia Doyle</p>",
    "quoted-printable-escape": "<p>Patr=69cia Doyle</p>",
    "base64-inline": f'<x data="{base64.b64encode(f"called {NAME}".encode()).decode()}"/>',
    "hex-run": f"{{\\objdata 0105 {f'About {NAME}.'.encode().hex()}}}",
}


@pytest.mark.parametrize("text", TEXT_CASES.values(), ids=TEXT_CASES.keys())
def test_finds_the_name_through_a_text_encoding(text: str) -> None:
    assert scan_text(text, NAME), f"missed {text!r}"
    assert scan(text.encode("utf-8"), NAME), f"missed {text!r} as UTF-8 bytes"


DIACRITIC_CASES = {
    "utf-8": DIACRITIC_SPELLING.encode(),
    "utf-16-le": DIACRITIC_SPELLING.encode("utf-16-le"),
    "utf-16-be-odd-offset": b"\x07" + DIACRITIC_SPELLING.encode("utf-16-be"),
    "url-encoded-utf-8": b"https://example.org/people/%C5%BBaneta%20D%C4%85browska",
    "xml-entities": b"&#379;aneta D&#x105;browska",
    "decomposed-nfd": "Z\u0307aneta Da\u0328browska".encode(),
    "plain-term": DIACRITIC_TERM.encode(),
}


@pytest.mark.parametrize("data", DIACRITIC_CASES.values(), ids=DIACRITIC_CASES.keys())
def test_finds_a_name_with_diacritics_from_its_plain_term(data: bytes) -> None:
    assert scan(data, DIACRITIC_TERM), f"missed {data!r}"


def test_rtf_escapes_and_the_accented_term() -> None:
    assert fold(ACCENT_NAME) == "zoe doyle"
    assert scan(dx.rtf_escaped(), ACCENT_NAME)
    assert scan(rb"{\rtf1 Zo\u233? Doyle}", ACCENT_NAME)
    assert scan(rb"{\rtf1 Zo\u233\'3f Doyle}", "Zoe Doyle")


# ------------------------------------------------------------------------------------------------ byte encodings


BYTE_CASES = {
    "utf-16-le": NAME.encode("utf-16-le"),
    "utf-16-le-odd-offset": b"\x00\x01\x02" + NAME.encode("utf-16-le") + b"\x00",
    "utf-16-be": b"\xfe\xff" + NAME.encode("utf-16-be"),
    "latin-1-in-binary": os.urandom(64) + NAME.encode() + os.urandom(64),
    "mht-base64": dx.mht_base64(),
    "mht-quoted-printable": dx.mht_quoted_printable(),
    "gzip": gzip.compress(f"note: {NAME}".encode()),
    "zlib-at-offset": os.urandom(37) + zlib.compress(f"note: {NAME}".encode()) + os.urandom(11),
    "emz-utf-16": gzip.compress(dx.emf_with_text(NAME)),
    "zip-member": zip_of({"a.xml": f"<a>{NAME}</a>".encode()}),
    "zip-member-name": zip_of({"media/Patricia_Doyle.png": dx.png_bytes()}),
    "zip-in-zip-xlsx": zip_of({"word/embeddings/book.xlsx": dx.xlsx(["Contacts", NAME])}),
    "zip-glued-after-junk": b"junk" * 50 + zip_of({"x.txt": NAME.encode()}),
    "ole-stream": dx.compound_file({"Contents": f"about {NAME}".encode("utf-16-le")}),
    "ole-native-package": dx.compound_file({"\x01Ole10Native": dx.ole10_native("Patricia_Doyle.txt", b"hi")}),
    "ole-in-zip": zip_of({"word/embeddings/oleObject1.bin": dx.compound_file({"Data": NAME.encode()})}),
    "svg-entities": b'<svg xmlns="http://www.w3.org/2000/svg"><text>Patr&#105;cia Doyle</text></svg>',
    "jp2-xml-box": px.jp2_with_xml_box(f"<note>{NAME}</note>".encode()),
    "icc-mluc-utf-16-be": px.icc_profile_with_description(NAME),
    "jpeg-exif-artist": px.jpeg(exif=px.exif_with(0x013B, NAME)),
    "jpeg-exif-xpauthor": px.jpeg(exif=px.exif_with(0x9C9D, NAME.encode("utf-16-le") + b"\x00\x00")),
    "jpeg-xmp": px.jpeg(segments=(px.XMP_JPEG,)),
    "jpeg-com": px.jpeg(segments=(px.segment(0xFE, NAME.encode()),)),
}


def _png_with_compressed_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME * 3, zip=True)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


BYTE_CASES["png-ztxt"] = _png_with_compressed_text()


@pytest.mark.parametrize("data", BYTE_CASES.values(), ids=BYTE_CASES.keys())
def test_finds_the_name_through_a_byte_encoding_or_container(data: bytes) -> None:
    assert scan(data, NAME), "missed"


def test_zip_member_hits_name_their_path() -> None:
    hits = scan(zip_of({"word/embeddings/book.xlsx": dx.xlsx(["Contacts", NAME])}), NAME)
    assert any("book.xlsx > zip:xl/sharedStrings.xml" in h.path for h in hits), describe(hits)


# ------------------------------------------------------------------------------------------------ PDF structure


def _jpeg_in_flate_dct(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    stream = pikepdf.Stream(pdf, zlib.compress(px.jpeg(exif=px.exif_with(0x013B, NAME))))
    stream.Type, stream.Subtype, stream.Width, stream.Height = Name.XObject, Name.Image, 40, 30
    stream.ColorSpace, stream.BitsPerComponent = Name.DeviceRGB, 8
    stream.Filter = pikepdf.Array([Name.FlateDecode, Name.DCTDecode])
    px.place_image(pdf, page, pdf.make_indirect(stream))


def _name_object(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.Foo = Name("/Patricia Doyle")  # written as /Patricia#20Doyle


def _utf16_string(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.Foo = String(DIACRITIC_SPELLING)


def _compressed_content(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    stream = pikepdf.Stream(pdf, zlib.compress(f"BT /FH 9 Tf 0 0 Td ({NAME}) Tj ET".encode()))
    stream.Filter = Name.FlateDecode
    px.resources(page, "/Font")[Name.FH] = px.helvetica(pdf)
    page.contents_add(stream, prepend=False)


PDF_CASES = {
    "jpeg-exif-in-flate-dct": (lambda: pdf_with(_jpeg_in_flate_dct), NAME),
    "name-object-hash-escape": (lambda: pdf_with(_name_object), NAME),
    "utf-16-be-string": (lambda: pdf_with(_utf16_string), DIACRITIC_TERM),
    "flate-content-stream": (lambda: pdf_with(_compressed_content), NAME),
    "orphan-object": (lambda: px.append_update(px.letter(OTHER), {99: f"({NAME})".encode()}), NAME),
}


@pytest.mark.parametrize("build_and_name", PDF_CASES.values(), ids=PDF_CASES.keys())
def test_finds_the_name_in_pdf_structure(build_and_name) -> None:
    build, name = build_and_name
    assert scan(build(), name), "missed"


def test_finds_a_name_only_visible_through_a_subset_font() -> None:
    """The name drawn in a subset TrueType font (glyph ids in the content): only page text reveals it."""
    data = px.letter(DIACRITIC_SPELLING)
    hits = scan(data, DIACRITIC_TERM)
    assert any("pdf:text" in h.path for h in hits), describe(hits)


# ------------------------------------------------------------------------------------------------ DOCX structure


def test_finds_a_bookmark_name_in_a_docx() -> None:
    def change(_: dx.Package, root) -> None:
        first = dx.ordinary_paragraph(root).find(dx.q("w:r"))
        first.addprevious(dx.w_el("w:bookmarkStart", id="1", name="Patricia_Doyle"))

    assert scan(docx_with(change), NAME)


def test_finds_an_altchunk_html_with_entities_in_a_docx() -> None:
    data = dx.Package(dx.save(dx.letter(OTHER)))
    data.parts["word/afchunk.html"] = b"<p>Patr&#105;cia Do&#x79;le</p>"
    hits = scan(data.to_bytes(), NAME)
    assert any("afchunk.html" in h.path for h in hits), describe(hits)


# ------------------------------------------------------------------------------------------------ no false alarms


NEAR_MISSES = {
    "other-first-name": "Patrick Doyle called.",
    "other-surname": "Patricia Dole called.",
    "first-name-only": "Patricia called.",
    "surname-only": "Mr Doyle called.",
    "words-far-apart": "Patricia went out. Later, Doyle came in.",
    "family": "Visit to Chioma Okafor.",
}


@pytest.mark.parametrize("text", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_no_hit_on_near_misses(text: str) -> None:
    assert not scan(text.encode(), NAME)
    assert not scan(text.encode("utf-16-le"), NAME)


CLEAN_FILES = {
    "docx-letter": lambda: dx.save(dx.letter(OTHER)),
    "docx-with-chart-and-workbook": lambda: dx.chart(
        "word/embeddings/Microsoft_Excel_Worksheet.xlsx", "Contacts", ["Contacts", OTHER], visible=OTHER
    ),
    "pdf-letter": lambda: px.letter(OTHER),
    "pdf-letter-unicode-font": lambda: px.letter("Żaneta Kowalska"),
    "jpeg": lambda: px.jpeg(exif=px.exif_with(0x013B, OTHER)),
    "random-bytes": lambda: os.urandom(200_000),
}


@pytest.mark.parametrize("build", CLEAN_FILES.values(), ids=CLEAN_FILES.keys())
def test_no_hit_on_files_without_the_name(build) -> None:
    hits = scan(build(), [NAME, DIACRITIC_TERM])
    assert not hits, describe(hits)
