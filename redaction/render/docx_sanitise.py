"""Sanitising a Word story part: what a family could find by clicking around in Word, gone.

Comments, tracked changes, hidden text, alt text and embedded objects have each leaked personal data in
real disclosures; the document properties are written anew. The package itself is rebuilt by
allowlist (docx_allowlist), and fields, bookmarks and links are flattened (docx_story). This runs on
every output, whatever was detected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape

from lxml import etree

from redaction.render.package import MC, Package, W, remove, unwrap

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_O = "{urn:schemas-microsoft-com:office:office}"

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
        remove(flag)
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
            remove(element)
    for deleted in list(root.iter(f"{W}del")):
        parent = deleted.getparent()
        if parent is not None and parent.tag == f"{W}trPr":
            row = parent.getparent()
            remove(row if row is not None else deleted)
        else:
            remove(deleted)  # deleted runs go with their text; a paragraph-mark marker just goes
    for tag in _UNWRAP:
        for element in list(root.iter(tag)):
            parent = element.getparent()
            if parent is not None and parent.tag in (f"{W}rPr", f"{W}trPr"):
                remove(element)  # a formatting marker, not a container
            else:
                unwrap(element)
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        paragraph_hidden = style is not None and style.get(f"{W}val") in hidden
        for run in list(paragraph.iter(f"{W}r")):
            if run.getparent() is not None and _run_hidden(run, hidden, paragraph_hidden):
                remove(run)
    for flag in [f for tag in _HIDDEN for f in root.iter(tag)]:
        remove(flag)
    for element in root.iter(f"{_WP}docPr", f"{_PIC}cNvPr"):
        for attr in ("descr", "title"):
            element.attrib.pop(attr, None)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{urn:schemas-microsoft-com:vml}"):
            for attr in ("alt", "title", "href"):
                element.attrib.pop(attr, None)


def organisation_properties(organisation: str) -> dict[str, bytes]:
    """Core and app properties written from scratch: the organisation's name and nothing else."""
    org = escape(organisation)
    return {
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:creator>{org}</dc:creator><cp:lastModifiedBy>{org}</cp:lastModifiedBy>"
            "</cp:coreProperties>"
        ).encode(),
        "docProps/app.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>Clearance</Application><Company>{org}</Company></Properties>"
        ).encode(),
    }


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
