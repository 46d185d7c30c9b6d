"""Text that Word keeps beside a story's visible text, removed: fields, bookmarks, links, controls, names.

None of these is read as the document's text, so no redaction reaches them, and each has carried a
redacted name out of a real file: a HYPERLINK field's "mailto:first.last@...", a MERGEFIELD or a form
field's name, a bookmark called First_Last, a content control's tag, a picture's file name in its
drawing properties, an XML comment, a VML shape's base64 copy of itself (o:gfxdata), a chart or
diagram with its own text. What the reader sees stays: a field's displayed result, a link's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from redaction.render.package import MC, W, remove, unwrap

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_VML_NAMESPACES = ("{urn:schemas-microsoft-com:vml}", "{urn:schemas-microsoft-com:office:office}")
_VML_FREE_TEXT = {"alt", "title", "href", "gfxdata", "button", "target"}
# Drawings that are pictures or shapes (whose text is read as story text); charts, diagrams, ink, OLE and
# anything else carry text of their own that nobody redacted.
_DRAWING_KINDS = (
    "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
)
# Fields whose result the layout computes (page numbers): kept live, so "Page 2 of 5" stays right.
_LIVE_FIELD = re.compile(r"\s*(PAGE|NUMPAGES|SECTIONPAGES|SECTION)(\s+\\\*\s*[A-Za-z]+)*\s*", re.IGNORECASE)
_DROP = (
    f"{W}bookmarkStart",
    f"{W}bookmarkEnd",
    f"{W}permStart",
    f"{W}permEnd",
    f"{W}proofErr",
    f"{W}altChunk",  # refused at upload; never carried out if one slips through
    f"{W}subDoc",
    f"{W}sdtPr",
    f"{W}sdtEndPr",
)
_UNWRAP = (f"{W}hyperlink", f"{W}sdtContent", f"{W}sdt")




def strip_comments_and_instructions(root: etree._Element) -> None:
    """XML comments and processing instructions: invisible in Word, plain in the file."""
    for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        parent = node.getparent()
        if parent is None:
            continue
        # Keep the text that follows the node in the document.
        if node.tail:
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)


@dataclass
class _Field:
    instruction: list[str] = field(default_factory=list)
    parts: list[etree._Element] = field(default_factory=list)  # fldChars, instrText and instruction content
    in_result: bool = False


def flatten_fields(root: etree._Element) -> None:
    """Every complex field becomes its displayed result, apart from page-number fields.

    Fields nest and span runs and paragraphs, so the runs are walked in document order with a stack:
    the instruction part of a field (with anything nested in it) goes, the result part stays.
    """
    stack: list[_Field] = []
    for run in list(root.iter(f"{W}r")):
        for child in list(run):
            tag = child.tag
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    stack.append(_Field(parts=[child]))
                elif stack and kind == "separate":
                    stack[-1].in_result = True
                    stack[-1].parts.append(child)
                elif stack and kind == "end":
                    done = stack.pop()
                    done.parts.append(child)
                    if not _LIVE_FIELD.fullmatch("".join(done.instruction)):
                        for part in done.parts:
                            remove(part)
                    elif stack and not stack[-1].in_result:
                        stack[-1].parts.extend(done.parts)  # a live field inside an instruction goes with it
            elif stack and not stack[-1].in_result and tag != f"{W}rPr":
                if tag in (f"{W}instrText", f"{W}delInstrText"):
                    stack[-1].instruction.append(child.text or "")
                stack[-1].parts.append(child)
        if not any(c.tag != f"{W}rPr" for c in run):
            remove(run)
    for simple in list(root.iter(f"{W}fldSimple")):
        if not _LIVE_FIELD.fullmatch(simple.get(f"{W}instr", "")):
            unwrap(simple)


def _drawing_kind(drawing: etree._Element) -> str:
    data = drawing.find(f".//{_A}graphicData")
    return "" if data is None else data.get("uri", "")


def clean_drawings(root: etree._Element) -> None:
    """Pictures keep a neutral name and lose their descriptions; other drawings (charts, diagrams,
    embedded objects) go whole. VML shapes lose their free-text attributes and base64 copies."""
    for drawing in list(root.iter(f"{W}drawing")):
        if _drawing_kind(drawing) not in _DRAWING_KINDS:
            remove(drawing)
    for number, element in enumerate(root.iter(f"{_WP}docPr", f"{_PIC}cNvPr", f"{_A}cNvPr"), start=1):
        element.set("name", f"Picture {number}")
        for attribute in ("descr", "title"):
            element.attrib.pop(attribute, None)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(_VML_NAMESPACES):
            for key in [k for k in element.attrib if k.rsplit("}", 1)[-1] in _VML_FREE_TEXT]:
                del element.attrib[key]


def drop_hidden_markup(root: etree._Element) -> None:
    """Bookmarks, permissions, proofing marks, content-control properties, altChunks and sub-documents
    go; links and content controls keep their text; revision ids (rsid) go."""
    for tag in _DROP:
        for element in list(root.iter(tag)):
            remove(element)
    for tag in _UNWRAP:
        for element in list(root.iter(tag)):
            unwrap(element)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for key in [k for k in element.attrib if k.startswith(f"{W}rsid")]:
            del element.attrib[key]


def clean_story(root: etree._Element) -> None:
    """Everything above, for one story part (body, header, footer, notes)."""
    strip_comments_and_instructions(root)
    flatten_fields(root)
    drop_hidden_markup(root)
    clean_drawings(root)
    for fallback in list(root.iter(f"{MC}Fallback")):
        remove(fallback)
