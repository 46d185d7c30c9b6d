"""Metadata out of embedded pictures, without re-encoding them: the pixels stay byte for byte.

A photo pasted into a letter can carry the camera owner's name, GPS coordinates of a home, a caption
or the editing software's history (EXIF, XMP, IPTC, JPEG comments, PNG text chunks). Those parts are
dropped; what decides how the picture looks (quantisation and Huffman tables, frame, scan, the JFIF
and Adobe headers, ICC colour profiles, PNG palette, gamma and transparency) is kept.
"""

from __future__ import annotations

import struct

_JPEG_SOI = b"\xff\xd8"
# Marker segments kept: APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe colour transform). Every other
# APPn (EXIF/XMP in APP1, IPTC in APP13, vendor blocks) and COM (comments) go.
_JPEG_KEEP_APP = {0xE0, 0xE2, 0xEE}
_JPEG_COM = 0xFE
_JPEG_SOS = 0xDA
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG chunks that hold text, dates or EXIF; everything else is needed to draw the picture right.
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def strip_jpeg(data: bytes) -> bytes:
    """The JPEG without metadata segments; anything not understood is returned unchanged."""
    if not data.startswith(_JPEG_SOI):
        return data
    out = bytearray(_JPEG_SOI)
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return data  # not a marker where one must be: leave the file as it was
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == _JPEG_SOS:
            out += data[i:]  # the scan and everything after it: entropy-coded image data
            return bytes(out)
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        end = i + 2 + length
        if length < 2 or end > len(data):
            return data
        is_app = 0xE0 <= marker <= 0xEF
        if not ((is_app and marker not in _JPEG_KEEP_APP) or marker == _JPEG_COM):
            out += data[i:end]
        i = end
    return data


def strip_png(data: bytes) -> bytes:
    """The PNG without text, time or EXIF chunks; anything not understood is returned unchanged."""
    if not data.startswith(_PNG_SIGNATURE):
        return data
    out = bytearray(_PNG_SIGNATURE)
    i = len(_PNG_SIGNATURE)
    while i + 12 <= len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > len(data):
            return data
        if kind not in _PNG_DROP:
            out += data[i:end]
        i = end
        if kind == b"IEND":
            return bytes(out)
    return data


def strip_image(data: bytes) -> bytes:
    """Metadata removed from a JPEG or PNG; other formats (which Word rarely embeds) unchanged."""
    if data.startswith(_JPEG_SOI):
        return strip_jpeg(data)
    if data.startswith(_PNG_SIGNATURE):
        return strip_png(data)
    return data
