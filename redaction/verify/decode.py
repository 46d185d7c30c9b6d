"""Every way a file part can spell text, undone before the matcher looks at it.

A name can sit in a part as plain UTF-8 or UTF-16, behind XML or HTML character entities, URL
encoding, quoted-printable soft line breaks, a base64 blob, RTF's \\'e9 escapes, or inside a zip or
gzip member (a chart's workbook, an EMZ preview, a DOCX inside a DOCX). `texts(data)` yields each
readable spelling of the bytes, recursing into nested containers within fixed limits, so the verifier
searches what a determined reader could recover, not only what the format's own reader shows.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import html
import io
import quopri
import re
import urllib.parse
import zipfile
import zlib
from collections.abc import Iterator

_MAX_DEPTH = 4
_MAX_INFLATED = 64 * 1024 * 1024  # per nested member; a bomb stops here, not in memory
_BASE64_BLOB = re.compile(rb"(?:[A-Za-z0-9+/]{4}[\r\n]*){6,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
_RTF_HEX = re.compile(r"\\'([0-9a-fA-F]{2})")
_RTF_UNICODE = re.compile(r"\\u(-?\d{1,5})\??")
_RTF_CONTROL = re.compile(r"\\[a-z]{1,32}-?\d{0,10} ?|[{}]")
_QP_HINT = re.compile(rb"=(?:\r?\n|[0-9A-F]{2})")


class TooDeep(Exception):
    """A container nests or inflates beyond what a real document needs: it cannot be vouched for."""


def _text_spellings(text: str) -> Iterator[str]:
    """The text, and the text with each kind of escaping undone (each once, and all together)."""
    yield text
    undone = text
    if "&" in text:
        undone = html.unescape(undone)
    if "%" in text:
        undone = urllib.parse.unquote(undone)
    if "\\'" in text or "\\u" in text:
        undone = _RTF_HEX.sub(lambda m: bytes.fromhex(m.group(1)).decode("cp1252", "replace"), undone)
        undone = _RTF_UNICODE.sub(lambda m: chr(int(m.group(1)) % 65536), undone)
        undone = _RTF_CONTROL.sub("", undone)
    if undone != text:
        yield undone


def _decodings(data: bytes) -> Iterator[str]:
    yield data.decode("utf-8", errors="ignore")
    # UTF-16 in both alignments: a name in an EMF record or an OLE stream need not start on an even byte.
    if b"\x00" in data[:65536] or len(data) < 65536:
        yield data.decode("utf-16-le", errors="ignore")
        yield data[1:].decode("utf-16-le", errors="ignore")
    yield data.decode("latin-1")


def _inflate_gzip(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(_MAX_INFLATED + 1)
    if len(out) > _MAX_INFLATED:
        raise TooDeep("a compressed member inflates too far")
    return out


def _members(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Members of a zip, a gzip stream or a raw zlib stream inside `data` (empty if it is none)."""
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError):
            return
        with archive:
            for info in archive.infolist():
                if info.file_size > _MAX_INFLATED:
                    raise TooDeep(f"member {info.filename} is too large")
                yield info.filename, b""  # the member's name is text too
                try:
                    yield info.filename, archive.read(info)
                except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError):
                    continue
    elif data[:2] == b"\x1f\x8b":
        try:
            yield "gzip", _inflate_gzip(data)
        except (OSError, EOFError, zlib.error):
            return
    elif data[:1] == b"\x78" and data[1:2] in (b"\x01", b"\x5e", b"\x9c", b"\xda"):
        try:
            inflater = zlib.decompressobj()
            out = inflater.decompress(data, _MAX_INFLATED + 1)
        except zlib.error:
            return
        if len(out) > _MAX_INFLATED:
            raise TooDeep("a compressed stream inflates too far")
        yield "zlib", out


def text_spellings(text: str, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(where, text) for every spelling of text already decoded (XML attribute values, comments): its
    escapes undone, and what its quoted-printable or base64 passages hold. Bytes go through texts()."""
    yield from (("", spelling) for spelling in _text_spellings(text))
    raw = text.encode("utf-8")
    if _QP_HINT.search(raw):
        yield from (("", spelling) for spelling in _text_spellings(quopri.decodestring(raw).decode("utf-8", "ignore")))
    yield from _base64_texts(raw, depth)


def _base64_texts(data: bytes, depth: int) -> Iterator[tuple[str, str]]:
    for blob in _BASE64_BLOB.finditer(data):
        try:
            decoded_blob = base64.b64decode(re.sub(rb"[\r\n]", b"", blob.group(0)), validate=True)
        except (binascii.Error, ValueError):
            continue
        for inner, text in texts(decoded_blob, depth + 1):
            yield (f"base64/{inner}" if inner else "base64"), text


def texts(data: bytes, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(where, text) for every readable spelling of `data` and of everything nested inside it.

    `where` is "" for the bytes themselves, or a path of nested member names ("book1.xlsx/sharedStrings.xml").
    """
    if depth > _MAX_DEPTH:
        raise TooDeep("containers nest too deeply")
    nested = False
    for name, member in _members(data):
        nested = True
        if not member:
            yield name, name
            continue
        for inner, text in texts(member, depth + 1):
            yield (f"{name}/{inner}" if inner else name), text
    if nested:
        return
    for decoded in _decodings(data):
        yield from (("", spelling) for spelling in _text_spellings(decoded))
    if _QP_HINT.search(data):
        yield from (("", spelling) for spelling in _text_spellings(quopri.decodestring(data).decode("utf-8", "ignore")))
    yield from _base64_texts(data, depth)
