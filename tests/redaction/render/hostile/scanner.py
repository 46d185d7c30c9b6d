"""A deep scanner that looks for a person's name anywhere in a file, through every wrapping we can undo.

Written for the hostile-fixture tests and deliberately independent of redaction.verify / redaction.render:
it must catch what the engine misses, so it shares no code with it.

What it undoes, recursively (a decoded piece is scanned again with everything below):
- containers: ZIP (with zipfile, and by walking local file headers so a ZIP at an offset or inside another
  blob is found too), gzip/EMZ, zlib streams anywhere, OLE compound files (a small reader below), PDF (every
  object, decoded and raw stream data, dictionary keys and names, strings, plus page text from pdfminer and
  pypdfium2), images (Pillow: info, EXIF and its sub-IFDs, XMP, JPEG APP segments, PNG text chunks, ICC);
- byte encodings: UTF-8, Latin-1, UTF-16LE and UTF-16BE (both alignments), base64 blocks, hex runs,
  quoted-printable;
- text encodings: XML/HTML character entities, URL %-encoding, PDF name #xx escapes, RTF \\'xx and \\uN
  escapes (and RTF control words), markup between text nodes, text reversed under U+202E;
- normalisation: NFKD, Unicode format characters (Cf) and combining marks (Mn/Me) removed, a few letters
  without a decomposition folded (ł, ø, đ ...), case folded; between the name's words any run of spaces,
  `_`, `.`, `-`, `+`, `%20`, or nothing at all counts as a space. The surname-first order is also reported.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import gzip
import hashlib
import html
import io
import multiprocessing
import quopri
import re
import struct
import unicodedata
import urllib.parse
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pikepdf

MAX_DEPTH = 10  # nested containers / decodings of bytes
MAX_TEXT_DEPTH = 4  # rounds of all text decodings in turn (e.g. url > entities > rtl)
MAX_INFLATE = 64 * 1024 * 1024
MAX_ZLIB_TRIES = 400

_EXTRA_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "\u0131": "i", "æ": "ae", "Æ": "AE", "œ": "oe"}
)
_DROP_CATEGORIES = {"Cf", "Mn", "Me"}
_SEPARATOR = r"(?:[\s_.\-+~·]|%20)*"


def _drop_pattern() -> re.Pattern[str]:
    """One character class (as ranges) of every format character and combining mark."""
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if unicodedata.category(chr(code)) in _DROP_CATEGORIES:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    parts = (re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile("[" + "".join(parts) + "]+")


_DROP = _drop_pattern()


def fold(text: str) -> str:
    """NFKD, drop format characters and combining marks, fold a few undecomposable letters and the case."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLD))
    return _DROP.sub("", text).casefold()


def name_patterns(name: str) -> list[tuple[str, str, re.Pattern[str]]]:
    words = fold(name).split()
    if not words:
        raise ValueError("empty name")
    patterns = [(name, "name", re.compile(_SEPARATOR.join(re.escape(w) for w in words)))]
    if len(words) > 1:
        reordered = [words[-1], *words[:-1]]
        reordered_pattern = re.compile(r"(?:[\s_.\-+,]|%20)*".join(re.escape(w) for w in reordered))
        patterns.append((name, "surname-first", reordered_pattern))
    return patterns


@dataclass(frozen=True)
class Hit:
    path: str  # where in the file: the chain of containers, e.g. "zip:word/embeddings/a.xlsx > zip:xl/x.xml"
    view: str  # how it was read: the chain of decodings, e.g. "utf-8 > entities > strip-markup"
    kind: str  # "name" or "surname-first"
    excerpt: str
    name: str = ""  # which of the names searched for

    def __str__(self) -> str:
        return f"{self.path} [{self.view}] {self.name} ({self.kind}): {self.excerpt!r}"


# ----------------------------------------------------------------------------------------------- text decoders


def _entities(text: str) -> str:
    return html.unescape(text)


def _url(text: str) -> str:
    return urllib.parse.unquote(text, errors="replace")


_PDF_NAME_ESCAPE = re.compile(r"#([0-9A-Fa-f]{2})")


def _pdf_name(text: str) -> str:
    return _PDF_NAME_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


_RTF_HEX = re.compile(r"(?:\\'[0-9a-fA-F]{2})+")
_RTF_UNICODE = re.compile(r"\\u(-?\d+)(?: ?\\'[0-9a-fA-F]{2}| ?\?)?")
_RTF_CONTROL = re.compile(r"\\[a-zA-Z]+-?\d* ?|[{}]")


def _rtf(text: str) -> str:
    def unicode_escape(m: re.Match[str]) -> str:
        value = int(m.group(1))
        return chr(value + 65536 if value < 0 else value) if -32768 <= value < 65536 else ""

    def hex_escape(m: re.Match[str]) -> str:
        raw = bytes(int(h, 16) for h in re.findall(r"\\'([0-9a-fA-F]{2})", m.group(0)))
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", "replace")

    text = _RTF_UNICODE.sub(unicode_escape, text)
    text = _RTF_HEX.sub(hex_escape, text)
    return _RTF_CONTROL.sub("", text)


_MARKUP = re.compile(r"<[^<>]{0,2000}>")


def _strip_markup(text: str) -> str:
    return _MARKUP.sub("", text)


_RTL_RUN = re.compile("\u202e([^\u202c\n\r]*)")


def _rtl(text: str) -> str:
    return _RTL_RUN.sub(lambda m: m.group(1)[::-1], text)


# name, trigger (only tried when the text contains it), decoder
_TEXT_DECODERS: list[tuple[str, re.Pattern[str], object]] = [
    ("entities", re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);"), _entities),
    ("url", re.compile(r"%[0-9A-Fa-f]{2}"), _url),
    ("pdf-name", _PDF_NAME_ESCAPE, _pdf_name),
    ("rtf", re.compile(r"\\'[0-9a-fA-F]{2}|\\u-?\d|\\[a-z]+"), _rtf),
    ("strip-markup", _MARKUP, _strip_markup),
    ("rtl-override", re.compile("\u202e"), _rtl),
]

_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_ISLANDS = re.compile("[\x20-\x7e\t\r\n]{8,}")


def _is_binary(text: str) -> bool:
    sample = text[:65536]
    return len(_NOT_TEXT.findall(sample)) > len(sample) // 20


def _decoded_variants(text: str) -> list[tuple[str, str]]:
    """Each decoder applied alone, and all of them applied in turn until nothing changes (so chains such as
    URL-encoded entities, or entities spelling a U+202E, are undone)."""
    variants: list[tuple[str, str]] = []
    for name, trigger, decoder in _TEXT_DECODERS:
        if trigger.search(text):
            decoded = decoder(text)  # type: ignore[operator]
            if decoded != text:
                variants.append((name, decoded))
    if variants:
        chain: list[str] = []
        full = text
        for _ in range(MAX_TEXT_DEPTH):
            changed = False
            for name, trigger, decoder in _TEXT_DECODERS:
                if trigger.search(full):
                    decoded = decoder(full)  # type: ignore[operator]
                    if decoded != full:
                        full, changed = decoded, True
                        chain.append(name)
            if not changed:
                break
        if len(chain) > 1:
            variants.append((" > ".join(chain), full))
    return variants


# ---------------------------------------------------------------------------------------- text -> bytes decoders

_BASE64_INLINE = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_BASE64_LINES = re.compile(r"(?:^[ \t]*[A-Za-z0-9+/]{4,}={0,2}[ \t]*\r?$\n?){2,}", re.MULTILINE)
_HEX_RUN = re.compile(r"(?:[0-9A-Fa-f]{2}[ \t\r\n]*){12,}")
_QP_TRIGGER = re.compile(r"=(?:[0-9A-F]{2}|\r?\n)")


_KNOWN_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"\x78", b"%PDF", b"\xd0\xcf\x11\xe0", b"{\\rtf")


def _worth_decoding(blob: bytes) -> bool:
    """A decoded base64/hex run is kept when it is a known container or looks like text (in any of the byte
    views): random runs that only happen to be valid base64 decode to noise."""
    if blob.startswith(_KNOWN_MAGIC) or _looks_like_image(blob):
        return True
    printable = sum(1 for b in blob if 32 <= b < 127 or b in (0, 9, 10, 13))
    high = sum(1 for b in blob if b >= 0x80)
    return printable + high // 2 >= 0.85 * len(blob)


def _base64_blobs(text: str) -> Iterator[tuple[str, bytes]]:
    candidates: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in _BASE64_LINES.finditer(text)]
    candidates += [(m.start(), m.group(0)) for m in _BASE64_INLINE.finditer(text)]
    for start, chunk in candidates:
        compact = re.sub(r"\s+", "", chunk)
        for shift in range(4):  # the block may begin mid-quantum (e.g. a word glued in front)
            piece = compact[shift:]
            piece = piece[: len(piece) - len(piece) % 4] if not piece.endswith("=") else piece
            if len(piece) < 12:
                continue
            with contextlib.suppress(binascii.Error, ValueError):
                blob = base64.b64decode(piece, validate=True)
                if _worth_decoding(blob):
                    yield f"base64@{start}+{shift}", blob


def _hex_blobs(text: str) -> Iterator[tuple[str, bytes]]:
    for m in _HEX_RUN.finditer(text):
        compact = re.sub(r"\s+", "", m.group(0))
        for shift in (0, 1):
            piece = compact[shift:]
            piece = piece[: len(piece) - len(piece) % 2]
            with contextlib.suppress(ValueError):
                blob = bytes.fromhex(piece)
                if _worth_decoding(blob):
                    yield f"hex@{m.start()}+{shift}", blob


def _quoted_printable(text: str) -> bytes:
    return quopri.decodestring(text.encode("utf-8", "surrogatepass"))


# ------------------------------------------------------------------------------------------------------ scanner


@dataclass
class _Scan:
    patterns: list[tuple[str, str, re.Pattern[str]]]
    hits: list[Hit] = field(default_factory=list)
    seen_bytes: dict[bytes, str] = field(default_factory=dict)  # digest -> the path it was first scanned at
    seen_text: set[tuple[bytes, str]] = field(default_factory=set)
    reported: set[tuple[str, str, str, str]] = field(default_factory=set)

    # -- matching ---------------------------------------------------------------------------------------------

    def match(self, text: str, path: str, view: str) -> None:
        folded = fold(text)
        for name, kind, pattern in self.patterns:
            for m in pattern.finditer(folded):
                excerpt = folded[max(0, m.start() - 40) : m.end() + 40]
                key = (path, name, kind, excerpt)  # the same place seen through another view is not a new place
                if key not in self.reported:
                    self.reported.add(key)
                    self.hits.append(Hit(path, view, kind, excerpt, name))

    def alias(self, first: str, path: str) -> None:
        """The same bytes at a second place: report the first place's hits there too (not for the copies the
        local-header walk finds again, which would only double every ZIP hit)."""
        if first == path or "zip@" in path:
            return
        for hit in list(self.hits):
            if hit.path == first or hit.path.startswith(first + " > ") or hit.path.startswith(first + " ("):
                self.hits.append(Hit(path + hit.path[len(first) :], hit.view, hit.kind, hit.excerpt, hit.name))

    # -- text ---------------------------------------------------------------------------------------------------

    def text(self, text: str, path: str, view: str, depth: int) -> None:
        if not self.first_time(text, path):
            return
        self.match(text, path, view)
        if _is_binary(text):
            # Binary read as text: decode only its printable ASCII islands (every encoding undone below is ASCII).
            islands = "\n".join(_ISLANDS.findall(text))
            if islands:
                self.text(islands, path, f"{view} > printable", depth)
            return
        variants = [(view, text)]
        for label, decoded in _decoded_variants(text):
            if self.first_time(decoded, path):
                self.match(decoded, path, f"{view} > {label}")
                variants.append((f"{view} > {label}", decoded))
        if depth >= MAX_DEPTH:
            return
        for variant_view, variant in variants:
            if _QP_TRIGGER.search(variant):
                self.bytes(_quoted_printable(variant), f"{path} > quoted-printable({variant_view})", depth + 1)
            for label, blob in _base64_blobs(variant):
                self.bytes(blob, f"{path} > {label}({variant_view})", depth + 1)
            for label, blob in _hex_blobs(variant):
                self.bytes(blob, f"{path} > {label}({variant_view})", depth + 1)

    def first_time(self, text: str, path: str) -> bool:
        if not text:
            return False
        key = (hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).digest(), path)
        if key in self.seen_text:
            return False
        self.seen_text.add(key)
        return True

    # -- bytes --------------------------------------------------------------------------------------------------

    def bytes(self, data: bytes, path: str, depth: int = 0) -> None:
        if not data or depth > MAX_DEPTH:
            return
        digest = hashlib.sha1(data, usedforsecurity=False).digest()
        first = self.seen_bytes.get(digest)
        if first is not None:
            self.alias(first, path)
            return
        self.seen_bytes[digest] = path
        # A whole ZIP or gzip file read as text is mostly compressed noise: match it as it is, but decode only
        # what is inside it (below), which is where an encoded name would be readable.
        packed = data.startswith((b"PK\x03\x04", b"\x1f\x8b")) and _opens_as_archive(data)
        for view, text in _text_views(data):
            if packed:
                self.match(text, path, view)
            else:
                self.text(text, path, view, depth)
        self.containers(data, path, depth)

    def containers(self, data: bytes, path: str, depth: int) -> None:
        if depth >= MAX_DEPTH:
            return
        if b"PK\x03\x04" in data or b"PK\x05\x06" in data:
            self.zip(data, path, depth)
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            for stream_name, content in _ole_streams(data):
                self.text(stream_name, f"{path} > ole-name:{stream_name}", "name", depth)
                self.bytes(content, f"{path} > ole:{stream_name}", depth + 1)
        if b"%PDF-" in data[:1024]:
            self.pdf(data, path, depth)
        if _looks_like_image(data):
            for label, value in _image_metadata(data):
                self.value(value, f"{path} > image:{label}", depth + 1)
        for offset, inflated in _inflate_anywhere(data):
            self.bytes(inflated, f"{path} > inflate@{offset}", depth + 1)

    def value(self, value: object, path: str, depth: int) -> None:
        if isinstance(value, bytes | bytearray):
            self.bytes(bytes(value), path, depth)
        elif isinstance(value, str):
            self.text(value, path, "str", depth)
        elif isinstance(value, dict):
            for key, item in value.items():
                self.value(key, path, depth)
                self.value(item, f"{path}.{key}", depth)
        elif isinstance(value, list | tuple):
            for item in value:
                self.value(item, path, depth)
        elif value is not None:
            self.text(str(value), path, "repr", depth)

    # -- ZIP ----------------------------------------------------------------------------------------------------

    def zip(self, data: bytes, path: str, depth: int) -> None:
        errors = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError)
        with contextlib.suppress(*errors), zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.comment:
                self.bytes(archive.comment, f"{path} > zip-comment", depth + 1)
            for info in archive.infolist():
                member = f"{path} > zip:{info.filename}" if path else f"zip:{info.filename}"
                self.text(info.filename, f"{member} (member name)", "name", depth)
                if info.extra:
                    self.bytes(info.extra, f"{member} (extra field)", depth + 1)
                with contextlib.suppress(Exception):
                    self.bytes(archive.read(info), member, depth + 1)
        for offset, name, content in _walk_local_headers(data):
            member = f"{path} > zip@{offset}:{name}"
            self.text(name, f"{member} (member name)", "name", depth)
            self.bytes(content, member, depth + 1)

    # -- PDF ----------------------------------------------------------------------------------------------------

    def pdf(self, data: bytes, path: str, depth: int) -> None:
        try:
            pdf = pikepdf.open(io.BytesIO(data))
        except Exception:  # a damaged PDF: the raw views and the inflate search still cover it
            return
        with pdf:
            for index, obj in enumerate(pdf.objects):
                number = "{} {}".format(*obj.objgen) if isinstance(obj, pikepdf.Object) else f"#{index}"
                self.pdf_object(obj, f"{path} > pdf:obj {number}", depth)
            self.pdf_object(pdf.trailer, f"{path} > pdf:trailer", depth)
        self.pdf_text(data, path, depth)

    def pdf_object(self, obj: object, where: str, depth: int, level: int = 0) -> None:
        if level > 40:
            return
        if isinstance(obj, pikepdf.Stream):
            self.pdf_stream(obj, where, depth)
            self.pdf_object(obj.stream_dict, f"{where} dict", depth, level + 1)
        elif isinstance(obj, pikepdf.Dictionary):
            for key in list(obj.keys()):
                self.text(str(key), f"{where} key", "name", depth)
                with contextlib.suppress(Exception):
                    item = obj.get(key)
                    if not (isinstance(item, pikepdf.Object) and item.is_indirect):  # else scanned on its own
                        self.pdf_object(item, f"{where}{key}", depth, level + 1)
        elif isinstance(obj, pikepdf.Array):
            for index, item in enumerate(obj):
                if not (isinstance(item, pikepdf.Object) and item.is_indirect):
                    self.pdf_object(item, f"{where}[{index}]", depth, level + 1)
        elif isinstance(obj, pikepdf.String):
            with contextlib.suppress(Exception):
                self.text(str(obj), where, "pdf-string", depth)
            with contextlib.suppress(Exception):
                self.bytes(bytes(obj), f"{where} (string bytes)", depth + 1)
        elif isinstance(obj, pikepdf.Name):
            self.text(str(obj), where, "pdf-name", depth)
        elif obj is not None:
            with contextlib.suppress(Exception):
                self.text(repr(obj), where, "repr", depth)

    def pdf_stream(self, stream: pikepdf.Stream, where: str, depth: int) -> None:
        with contextlib.suppress(Exception):
            self.bytes(stream.read_raw_bytes(), f"{where} stream(raw)", depth + 1)
        for level in (pikepdf.StreamDecodeLevel.all, pikepdf.StreamDecodeLevel.generalized):
            with contextlib.suppress(Exception):
                self.bytes(stream.read_bytes(level), f"{where} stream(decoded)", depth + 1)
        with contextlib.suppress(Exception):
            buffer = io.BytesIO()
            pikepdf.PdfImage(stream).extract_to(stream=buffer)
            self.bytes(buffer.getvalue(), f"{where} image(extracted)", depth + 1)
        with contextlib.suppress(Exception):
            pil = pikepdf.PdfImage(stream).as_pil_image()
            for key, value in pil.info.items():
                self.value(value, f"{where} image(decoded).info[{key}]", depth + 1)

    def pdf_text(self, data: bytes, path: str, depth: int) -> None:
        """Page text as two readers see it (a name drawn with a subset font is only readable this way).
        Run in a child process: a malformed PDF can send a reader into an endless loop."""
        for reader, text in _in_child(_pdf_page_texts, data).items():
            self.text(text, f"{path} > pdf:text", reader, depth)


def _pdf_page_texts(data: bytes) -> dict[str, str]:
    texts: dict[str, str] = {}
    with contextlib.suppress(Exception):
        from pdfminer.high_level import extract_text

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            texts["pdfminer"] = extract_text(io.BytesIO(data))
    with contextlib.suppress(Exception):
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
        pages = []
        try:
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            document.close()
        texts["pdfium"] = "\n".join(pages)
    return texts


class ScanIncomplete(RuntimeError):
    """A reader the scanner relies on did not finish: the scan cannot vouch for the file."""


def _child_main(function: Callable[[bytes], dict[str, str]], data: bytes, connection: Connection) -> None:
    connection.send(function(data))
    connection.close()


def _in_child(function: Callable[[bytes], dict[str, str]], data: bytes, timeout: float = 90) -> dict[str, str]:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(function, data, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ScanIncomplete(f"{function.__name__} did not finish within {timeout} s (a reader loops on this file)")
        return receiver.recv()
    except EOFError as error:
        raise ScanIncomplete(f"{function.__name__} died on this file") from error
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()


# ----------------------------------------------------------------------------------------------------- helpers


_UTF16_LATIN = re.compile(rb"(?:[A-Za-z]\x00){3}|(?:\x00[A-Za-z]){3}")


def _text_views(data: bytes) -> Iterator[tuple[str, str]]:
    yield "latin-1", data.decode("latin-1")
    utf8 = data.decode("utf-8", "replace")
    if utf8.count("\ufffd") < len(data) // 2:
        yield "utf-8", utf8
    # UTF-16 views only where UTF-16 Latin text is plausible (three ASCII letters in a row with a zero byte
    # beside each): a Latin name always has such a run, and binary noise decoded as UTF-16 is costly to fold.
    if _UTF16_LATIN.search(data):
        for codec in ("utf-16-le", "utf-16-be"):
            for shift in (0, 1):
                chunk = data[shift:]
                yield f"{codec}+{shift}", chunk[: len(chunk) - len(chunk) % 2].decode(codec, "replace")


def _opens_as_archive(data: bytes) -> bool:
    try:
        if data.startswith(b"\x1f\x8b"):
            gzip.decompress(data)
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                archive.infolist()
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, ValueError):
        return False
    return True


def _walk_local_headers(data: bytes) -> Iterator[tuple[int, str, bytes]]:
    """Members found by their local file headers, wherever they sit (a ZIP glued into another file)."""
    offset = data.find(b"PK\x03\x04")
    while offset != -1:
        with contextlib.suppress(struct.error, zlib.error, ValueError):
            (_, _, flags, method, _, _, _, csize, _, name_len, extra_len) = struct.unpack_from(
                "<IHHHHHIIIHH", data, offset
            )
            start = offset + 30 + name_len + extra_len
            name = data[offset + 30 : offset + 30 + name_len].decode("utf-8" if flags & 0x800 else "cp437", "replace")
            if method == 0 and csize:
                yield offset, name, data[start : start + csize]
            elif method == 8:
                inflater = zlib.decompressobj(-15)
                end = start + csize if csize and not flags & 0x08 else len(data)
                yield offset, name, inflater.decompress(data[start:end], MAX_INFLATE)
        offset = data.find(b"PK\x03\x04", offset + 4)


_ZLIB_HEADERS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")


def _inflate_anywhere(data: bytes) -> Iterator[tuple[int, bytes]]:
    """zlib streams and gzip members wherever they start (PDF streams, PNG chunks, EMZ, odd blobs)."""
    tries = 0
    starts: list[tuple[int, int]] = []
    for header in _ZLIB_HEADERS:
        index = data.find(header)
        while index != -1 and len(starts) < MAX_ZLIB_TRIES:
            starts.append((index, zlib.MAX_WBITS))
            index = data.find(header, index + 1)
    index = data.find(b"\x1f\x8b\x08")
    while index != -1 and len(starts) < 2 * MAX_ZLIB_TRIES:
        starts.append((index, 16 + zlib.MAX_WBITS))
        index = data.find(b"\x1f\x8b\x08", index + 1)
    for start, wbits in sorted(starts):
        tries += 1
        if tries > 2 * MAX_ZLIB_TRIES:
            break
        try:
            inflater = zlib.decompressobj(wbits)
            out = inflater.decompress(data[start:], MAX_INFLATE)
        except zlib.error:
            continue
        if len(out) >= 4:
            yield start, out
    if data[:2] == b"\x1f\x8b":
        with contextlib.suppress(OSError, EOFError, zlib.error):
            yield 0, gzip.decompress(data)


_IMAGE_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG",
    b"GIF8",
    b"II*\x00",
    b"MM\x00*",
    b"\x00\x00\x00\x0cjP  ",  # JP2
    b"\xff\x4f\xff\x51",  # J2K codestream
    b"BM",
    b"RIFF",
)


def _looks_like_image(data: bytes) -> bool:
    return data.startswith(_IMAGE_MAGIC)


def _image_metadata(data: bytes) -> Iterator[tuple[str, object]]:
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(data))
    except Exception:
        return
    with image:
        for key, value in image.info.items():
            yield f"info[{key}]", value
        with contextlib.suppress(Exception):
            exif = image.getexif()
            for tag, value in exif.items():
                yield f"exif[{tag}]", value
            for ifd in (0x8769, 0x8825, 0xA005):
                with contextlib.suppress(Exception):
                    for tag, value in exif.get_ifd(ifd).items():
                        yield f"exif[{ifd:#x}][{tag}]", value
        for marker, payload in getattr(image, "applist", []) or []:
            yield f"segment[{marker}]", payload
        with contextlib.suppress(Exception):
            yield "xmp", image.getxmp()
        text = getattr(image, "text", None)
        if text:
            yield "text", dict(text)


def _ole_streams(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Every stream of an OLE compound file (a minimal reader: FAT, mini FAT, directory)."""
    try:
        sector_shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        (n_fat, first_dir, _, mini_cutoff, first_minifat, n_minifat, first_difat, n_difat) = struct.unpack_from(
            "<IIIIIIII", data, 0x2C
        )
        sector = 1 << sector_shift
        mini_sector = 1 << mini_shift

        def read_sector(index: int) -> bytes:
            start = (index + 1) * sector
            return data[start : start + sector]

        difat = list(struct.unpack_from("<109I", data, 0x4C))
        next_difat, guard = first_difat, 0
        while next_difat < 0xFFFFFFFA and guard < n_difat + 1:
            block = read_sector(next_difat)
            values = struct.unpack(f"<{sector // 4}I", block)
            difat += values[:-1]
            next_difat, guard = values[-1], guard + 1
        fat: list[int] = []
        for index in difat[:n_fat]:
            if index >= 0xFFFFFFFA:
                continue
            fat += struct.unpack(f"<{sector // 4}I", read_sector(index))

        def chain(start: int, table: list[int]) -> list[int]:
            out: list[int] = []
            while start < 0xFFFFFFFA and start < len(table) and len(out) <= len(table):
                out.append(start)
                start = table[start]
            return out

        directory = b"".join(read_sector(i) for i in chain(first_dir, fat))
        minifat_bytes = b"".join(read_sector(i) for i in chain(first_minifat, fat)) if n_minifat else b""
        minifat = list(struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes))
        entries = []
        for offset in range(0, len(directory) - 127, 128):
            raw = directory[offset : offset + 128]
            name_len = struct.unpack_from("<H", raw, 0x40)[0]
            kind = raw[0x42]
            start, size = struct.unpack_from("<IQ", raw, 0x74)
            name = raw[: max(0, name_len - 2)].decode("utf-16-le", "replace")
            entries.append((name, kind, start, size & 0xFFFFFFFF))
        if not entries:
            return
        root_start = entries[0][2]
        mini_stream = b"".join(read_sector(i) for i in chain(root_start, fat))
        for name, kind, start, size in entries[1:]:
            if kind != 2:
                if kind:
                    yield name, b""
                continue
            if size < mini_cutoff:
                content = b"".join(mini_stream[i * mini_sector : (i + 1) * mini_sector] for i in chain(start, minifat))
            else:
                content = b"".join(read_sector(i) for i in chain(start, fat))
            yield name, content[:size]
    except (struct.error, IndexError, ValueError):
        return


# ------------------------------------------------------------------------------------------------------- API


def scan(data: bytes, names: str | Iterable[str], label: str = "") -> list[Hit]:
    """Every place in `data` (any file) where one of `names` is found, after undoing every encoding above."""
    patterns = [p for name in ([names] if isinstance(names, str) else names) for p in name_patterns(name)]
    state = _Scan(patterns)
    state.bytes(data, label)
    return state.hits


def scan_text(text: str, names: str | Iterable[str]) -> list[Hit]:
    patterns = [p for name in ([names] if isinstance(names, str) else names) for p in name_patterns(name)]
    state = _Scan(patterns)
    state.text(text, "text", "str", 0)
    return state.hits


def describe(hits: list[Hit], limit: int = 6) -> str:
    """A short, readable list of where the name was found: named places (parts, objects) before places found
    only by searching (inflate@, zip@, base64@ ...), least-decoded first."""
    searched = ("inflate@", "zip@", "base64@", "hex@", "printable", "quoted-printable")

    def order(hit: Hit) -> tuple[int, int, int]:
        return (
            sum(s in hit.path or s in hit.view for s in searched),
            hit.path.count(">") + hit.view.count(">"),
            len(hit.path),
        )

    lines = []
    for hit in sorted(hits, key=order)[:limit]:
        excerpt = "".join(ch if ch.isprintable() else "·" for ch in hit.excerpt)
        lines.append(f"{hit.path} [{hit.view}]: {excerpt!r}")
    if len(hits) > limit:
        lines.append(f"... and {len(hits) - limit} more")
    return "\n".join(lines)
