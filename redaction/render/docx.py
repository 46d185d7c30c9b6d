"""DOCX -> redacted, sanitised DOCX, editing the package's XML in place so layout and fonts stay.

The extractor's segments name paragraphs as "PART#pN" (N counts w:p elements in document order). Each
redaction piece is found in that paragraph by rebuilding its text the way the extractor does; if the two
disagree (the extractor changed, or read the part differently) the same occurrence of the same string
is used instead, and if it cannot be found at all the verifier will refuse the output.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from lxml import etree

from redaction.errors import UnreadableFile
from redaction.render.blocks import RedactionBlock
from redaction.render.docx_allowlist import Allowlist
from redaction.render.docx_runs import char_map, redact_spans
from redaction.render.docx_sanitise import (
    hidden_styles,
    organisation_properties,
    sanitise_text_part,
    scrub_forbidden,
)
from redaction.render.docx_story import clean_story, strip_comments_and_instructions
from redaction.render.docx_support import (
    clean_font_table,
    clean_numbering,
    clean_settings,
    clean_styles,
    clean_theme,
    custom_style_ids,
    rename_styles,
)
from redaction.render.locate import Piece, relocate
from redaction.render.package import Package, W
from redaction.types import ExtractedDocument

STORY_KINDS = ("document", "header", "footer", "footnotes", "endnotes")
_LOCATION_NAMES = {
    "body": "body",
    "table": "table",
    "header": "header",
    "footer": "footer",
    "footnote": "footnote",
    "endnote": "endnote",
    "textbox": "text box",
    "comment": "comment (all comments removed)",
}


@dataclass(frozen=True)
class DocxPlacement:
    """Where a block went in the Word file, for the schedule."""

    block: int
    location: str  # e.g. "body paragraph 4", "header", "table paragraph 2"
    part: str


def _split_ref(ref: str) -> tuple[str, int] | None:
    part, sep, index = ref.rpartition("#p")
    if not sep or not index.isdigit():
        return None
    return part, int(index)


def _locations(document: ExtractedDocument) -> dict[tuple[int, int], str]:
    """A readable place for each segment: its kind and its ordinal among segments of that kind."""
    counts: dict[str, int] = defaultdict(int)
    names: dict[tuple[int, int], str] = {}
    for seg in document.segments:
        counts[seg.location] += 1
        kind = _LOCATION_NAMES.get(seg.location, seg.location)
        names[(seg.start, seg.end)] = f"{kind} paragraph {counts[seg.location]}"
    return names


def _apply_pieces(
    package: Package,
    document: ExtractedDocument,
    pieces: Sequence[Piece],
    blocks: Sequence[RedactionBlock],
) -> list[DocxPlacement]:
    names = _locations(document)
    placements: list[DocxPlacement] = []
    per_paragraph: dict[tuple[str, int], list[tuple[Piece, int, int]]] = defaultdict(list)
    paragraphs: dict[str, list[etree._Element]] = {}
    for piece in pieces:
        ref = _split_ref(piece.segment.ref)
        if ref is None or ref[0] not in package.raw:
            continue  # the verifier will find anything left behind and refuse the output
        part, index = ref
        if part not in paragraphs:
            paragraphs[part] = list(package.tree(part).iter(f"{W}p"))
        if index >= len(paragraphs[part]):
            continue
        expected = document.text[piece.segment.start : piece.segment.end]
        actual, _ = char_map(paragraphs[part][index])
        found = relocate(expected, actual, piece.start, piece.end)
        if found is None:
            continue
        per_paragraph[(part, index)].append((piece, *found))
        if piece.first:
            where = names.get((piece.segment.start, piece.segment.end), piece.segment.location)
            if piece.segment.location == "comment":
                where = _LOCATION_NAMES["comment"]
            placements.append(DocxPlacement(piece.block, where, part))
    for (part, index), found_pieces in per_paragraph.items():
        # Every paragraph piece gets a block, so a redacted cell or line is never silently empty.
        spans = [(start, end, blocks[p.block].label) for p, start, end in found_pieces]
        redact_spans(paragraphs[part][index], spans)
    return placements


def _sanitise_parts(package: Package, allowlist: Allowlist) -> None:
    """Each kept XML part cleaned by what it is (see docx_story, docx_sanitise, docx_support)."""
    hidden = hidden_styles(package)
    styles = next((p for p, kind in allowlist.kinds.items() if kind == "styles"), None)
    renamed = custom_style_ids(package.tree(styles)) if styles else {}
    for part, kind in allowlist.kinds.items():
        root = package.tree(part)
        strip_comments_and_instructions(root)
        if kind in STORY_KINDS:
            sanitise_text_part(root, hidden)
            clean_story(root)
        elif kind == "styles":
            clean_styles(root, renamed)
        elif kind == "settings":
            clean_settings(root)
        elif kind == "numbering":
            clean_numbering(root)
        elif kind == "fontTable":
            clean_font_table(root)
        elif kind == "theme":
            clean_theme(root)
        rename_styles(root, renamed)


def redact_docx(
    data: bytes,
    document: ExtractedDocument,
    pieces: Sequence[Piece],
    blocks: Sequence[RedactionBlock],
    *,
    organisation: str,
    matches: Callable[[str], bool],
    withheld: Collection[str] = (),
) -> tuple[bytes, list[DocxPlacement]]:
    """The redacted DOCX, rebuilt by allowlist and sanitised, and where each block was placed."""
    package = Package.read(data)
    if "[Content_Types].xml" not in package.raw:
        raise UnreadableFile("The Word document is damaged: its list of parts is missing.")
    allowlist = Allowlist.of(package, withheld)
    placements = _apply_pieces(package, document, pieces, blocks)
    _sanitise_parts(package, allowlist)
    scrub_forbidden(package, list(allowlist.kinds), matches)
    output = allowlist.write(organisation_properties(organisation))
    return output.write(), placements
