"""DOCX verification: the paragraphs a reader sees, and everything else in the package, read apart.

Parsed with lxml set never to resolve entities or load DTDs, not with the renderer's code. The text
channel is the paragraph text of the story parts (body, headers, footers, notes), joined across runs
the way a reader sees it. Everything else is structure: attribute values, XML comments and processing
instructions, field codes, deleted and other non-paragraph text, the names of the parts, the zip's own
comment, and every non-XML part decoded every way decode.py knows (nested packages, compressed previews,
picture metadata).
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import re
import zipfile
from collections.abc import Iterable

from lxml import etree

from redaction.verify import Allowance, KeptText, Survivor, check_structure, check_text_channel
from redaction.verify.decode import TooDeep, text_spellings, texts
from redaction.verify.matching import APART, Counts, Matcher

_MAX_TOTAL = 400 * 1024 * 1024
_BINARY_MIN = 5  # shorter strings occur by chance in compressed picture data
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STORY = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
# Runs of text in a paragraph that a reader does not see as its text.
_NOT_TEXT = {f"{_W}{tag}" for tag in ("del", "moveFrom", "instrText", "delText", "delInstrText", "txbxContent")}
# Attributes of font elements (w:rFonts, w:font, m:mathFont, a:latin ...) name fonts: a formatting
# vocabulary, not the document's words ("Georgia" the font is not Georgia the neighbour).
_FONT_ATTRIBUTES = {"ascii", "hAnsi", "eastAsia", "cs", "name", "val", "typeface", "panose"}
_DRAWING_FONTS = {"latin", "ea", "cs", "sym"}
# Attributes naming styles: built-in names ("Strong", "Title", "Quote") are vocabulary, custom ones are not.
_STYLE_REFERENCES = {f"{_W}{tag}" for tag in ("pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "name")}


@functools.cache
def built_in_style_names() -> frozenset[str]:
    """Word's built-in style names and ids (from python-docx's copy of Word's default template)."""
    template = importlib.resources.files("docx") / "templates" / "default.docx"
    with zipfile.ZipFile(io.BytesIO(template.read_bytes())) as archive:
        root = etree.fromstring(archive.read("word/styles.xml"), _PARSER)
    names: set[str] = set()
    for element in root.iter(f"{_W}lsdException", f"{_W}name"):
        names.add(element.get(f"{_W}name") or element.get(f"{_W}val") or "")
    for style in root.iter(f"{_W}style"):
        names.add(style.get(f"{_W}styleId") or "")
    return frozenset(n.replace(" ", "").casefold() for n in names if n)


def _vocabulary(element: etree._Element, attribute: str, value: str) -> bool:
    """True for attribute values that are formatting vocabulary rather than the document's words."""
    tag = element.tag
    local = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    if ("font" in local.casefold() or local in _DRAWING_FONTS) and attribute.rsplit("}", 1)[-1] in _FONT_ATTRIBUTES:
        return True
    if (
        (tag in _STYLE_REFERENCES and attribute == f"{_W}val")
        or (tag == f"{_W}style" and attribute == f"{_W}styleId")
        or (tag == f"{_W}lsdException" and attribute == f"{_W}name")
    ):
        return value.replace(" ", "").casefold() in built_in_style_names()
    return False


def _paragraph_text(paragraph: etree._Element, out: list[str]) -> None:
    for child in paragraph:
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_TEXT or tag == f"{_W}p":
            continue
        if tag == f"{_W}t":
            out.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            out.append(" ")
        else:
            _paragraph_text(child, out)


def _in_paragraph_text(node: etree._Element) -> bool:
    """Is this w:t part of a paragraph's visible text (as _paragraph_text reads it)?"""
    parent = node.getparent()
    while parent is not None:
        if parent.tag in _NOT_TEXT:
            return False
        if parent.tag == f"{_W}p":
            return True
        parent = parent.getparent()
    return False


def _structure_strings(root: etree._Element, story: bool) -> list[str]:
    strings: list[str] = []
    for node in root.iter():
        if isinstance(node, etree._Comment | etree._ProcessingInstruction):
            strings.append(node.text or "")
            if isinstance(node, etree._ProcessingInstruction):
                strings.append(node.target)
            continue
        for key, value in node.attrib.items():
            if not _vocabulary(node, key, value):
                strings.append(value)
        if node.text and node.text.strip() and not (story and node.tag == f"{_W}t" and _in_paragraph_text(node)):
            strings.append(node.text)
        if node.tail and node.tail.strip():
            strings.append(node.tail)
    return strings


def _first_found(matcher: Matcher, spellings: Iterable[tuple[str, str]]) -> tuple[Counts, str]:
    """Every form found in the first spelling that holds any, and the nested member it was found in."""
    for member, text in spellings:
        found = matcher.counts(text)
        if found:
            return found, member
    return Counts(), ""


def verify_docx(data: bytes, matcher: Matcher, kept: KeptText) -> None:
    long_terms = Matcher(t for t in matcher.terms if sum(ch.isalnum() for ch in t) >= _BINARY_MIN)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise Survivor("", "the file is not a readable Word document") from exc
    text = Counts()
    where_text: list[str] = []
    with archive:
        if sum(i.file_size for i in archive.infolist()) > _MAX_TOTAL:
            raise Survivor("", "the file is too large to check")
        names = " ".join(i.filename for i in archive.infolist()) + " " + archive.comment.decode("latin-1")
        check_structure(matcher.counts(names), "the names of the parts inside the file")
        for info in archive.infolist():
            content = archive.read(info)
            if not info.filename.endswith((".xml", ".rels")):
                try:
                    found, member = _first_found(long_terms, texts(content))
                except TooDeep as exc:
                    raise Survivor("", f"the embedded file {info.filename} cannot be checked ({exc})") from exc
                inside = f" ({member})" if member else ""
                check_structure(found, f"the embedded file {info.filename}{inside}")
                continue
            try:
                root = etree.fromstring(content, _PARSER)
            except etree.XMLSyntaxError as exc:  # a part that cannot be parsed cannot be vouched for
                raise Survivor("", f"part {info.filename} cannot be checked") from exc
            story = bool(_STORY.fullmatch(info.filename))
            if story:
                for paragraph in root.iter(f"{_W}p"):
                    out: list[str] = []
                    _paragraph_text(paragraph, out)
                    found = matcher.counts("".join(out))
                    if found:
                        text.update(found)
                        where_text.append(info.filename)
            structure = APART.join(_structure_strings(root, story))
            found, _ = _first_found(matcher, text_spellings(structure))
            check_structure(found, f"the structure of {info.filename} (not its visible text)")
    parts = ", ".join(dict.fromkeys(where_text))
    check_text_channel(text, Allowance(matcher, kept).text(), f"the text of the document ({parts})")
