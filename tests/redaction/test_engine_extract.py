"""Extraction of TXT, DOCX and PDF, and the user-facing errors for files that cannot be read."""

from __future__ import annotations

import io
import zipfile

import pytest

from redaction.errors import UnreadableFile, UnsupportedFile
from redaction.extract import extract
from tests.redaction.builders import make_docx, make_pdf


def test_utf8_text_is_extracted_unchanged_so_offsets_match_the_file():
    data = "Caf\u00e9 visit with Chioma Okafor.\r\nSecond line".encode()
    doc = extract(data, "note.txt")
    assert doc.format == "txt"
    assert doc.text == data.decode("utf-8")
    assert doc.warnings == ()


def test_cp1252_text_is_read_with_a_warning():
    doc = extract("Paw\u00e9l said \u201chello\u201d".encode("cp1252"), "note.txt")
    assert "\u201chello\u201d" in doc.text
    assert any("not UTF-8" in w for w in doc.warnings)


def test_docx_body_table_header_and_footer_are_all_extracted_with_locations():
    data = make_docx(
        ["Visit to Mrs Okafor."],
        table=[["Name:", "Patricia Doyle"], ["Phone:", "07700 900111"]],
        header="Header: Darren Whitlock",
        footer="Footer text",
    )
    doc = extract(data, "record.docx")
    assert doc.format == "docx"
    for expected in ("Visit to Mrs Okafor.", "Name:\tPatricia Doyle", "Darren Whitlock", "Footer text"):
        assert expected in doc.text
    locations = {s.location for s in doc.segments}
    assert {"body", "table", "header", "footer"} <= locations
    for segment in doc.segments:
        assert doc.text[segment.start : segment.end].strip()
        assert segment.ref.startswith("word/")


def _docx_with_extra_body_xml(extra: str) -> bytes:
    data = make_docx(["Intro"])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(b"<w:sectPr", extra.encode() + b"<w:sectPr", 1)
            target.writestr(item, content)
    return out.getvalue()


def test_docx_tracked_deletion_and_hidden_text_are_extracted_with_warnings():
    extra = (
        '<w:p><w:del w:id="1" w:author="x"><w:r><w:delText>Deleted Kenzie Whitlock</w:delText>'
        "</w:r></w:del></w:p>"
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden Darren Whitlock</w:t></w:r></w:p>"
    )
    doc = extract(_docx_with_extra_body_xml(extra), "record.docx")
    assert "Deleted Kenzie Whitlock" in doc.text
    assert "Hidden Darren Whitlock" in doc.text
    assert any("deletions" in w for w in doc.warnings)
    assert any("hidden" in w for w in doc.warnings)


def test_pdf_text_of_every_page_is_extracted_with_page_numbers():
    data = make_pdf([["Page one mentions Chioma Okafor."], ["Page two mentions Patricia Doyle."]])
    doc = extract(data, "letter.pdf")
    assert doc.format == "pdf" and not doc.needs_ocr
    assert "Chioma Okafor" in doc.text and "Patricia Doyle" in doc.text
    pages = [s.page for s in doc.segments]
    assert pages == [1, 2]
    second = doc.segments[1]
    assert "Patricia Doyle" in doc.text[second.start : second.end]


def test_pdf_without_text_layer_needs_ocr_and_says_so():
    doc = extract(make_pdf([[]]), "scan.pdf")
    assert doc.needs_ocr
    assert doc.warnings and "no text layer" in doc.warnings[0]


def test_type_is_detected_from_content_not_extension():
    with pytest.raises(UnsupportedFile, match="named as a PDF but its content is a Word document"):
        extract(make_docx(["Hello"]), "actually-docx.pdf")


def test_text_file_named_docx_is_rejected():
    with pytest.raises(UnsupportedFile, match="named as a Word document"):
        extract(b"just some words", "notes.docx")


@pytest.mark.parametrize(
    ("data", "name", "error", "words"),
    [
        (b"", "empty.txt", UnreadableFile, "empty"),
        (b"   \n", "blank.txt", UnreadableFile, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "photo.png", UnsupportedFile, "not a supported type"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "photo.txt", UnsupportedFile, "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old.doc", UnsupportedFile, "not a supported"),
        (b"PK\x03\x04garbage-not-a-zip", "broken.docx", UnreadableFile, "damaged"),
        (b"%PDF-1.7\n%broken beyond repair", "broken.pdf", UnreadableFile, "damaged"),
    ],
)
def test_bad_files_raise_clear_user_facing_errors(data, name, error, words):
    with pytest.raises(error) as caught:
        extract(data, name)
    assert words in str(caught.value)


def test_encrypted_pdf_is_reported_as_password_protected():
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf([["Secret"]])))
    writer.encrypt(user_password="pw", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UnreadableFile, match="password"):
        extract(out.getvalue(), "locked.pdf")
