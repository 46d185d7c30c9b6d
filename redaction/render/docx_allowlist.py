"""A Word output rebuilt by allowlist: the parts a letter needs, reached by the relationships it needs.

Knowing every place a Word file can hide text (a chart's workbook, an OLE preview, an altChunk, a
linked picture's path, a bookmark, a custom part) is a race the sanitiser loses. So the output package
is rebuilt from what renders a letter and nothing else:
  - from the package: the main document, and core and app properties written from scratch;
  - from the main document: styles, numbering, settings, fonts, theme, headers, footers, foot- and
    endnotes, pictures;
  - from headers, footers and notes: pictures;
  - from styles, numbering, settings, fonts and theme: nothing (embedded fonts, picture bullets,
    templates and mail-merge sources go).
External relationships (hyperlinks, linked pictures) are never kept. Every picture is written anew from
its pixels under a neutral name (media/imageN); one that cannot be decoded (EMF, WMF, SVG) becomes a
plain placeholder. Content types are rebuilt for exactly the parts kept.
"""

from __future__ import annotations

import posixpath
from collections import deque
from collections.abc import Collection

from lxml import etree

from redaction.errors import UnreadableFile
from redaction.pixels import Picture, placeholder, reencode, withheld
from redaction.render.package import CT_NS, R_NS, REL_NS, Package, rels_name, resolve_target

_STORY_TYPES = ("header", "footer", "footnotes", "endnotes")
_MAIN_KEEPS = {"styles", "numbering", "settings", "fontTable", "theme", "image", *_STORY_TYPES}
_STORY_KEEPS = {"image"}
# Relationships the XML names by id (the others, styles or settings, are found by their type).
_BY_ID = {"image", "header", "footer"}
_PACKAGE_MAIN = "officeDocument"
_REL = f"{{{REL_NS}}}Relationship"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_BASE = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = {
    "document": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "fontTable": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
}
MAIN_PART = "word/document.xml"


def _kind(rel_type: str) -> str:
    """The last word of a relationship type (transitional and strict OOXML name them alike)."""
    return rel_type.rstrip("/").rsplit("/", 1)[-1]


def main_part(package: Package) -> str:
    if "_rels/.rels" in package.raw:
        for rel in package.tree("_rels/.rels").iter(_REL):
            if _kind(rel.get("Type", "")) == _PACKAGE_MAIN and rel.get("TargetMode") != "External":
                target = resolve_target("_rels/.rels", rel.get("Target", ""))
                if target in package.raw:
                    return target
    if MAIN_PART in package.raw:
        return MAIN_PART
    raise UnreadableFile("The Word document is damaged: its main part is missing.")


class Allowlist:
    """What the output keeps of one package: found by walking allowed relationships from the main part.

    Allowlist.of(package) walks; .kinds names each kept XML part's kind, so its sanitiser can be chosen;
    .write(properties) builds the output package once those parts are sanitised.
    """

    @classmethod
    def of(cls, package: Package, withheld: Collection[str] = ()) -> Allowlist:
        """`withheld`: media parts (Picture.ref) the author withheld; they become labelled black pictures."""
        allowlist = cls(package, main_part(package), frozenset(withheld))
        allowlist._walk()
        return allowlist

    def __init__(self, package: Package, main: str, withheld: frozenset[str] = frozenset()) -> None:
        self.package = package
        self.main = main
        self.withheld = withheld
        self.kinds: dict[str, str] = {main: "document"}  # kept XML part -> its kind
        self.pictures: dict[str, Picture] = {}  # original media part -> its new pixels
        self.picture_names: dict[str, str] = {}  # original media part -> new part name
        self.rels: dict[str, list[tuple[str, str, str]]] = {}  # kept part -> (id, kind, target part)

    def _walk(self) -> None:
        queue = deque([self.main])
        while queue:
            part = queue.popleft()
            allowed = _MAIN_KEEPS if part == self.main else _STORY_KEEPS if self.kinds[part] in _STORY_TYPES else set()
            kept: list[tuple[str, str, str]] = []
            rels = rels_name(part)
            if rels in self.package.raw:
                for rel in self.package.tree(rels).iter(_REL):
                    kind = _kind(rel.get("Type", ""))
                    if rel.get("TargetMode") == "External" or kind not in allowed:
                        continue
                    target = resolve_target(rels, rel.get("Target", ""))
                    if target not in self.package.raw or target == part:
                        continue
                    kept.append((rel.get("Id", ""), kind, target))
                    if kind == "image":
                        self._picture(target)
                    elif target not in self.kinds:
                        self.kinds[target] = kind
                        queue.append(target)
            self.rels[part] = kept

    def _picture(self, target: str) -> None:
        if target in self.pictures:
            return
        picture = reencode(self.package.raw[target])
        if target in self.withheld:
            picture = withheld(picture.width if picture else 0, picture.height if picture else 0)
        elif picture is None:
            picture = placeholder()
        self.pictures[target] = picture
        self.picture_names[target] = f"word/media/image{len(self.pictures)}.{picture.extension}"

    def _referenced_ids(self, part: str) -> set[str]:
        root = self.package.tree(part)
        return {
            value
            for element in root.iter()
            if isinstance(element.tag, str)
            for key, value in element.attrib.items()
            if key.startswith(f"{{{R_NS}}}")
        }

    def _rename_ids(self, part: str, renamed: dict[str, str]) -> None:
        """Point the part's relationship references at the new ids; references to dropped ones go."""
        for element in self.package.tree(part).iter():
            if not isinstance(element.tag, str):
                continue
            for key in [k for k in element.attrib if k.startswith(f"{{{R_NS}}}")]:
                new = renamed.get(element.attrib[key])
                if new is None:
                    del element.attrib[key]
                else:
                    element.set(key, new)

    def write(self, properties: dict[str, bytes]) -> Package:
        """A new package holding only what the allowlist keeps (see the module docstring).

        Kept XML parts must already be sanitised: relationships their XML no longer refers to are dropped.
        `properties` are the new docProps/core.xml and docProps/app.xml.
        """
        out = Package(order=[], raw={})
        types: list[tuple[str, str]] = []
        for part, kind in self.kinds.items():
            used = self._referenced_ids(part)
            entries = []
            renamed: dict[str, str] = {}  # relationship ids are free text too: numbered afresh
            for rel_id, rel_kind, target in self.rels.get(part, []):
                if rel_id in used or rel_kind not in _BY_ID:
                    name = self.picture_names.get(target, target)
                    renamed[rel_id] = f"rId{len(renamed) + 1}"
                    entries.append((renamed[rel_id], f"{_REL_BASE}/{rel_kind}", _relative(part, name)))
            self._rename_ids(part, renamed)
            out.put(part, self.package.raw[part])
            if part in self.package.trees:
                out.trees[part] = self.package.trees[part]
            if entries:
                out.put(rels_name(part), b"")
                out.trees[rels_name(part)] = _rels_xml(entries)
            types.append((part, _CONTENT_TYPES.get(kind, _CONTENT_TYPES["document"])))
        for original, name in self.picture_names.items():
            out.put(name, self.pictures[original].data)
        for name, data in properties.items():
            out.put(name, data)
        out.put("_rels/.rels", b"")
        out.trees["_rels/.rels"] = _rels_xml(
            [
                ("rId1", f"{_REL_BASE}/officeDocument", self.main),
                ("rId2", f"{_PKG_REL_BASE}/metadata/core-properties", "docProps/core.xml"),
                ("rId3", f"{_REL_BASE}/extended-properties", "docProps/app.xml"),
            ]
        )
        out.put("[Content_Types].xml", b"")
        out.trees["[Content_Types].xml"] = _content_types(types)
        return out


def _rels_xml(entries: list[tuple[str, str, str]]) -> etree._Element:
    root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    for rel_id, rel_type, target in entries:
        etree.SubElement(root, _REL, Id=rel_id, Type=rel_type, Target=target)
    return root


def _relative(source: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def _content_types(parts: list[tuple[str, str]]) -> etree._Element:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    for extension, content_type in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
        ("png", "image/png"),
        ("jpeg", "image/jpeg"),
    ):
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=extension, ContentType=content_type)
    for part, content_type in [
        *parts,
        ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]:
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=f"/{part}", ContentType=content_type)
    return root
