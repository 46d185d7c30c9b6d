"""Decide what a file really is from its bytes, and check the name agrees."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from typing import Literal

from redaction.errors import UnreadableFile, UnsupportedFile

Format = Literal["txt", "docx", "pdf"]

_EXTENSIONS: dict[str, Format] = {".txt": "txt", ".docx": "docx", ".pdf": "pdf"}
_DESCRIPTIONS: dict[str, str] = {
    "txt": "a plain text file",
    "docx": "a Word document (.docx)",
    "pdf": "a PDF",
}
# Signatures of formats people commonly upload by mistake, so the message can say what the file is.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Word/Office file (.doc/.xls); save it as .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document; save it as .docx"),
)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _encrypted_ooxml(data: bytes) -> bool:
    """An OLE compound file holding the EncryptedPackage stream (its directory names are UTF-16LE)."""
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UnreadableFile("The file looks like a Word document but is damaged and cannot be opened.") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "a spreadsheet (.xlsx)"
    if "ppt/presentation.xml" in names:
        return "a presentation (.pptx)"
    if "mimetype" in names:
        return "an OpenDocument file; save it as .docx"
    return "a zip archive"


def _looks_like_text(data: bytes) -> bool:
    # NUL bytes never occur in real text in the encodings we accept; control bytes are rare.
    sample = data[:8192]
    if b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


def sniff(data: bytes, filename: str) -> Format:
    """Return the format of `data`; raise a user-facing error if it is unsupported or mislabelled."""
    name = PurePath(filename).name or "the file"
    if not data or not data.strip():
        raise UnreadableFile(f"{name} is empty: there is nothing to check.")
    ext = PurePath(filename).suffix.lower()
    if ext and ext not in _EXTENSIONS and ext != ".text":
        raise UnsupportedFile(
            f"{name} is not a supported type. Upload a Word document (.docx), a PDF or a plain text file (.txt)."
        )
    kind: str
    if data[:1024].find(b"%PDF-") != -1:
        kind = "pdf"
    elif data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        kind = _zip_kind(data)
    elif data.startswith(_OLE) and _encrypted_ooxml(data):
        # Word saves a password-protected .docx as an encrypted OLE container, not a zip.
        raise UnreadableFile(f"{name} is password-protected. Remove the password in Word and upload it again.")
    else:
        kind = next((label for sig, label in _OTHER_SIGNATURES if data.startswith(sig)), "")
        if not kind:
            kind = "txt" if _looks_like_text(data) else "unknown binary data"
    if kind not in _DESCRIPTIONS:
        raise UnsupportedFile(
            f"{name} is {kind}, which Clearance cannot check. "
            "Upload a Word document (.docx), a PDF or a plain text file (.txt)."
        )
    expected = _EXTENSIONS.get(ext, "txt" if ext == ".text" else None)
    if expected is not None and expected != kind:
        raise UnsupportedFile(
            f"{name} is named as {_DESCRIPTIONS[expected]} but its content is {_DESCRIPTIONS[kind]}. "
            "Check you chose the right file, or save it again with the correct extension."
        )
    return kind  # type: ignore[return-value]
