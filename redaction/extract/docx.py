"""DOCX: every part a reader (or a family member clicking around in Word) could see.

Parsed from the raw XML rather than through python-docx because python-docx skips text boxes,
tracked insertions/deletions, footnotes and comments, and each of those has leaked data before.
Segments carry ref "PART#pN": N is the ordinal of the w:p element in PART.iter(w:p), which the
DOCX renderer can use to find the paragraph again.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree as SafeET

from redaction.errors import UnreadableFile
from redaction.extract.visible import visible
from redaction.types import ExtractedDocument, Segment

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_PART_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"word/document\.xml", "body"),
    (r"word/header\d*\.xml", "header"),
    (r"word/footer\d*\.xml", "footer"),
    (r"word/footnotes\.xml", "footnote"),
    (r"word/endnotes\.xml", "endnote"),
    (r"word/comments\.xml", "comment"),
)


@dataclass
class _Flags:
    hidden: bool = False
    inserted: bool = False
    deleted: bool = False
    seen: set[str] = field(default_factory=set)


def _ordered_parts(names: list[str]) -> Iterator[tuple[str, str]]:
    for pattern, location in _PART_PATTERNS:
        for name in sorted(n for n in names if re.fullmatch(pattern, n)):
            yield name, location


def _run_is_hidden(run: Element) -> bool:
    props = run.find(f"{W}rPr")
    if props is None:
        return False
    vanish = props.find(f"{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false")


def _collect(node: Element, out: list[str], flags: _Flags) -> None:
    """Append the visible-or-hidden text under `node`, not descending into nested text boxes."""
    for child in node:
        tag = child.tag
        if tag in (f"{W}txbxContent", f"{MC}Fallback", f"{W}instrText"):
            # Text boxes are their own paragraphs; Fallback duplicates Choice; field codes are not text.
            continue
        if tag == f"{W}r" and _run_is_hidden(child):
            flags.seen.add("hidden")
        if tag in (f"{W}t", f"{W}delText"):
            out.append(child.text or "")
            if tag == f"{W}delText":
                flags.seen.add("deleted")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        else:
            if tag == f"{W}ins":
                flags.seen.add("inserted")
            _collect(child, out, flags)


def _paragraph_location(p: Element, parents: dict[Element, Element], default: str) -> str | None:
    """Where a paragraph sits; None when it is a duplicate (inside mc:Fallback)."""
    location = default
    node = parents.get(p)
    while node is not None:
        if node.tag == f"{MC}Fallback":
            return None
        if node.tag == f"{W}txbxContent" and location == default:
            location = "textbox"
        elif node.tag == f"{W}tbl" and location == default:
            location = "table"
        node = parents.get(node)
    return location


def _separator(p: Element, parents: dict[Element, Element]) -> str:
    # Cells of one table row share a line (tab separated) so "Name:<tab>Value" reads as one line.
    cell = parents.get(p)
    if cell is None or cell.tag != f"{W}tc":
        return "\n"
    if [c for c in cell if c.tag == f"{W}p"][-1] is not p:
        return "\n"
    row = parents.get(cell)
    if row is None:
        return "\n"
    cells = [c for c in row if c.tag == f"{W}tc"]
    return "\t" if cells and cells[-1] is not cell else "\n"


# A real case document's XML is a few MB at most; a zip bomb claims (or hides) gigabytes.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for parts big enough to matter


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse archives whose declared sizes are unreasonable, before anything is decompressed."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise UnreadableFile("The Word document is password-protected. Remove the password and upload it again.")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise UnreadableFile(
                "The Word document is too large or malformed to check safely (a part expands too far)."
            )
    if total > MAX_TOTAL_BYTES:
        raise UnreadableFile("The Word document is too large to check safely.")


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    """Read one part, never more than its declared size: a lying header cannot inflate past the limit."""
    info = archive.getinfo(name)
    with archive.open(info) as stream:
        data = stream.read(min(info.file_size, MAX_PART_BYTES) + 1)
    if len(data) > min(info.file_size, MAX_PART_BYTES):
        raise UnreadableFile("The Word document is malformed: a part is larger than it declares.")
    return data


def extract_docx(data: bytes) -> ExtractedDocument:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UnreadableFile("The Word document is damaged and cannot be opened.") from exc
    check_archive(archive)
    pieces: list[str] = []
    segments: list[Segment] = []
    flags = _Flags()
    offset = 0
    with archive:
        for part, location in _ordered_parts(archive.namelist()):
            try:
                root = SafeET.fromstring(_read(archive, part))
            except UnreadableFile:
                raise
            except (ParseError, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
                raise UnreadableFile("The Word document is damaged: part of it cannot be read.") from exc
            except Exception as exc:  # defusedxml raises its own types for hostile XML
                raise UnreadableFile("The Word document contains unsafe or invalid XML.") from exc
            if location == "comment" and root.find(f".//{W}p") is not None:
                flags.seen.add("comments")
            _note_embedded(root, flags)
            parents = {child: parent for parent in root.iter() for child in parent}
            if pieces and not pieces[-1].endswith("\n\n"):
                pieces.append("\n")
                offset += 1
            for index, p in enumerate(root.iter(f"{W}p")):
                where = _paragraph_location(p, parents, location)
                if where is None:
                    continue
                out: list[str] = []
                _collect(p, out, flags)
                text = visible("".join(out))
                if text:
                    segments.append(Segment(offset, offset + len(text), where, f"{part}#p{index}", None))
                    if where == "textbox":
                        flags.seen.add("textbox")
                sep = _separator(p, parents)
                pieces.append(text + sep)
                offset += len(text) + len(sep)
    if "altchunk" in flags.seen:
        raise UnreadableFile(ALT_CHUNK_REFUSED)
    text = "".join(pieces)
    return ExtractedDocument(text=text, format="docx", segments=tuple(segments), warnings=_warnings(flags))


_PICTURE_OR_SHAPE = (
    "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
)
_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"


def _note_embedded(root: Element, flags: _Flags) -> None:
    """Content with text of its own that extraction cannot read: imported files, charts, objects."""
    if next(root.iter(f"{W}altChunk"), None) is not None:
        flags.seen.add("altchunk")
    for data in root.iter(_GRAPHIC_DATA):
        if data.get("uri", "") not in _PICTURE_OR_SHAPE:
            flags.seen.add("foreign")
    if next(root.iter(f"{W}object"), None) is not None:
        flags.seen.add("foreign")


ALT_CHUNK_REFUSED = (
    "The Word document contains content imported from another file (an alternative-format chunk), which "
    "cannot be checked. Open it in Word, save it as a new .docx (Word then turns the imported content into "
    "ordinary text), and upload that."
)


def _warnings(flags: _Flags) -> tuple[str, ...]:
    messages = {
        "foreign": (
            "The document contains charts, diagrams or embedded objects. Their text cannot be checked, so they "
            "are left out of the redacted files: add anything needed from them as text."
        ),
        "hidden": "The document contains hidden text; it has been included in the check.",
        "deleted": ("The document contains tracked deletions; the deleted text has been included in the check."),
        "inserted": "The document contains tracked changes that have not been accepted.",
        "comments": "The document contains comments; they have been included in the check.",
        "textbox": "The document contains text boxes; their text has been included in the check.",
    }
    return tuple(message for key, message in messages.items() if key in flags.seen)
