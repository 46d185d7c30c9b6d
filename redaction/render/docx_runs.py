"""Cutting text out of a Word paragraph across run boundaries and putting one labelled block in its place.

A name is often split over several runs (spell-check marks, edits, formatting). The paragraph's text is
rebuilt character by character exactly as the extractor builds it, so an offset in the extracted text
names one character in one element; those characters are removed wherever they sit, and a single block
run, black with the reason in white, is inserted where the first one was.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from redaction.extract.visible import seen_text, visible_order
from redaction.render.package import MC, R_NS, W

_T, _DEL_TEXT = f"{W}t", f"{W}delText"
_SKIP = (f"{W}txbxContent", f"{MC}Fallback", f"{W}instrText")
_SINGLE = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Formatting the block keeps from the run it replaces: font and size, so the line height stays put.
_KEEP_PROPS = (f"{W}rFonts", f"{W}sz", f"{W}szCs")

Char = tuple[etree._Element, int]


def char_map(paragraph: etree._Element) -> tuple[str, list[Char]]:
    """The paragraph's text as the extractor builds it, and for each character its element and index."""
    chars: list[Char] = []
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag in (_T, _DEL_TEXT):
                text = child.text or ""
                pieces.append(text)
                chars.extend((child, i) for i in range(len(text)))
            elif tag in _SINGLE:
                pieces.append(_SINGLE[tag])
                chars.append((child, 0))
            else:
                walk(child)

    walk(paragraph)
    # As the extractor reads it: invisible characters skipped, right-to-left overrides undone.
    text = "".join(pieces)
    order = visible_order(text)
    return seen_text(text, order), [chars[i] for i in order]


def _in_run(element: etree._Element) -> bool:
    parent = element.getparent()
    return parent is not None and parent.tag == f"{W}r"


def _set_text(element: etree._Element, text: str) -> None:
    element.text = text
    element.set(_XML_SPACE, "preserve")


def block_run(source: etree._Element | None, label: str) -> etree._Element:
    """A run showing the label in white on black; its width depends on the reason only."""
    run = etree.Element(f"{W}r")
    props = etree.SubElement(run, f"{W}rPr")
    source_props = source.find(f"{W}rPr") if source is not None else None
    kept = {} if source_props is None else {c.tag: c for c in source_props}
    # Children in the order the schema requires (Word rejects rPr children out of order).
    if f"{W}rFonts" in kept:
        props.append(copy.deepcopy(kept[f"{W}rFonts"]))
    etree.SubElement(props, f"{W}noProof")
    etree.SubElement(props, f"{W}color").set(f"{W}val", "FFFFFF")
    for tag in (f"{W}sz", f"{W}szCs"):
        if tag in kept:
            props.append(copy.deepcopy(kept[tag]))
    shading = etree.SubElement(props, f"{W}shd")
    shading.set(f"{W}val", "clear")
    shading.set(f"{W}color", "auto")
    shading.set(f"{W}fill", "000000")
    # No-break spaces pad the label inside the black so it reads as a box, not as inverted text.
    _set_text(etree.SubElement(run, _T), f"\u00a0{label.replace(' ', chr(0xA0))}\u00a0")
    return run


def _has_content(run: etree._Element) -> bool:
    for child in run:
        if child.tag == f"{W}rPr":
            continue
        if child.tag in (_T, _DEL_TEXT) and not child.text:
            continue
        return True
    return False


def _insert_block(anchor: etree._Element, offset: int, label: str) -> None:
    """Split the anchor's run at `offset` in `anchor` and put the block between the halves."""
    run = anchor.getparent()
    assert run is not None
    block = block_run(run, label)
    children = list(run)
    index = children.index(anchor)
    text = anchor.text or ""
    before = [c for c in children[:index] if c.tag != f"{W}rPr"]
    if not before and offset == 0:
        run.addprevious(block)
        return
    right = etree.Element(f"{W}r")
    props = run.find(f"{W}rPr")
    if props is not None:
        right.append(copy.deepcopy(props))
    if anchor.tag in (_T, _DEL_TEXT):
        _set_text(anchor, text[:offset])
        if text[offset:]:
            _set_text(etree.SubElement(right, anchor.tag), text[offset:])
    for child in children[index + 1 :]:
        right.append(child)
    run.addnext(block)
    if _has_content(right):
        block.addnext(right)


def _unlink_hyperlinks(element: etree._Element) -> set[str]:
    """A redacted link must not keep its target (a mailto: or a profile URL names the person)."""
    removed: set[str] = set()
    node = element.getparent()
    while node is not None:
        if node.tag == f"{W}hyperlink":
            rid = node.get(f"{{{R_NS}}}id")
            if rid:
                removed.add(rid)
            for attr in (f"{{{R_NS}}}id", f"{W}anchor", f"{W}tooltip", f"{W}docLocation"):
                node.attrib.pop(attr, None)
        node = node.getparent()
    return removed


def redact_spans(paragraph: etree._Element, spans: Sequence[tuple[int, int, str | None]]) -> set[str]:
    """Remove [start, end) of the paragraph text for each span; a label (if given) marks the place.

    Spans must not overlap. Returns the relationship ids of hyperlinks whose targets were dropped.
    """
    unlinked: set[str] = set()
    # Right to left, so earlier offsets still name the same characters after each cut.
    for start, end, label in sorted(spans, key=lambda s: s[0], reverse=True):
        _, chars = char_map(paragraph)
        targets = chars[start:end]
        if not targets:
            continue
        anchor: tuple[etree._Element, int] | None = None
        grouped: dict[etree._Element, set[int]] = {}
        for element, index in targets:
            grouped.setdefault(element, set()).add(index)
        for element, indexes in grouped.items():
            if not _in_run(element):
                continue  # e.g. a tab stop definition the extractor reads as a tab: nothing to remove
            unlinked |= _unlink_hyperlinks(element)
            if element.tag in (_T, _DEL_TEXT):
                text = element.text or ""
                first = min(indexes)
                _set_text(element, "".join(c for i, c in enumerate(text) if i not in indexes))
                if anchor is None:
                    anchor = (element, first)
            else:
                empty = etree.Element(_T)
                element.addprevious(empty)
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
                if anchor is None:
                    anchor = (empty, 0)
        if anchor is not None and label:
            _insert_block(anchor[0], anchor[1], label)
    _drop_empty_runs(paragraph)
    return unlinked


def _drop_empty_runs(paragraph: etree._Element) -> None:
    for run in list(paragraph.iter(f"{W}r")):
        for t in [c for c in run if c.tag in (_T, _DEL_TEXT) and not c.text]:
            run.remove(t)
        parent = run.getparent()
        if parent is not None and not _has_content(run):
            parent.remove(run)
