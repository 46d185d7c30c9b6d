"""Reading and writing OOXML packages (zip files of XML parts) safely.

Uploads are untrusted: the zip is checked against bombs before anything is inflated, and XML is parsed
with lxml set never to resolve entities, load DTDs or touch the network. lxml rather than the standard
library because Word refuses files whose namespace prefixes were renamed (mc:Ignorable names them).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from redaction.errors import UnreadableFile

# Generous for real case records (which are mostly text), far below what would exhaust a worker.
MAX_ENTRIES = 5000
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # a part that inflates more than this (and is large) is a zip bomb, not a document
_RATIO_FLOOR = 4 * 1024 * 1024

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False
)
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def check_zip(archive: zipfile.ZipFile) -> None:
    """Refuse archives whose declared sizes would exhaust memory (zipfile enforces the declared sizes)."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnreadableFile("The Word document has too many parts to be a real document.")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise UnreadableFile("The Word document is malformed (a part is suspiciously compressed).")
    if total > MAX_TOTAL_BYTES:
        raise UnreadableFile("The Word document is too large to process.")


def parse_xml(data: bytes, name: str) -> etree._Element:
    if _DTD.search(data.replace(b"\x00", b"")):
        raise UnreadableFile("The Word document contains unsafe XML (a document type declaration).")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(f"The Word document is damaged: part {name} cannot be read.") from exc


def serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@dataclass
class Package:
    """The parts of a DOCX in their original order; XML parts are parsed on first use."""

    order: list[str]
    raw: dict[str, bytes]
    trees: dict[str, etree._Element] = field(default_factory=dict)

    @classmethod
    def read(cls, data: bytes) -> Package:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError) as exc:
            raise UnreadableFile("The Word document is damaged and cannot be opened.") from exc
        with archive:
            check_zip(archive)
            order: list[str] = []
            raw: dict[str, bytes] = {}
            for info in archive.infolist():
                if info.is_dir() or info.filename in raw:
                    continue
                try:
                    raw[info.filename] = archive.read(info)
                except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                    raise UnreadableFile("The Word document is damaged: part of it cannot be read.") from exc
                order.append(info.filename)
        return cls(order, raw)

    def tree(self, name: str) -> etree._Element:
        if name not in self.trees:
            self.trees[name] = parse_xml(self.raw[name], name)
        return self.trees[name]

    def xml_names(self) -> list[str]:
        return [n for n in self.order if n.endswith((".xml", ".rels"))]

    def delete(self, name: str) -> None:
        self.raw.pop(name, None)
        self.trees.pop(name, None)
        if name in self.order:
            self.order.remove(name)

    def put(self, name: str, data: bytes) -> None:
        self.trees.pop(name, None)
        if name not in self.raw:
            self.order.append(name)
        self.raw[name] = data

    def write(self) -> bytes:
        buffer = io.BytesIO()
        # Fixed timestamps: the zip entry dates would otherwise say when the original was edited.
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            names = sorted(self.order, key=lambda n: n != "[Content_Types].xml")
            for name in names:
                data = serialise(self.trees[name]) if name in self.trees else self.raw[name]
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        return buffer.getvalue()


def rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def rels_source(rels: str) -> str:
    """The part a .rels file belongs to ("" for the package's own _rels/.rels)."""
    folder, base = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def resolve_target(rels: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    base = posixpath.dirname(rels_source(rels))
    return posixpath.normpath(posixpath.join(base, target))


def remove(element: etree._Element) -> None:
    """Take an element out of its tree, with everything inside it."""
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def unwrap(element: etree._Element) -> None:
    """Replace an element by its children (a link by its runs, a content control by its content)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)
