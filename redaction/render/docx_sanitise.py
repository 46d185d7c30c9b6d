"""Sanitising a Word package: everything a family could find by clicking around in Word, gone.

Comments, tracked changes, hidden text, document properties, alt text, embedded objects, macros,
custom XML, glossary building blocks, template paths, mail-merge sources and the EXIF of pasted photos
have each leaked personal data in real disclosures. This runs on every output, whatever was detected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape

from lxml import etree

from redaction.render.image_metadata import strip_image
from redaction.render.package import CT_NS, MC, R_NS, REL_NS, Package, W, rels_source, resolve_target

TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_DROP_PARTS = re.compile(
    r"word/(comments[A-Za-z]*\.xml|people\.xml|vbaProject\.bin|vbaData\.xml|_rels/vbaProject\.bin\.rels)"
    r"|word/(embeddings|activeX|glossary)/.*|word/_rels/(comments[A-Za-z]*|people)\.xml\.rels"
    r"|customXml/.*|docProps/custom\.xml|docProps/thumbnail\.[a-z]+",
    re.IGNORECASE,
)
# Relationship types whose target is never kept, even when it is outside the package.
_DROP_REL_TYPES = ("attachedTemplate", "oleObject", "package", "control", "comments", "people", "vbaProject")
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_O = "{urn:schemas-microsoft-com:office:office}"
_MACRO_FREE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Elements removed with everything inside them.
_REMOVE = (
    f"{MC}Fallback",  # a second copy of text boxes for old readers; the extractor reads the first
    f"{W}moveFrom",
    f"{W}moveFromRangeStart",
    f"{W}moveFromRangeEnd",
    f"{W}moveToRangeStart",
    f"{W}moveToRangeEnd",
    f"{W}commentRangeStart",
    f"{W}commentRangeEnd",
    f"{W}commentReference",
    f"{W}rPrChange",
    f"{W}pPrChange",
    f"{W}sectPrChange",
    f"{W}tblPrChange",
    f"{W}trPrChange",
    f"{W}tcPrChange",
    f"{W}tblGridChange",
    f"{W}numberingChange",
    f"{W}object",
    f"{W}control",
    f"{_O}OLEObject",
    f"{W}tblCaption",
    f"{W}tblDescription",
    f"{W}dataBinding",
    f"{_A}hlinkClick",
    f"{_A}hlinkHover",
)
# Elements replaced by their children (accepting insertions, dropping custom XML markup).
_UNWRAP = (f"{W}ins", f"{W}moveTo", f"{W}customXml", f"{W}smartTag")
_HIDDEN = (f"{W}vanish", f"{W}specVanish", f"{W}webHidden")


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _is_on(flag: etree._Element) -> bool:
    return flag.get(f"{W}val", "true") not in ("0", "false", "off")


def hidden_styles(package: Package) -> set[str]:
    """Style ids whose formatting hides text: runs using them are hidden text too."""
    if "word/styles.xml" not in package.raw:
        return set()
    root = package.tree("word/styles.xml")
    hidden: set[str] = set()
    for style in root.iter(f"{W}style"):
        props = style.find(f"{W}rPr")
        if props is not None and any(_is_on(f) for f in props if f.tag in _HIDDEN[:2]):
            hidden.add(style.get(f"{W}styleId", ""))
    for flag in [f for tag in _HIDDEN for f in root.iter(tag)]:
        _remove(flag)
    return hidden


def _run_hidden(run: etree._Element, hidden: set[str], paragraph_hidden: bool) -> bool:
    props = run.find(f"{W}rPr")
    if props is not None:
        flags = [f for f in props if f.tag in _HIDDEN[:2]]
        if flags:
            return any(_is_on(f) for f in flags)
        style = props.find(f"{W}rStyle")
        if style is not None and style.get(f"{W}val") in hidden:
            return True
    return paragraph_hidden


def sanitise_text_part(root: etree._Element, hidden: set[str]) -> None:
    """Comments, tracked changes, hidden runs, embedded objects and alt text out of one story part."""
    for tag in _REMOVE:
        for element in list(root.iter(tag)):
            _remove(element)
    for deleted in list(root.iter(f"{W}del")):
        parent = deleted.getparent()
        if parent is not None and parent.tag == f"{W}trPr":
            row = parent.getparent()
            _remove(row if row is not None else deleted)
        else:
            _remove(deleted)  # deleted runs go with their text; a paragraph-mark marker just goes
    for tag in _UNWRAP:
        for element in list(root.iter(tag)):
            parent = element.getparent()
            if parent is not None and parent.tag in (f"{W}rPr", f"{W}trPr"):
                _remove(element)  # a formatting marker, not a container
            else:
                _unwrap(element)
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        paragraph_hidden = style is not None and style.get(f"{W}val") in hidden
        for run in list(paragraph.iter(f"{W}r")):
            if run.getparent() is not None and _run_hidden(run, hidden, paragraph_hidden):
                _remove(run)
    for flag in [f for tag in _HIDDEN for f in root.iter(tag)]:
        _remove(flag)
    for element in root.iter(f"{_WP}docPr", f"{_PIC}cNvPr"):
        for attr in ("descr", "title"):
            element.attrib.pop(attr, None)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{urn:schemas-microsoft-com:vml}"):
            for attr in ("alt", "title", "href"):
                element.attrib.pop(attr, None)


def sanitise_settings(package: Package) -> None:
    if "word/settings.xml" not in package.raw:
        return
    root = package.tree("word/settings.xml")
    for tag in ("attachedTemplate", "docVars", "mailMerge", "trackRevisions", "documentProtection"):
        for element in list(root.iter(f"{W}{tag}")):
            _remove(element)


def _referenced_ids(package: Package, part: str) -> set[str]:
    if part not in package.raw or not part.endswith(".xml"):
        return set()
    root = package.tree(part)
    return {value for element in root.iter() for key, value in element.attrib.items() if key.startswith(f"{{{R_NS}}}")}


def clean_relationships(package: Package) -> None:
    """Drop relationships to removed parts, dangerous types and hyperlinks no longer used."""
    for rels in [n for n in package.order if n.endswith(".rels")]:
        root = package.tree(rels)
        source = rels_source(rels)
        used = _referenced_ids(package, source) if source else None
        for rel in list(root.iter(f"{{{REL_NS}}}Relationship")):
            rel_type = rel.get("Type", "")
            external = rel.get("TargetMode") == "External"
            target = resolve_target(rels, rel.get("Target", ""))
            gone = not external and target not in package.raw
            dangerous = rel_type.rsplit("/", 1)[-1] in _DROP_REL_TYPES or "customXml" in rel_type
            unused = used is not None and rel.get("Id") not in used and rel_type.endswith("/hyperlink")
            if gone or dangerous or unused or rel_type.endswith("/custom-properties"):
                _remove(rel)


def clean_content_types(package: Package) -> None:
    root = package.tree("[Content_Types].xml")
    for override in list(root.iter(f"{{{CT_NS}}}Override")):
        name = override.get("PartName", "").lstrip("/")
        if name not in package.raw:
            _remove(override)
        elif "macroEnabled" in override.get("ContentType", "") and name == "word/document.xml":
            override.set("ContentType", _MACRO_FREE_MAIN)
    for default in list(root.iter(f"{{{CT_NS}}}Default")):
        if default.get("Extension", "").lower() == "bin":
            _remove(default)


def replace_properties(package: Package, organisation: str) -> None:
    """Core and app properties rewritten from scratch; custom properties dropped with their part."""
    org = escape(organisation)
    package.put(
        "docProps/core.xml",
        (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:creator>{org}</dc:creator><cp:lastModifiedBy>{org}</cp:lastModifiedBy>"
            "</cp:coreProperties>"
        ).encode(),
    )
    package.put(
        "docProps/app.xml",
        (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>Clearance</Application><Company>{org}</Company></Properties>"
        ).encode(),
    )
    _ensure_property_rels(package)


def _ensure_property_rels(package: Package) -> None:
    """Make sure the package points at the (new) core and app parts and declares their types."""
    rels = package.tree("_rels/.rels")
    types = {rel.get("Target", "").lstrip("/"): rel for rel in rels.iter(f"{{{REL_NS}}}Relationship")}
    wanted = {
        "docProps/core.xml": "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/app.xml": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    }
    ids = {rel.get("Id") for rel in rels}
    for target, rel_type in wanted.items():
        if target not in types:
            new_id = next(f"rIdClearance{i}" for i in range(1, 100) if f"rIdClearance{i}" not in ids)
            ids.add(new_id)
            etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=new_id, Type=rel_type, Target=target)
    content = package.tree("[Content_Types].xml")
    names = {o.get("PartName") for o in content.iter(f"{{{CT_NS}}}Override")}
    for part, ctype in (
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ):
        if part not in names:
            etree.SubElement(content, f"{{{CT_NS}}}Override", PartName=part, ContentType=ctype)


def strip_media_metadata(package: Package) -> None:
    """EXIF, XMP, IPTC and text chunks out of every embedded picture; the pixels are untouched."""
    for name in list(package.order):
        if name.startswith("word/media/"):
            stripped = strip_image(package.raw[name])
            if stripped != package.raw[name]:
                package.put(name, stripped)


def drop_parts(package: Package) -> list[str]:
    dropped = [name for name in list(package.order) if _DROP_PARTS.fullmatch(name)]
    for name in dropped:
        package.delete(name)
    return dropped


def scrub_forbidden(package: Package, names: Iterable[str], matches: Callable[[str], bool]) -> None:
    """Last line of defence inside XML: attribute values and field codes naming a redacted string.

    Bookmark names, content-control tags, field instructions (HYPERLINK "mailto:...") and similar
    are not part of the visible text, so no redaction reached them.
    """
    for name in names:
        root = package.tree(name)
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for key, value in list(element.attrib.items()):
                if matches(value):
                    element.set(key, "")
            if element.tag in (f"{W}instrText",) and element.text and matches(element.text):
                element.text = ""
