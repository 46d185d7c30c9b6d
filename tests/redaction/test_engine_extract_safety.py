"""Hostile or protected files fail with clear messages before anything large is decompressed."""

from __future__ import annotations

import io
import zipfile

import pytest

from redaction.errors import UnreadableFile
from redaction.extract import extract
from tests.redaction.builders import make_docx


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused_from_its_declared_sizes():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + b"a" * (80 * 1024 * 1024) + b"/>"})
    with pytest.raises(UnreadableFile, match=r"too large|expands"):
        extract(bomb, "minutes.docx")


def test_password_protected_docx_is_reported_as_such():
    # Word writes an encrypted .docx as an OLE compound file with an EncryptedPackage stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    with pytest.raises(UnreadableFile, match="password-protected"):
        extract(ole, "letter.docx")


def test_docx_with_text_box_footnote_and_comment_text_is_extracted():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    base = make_docx(["Body text about Tobi."])
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    note = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"
    parts["word/footnotes.xml"] = (
        f"<w:footnotes {w}><w:footnote>{note.format('Ada Quill')}</w:footnote></w:footnotes>".encode()
    )
    parts["word/comments.xml"] = (
        f"<w:comments {w}><w:comment>{note.format('Bo Lund')}</w:comment></w:comments>".encode()
    )
    document = parts["word/document.xml"].decode()
    box = note.format("Boxed: Cy Marr")
    textbox = f"<w:p><w:r><w:pict><w:txbxContent>{box}</w:txbxContent></w:pict></w:r></w:p>"
    parts["word/document.xml"] = document.replace("<w:sectPr", textbox + "<w:sectPr", 1).encode()
    result = extract(_zip(parts), "notes.docx")
    for words, location in (("Ada Quill", "footnote"), ("Bo Lund", "comment"), ("Cy Marr", "textbox")):
        at = result.text.index(words)
        assert any(s.start <= at < s.end and s.location == location for s in result.segments), location
