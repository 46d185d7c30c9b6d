"""Redactions merged into disjoint blocks that remember what the schedule needs.

`spans.merge_redactions` keeps only the reason; the file renderers also need the categories, who
decided, and the exact strings that must not survive anywhere in the output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.render.spans import _SEVERITY
from redaction.types import ExtractedDocument, Redaction
from redaction.verify import KeptText

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RedactionBlock:
    """One box in the output: [start, end) of the extracted text, merged from one or more Redactions."""

    start: int
    end: int
    reason_code: str
    categories: tuple[str, ...]
    decided_by: tuple[str, ...]
    texts: tuple[str, ...]  # the redacted strings, for verification only; never written anywhere

    @property
    def label(self) -> str:
        # The label depends only on the reason, never on the length of what it replaces.
        return f"REDACTED: {self.reason_code}" if self.reason_code else "REDACTED"

    @property
    def category(self) -> str:
        return ", ".join(self.categories)

    @property
    def is_person(self) -> bool:
        return "person" in self.categories


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def merge_blocks(text: str, redactions: Sequence[Redaction]) -> list[RedactionBlock]:
    """Clip to the text, merge overlapping or touching spans; the most serious reason names the box."""
    length = len(text)
    spans = sorted(
        (r for r in redactions if min(length, r.end) > max(0, r.start)),
        key=lambda r: (r.start, r.end),
    )
    groups: list[list[Redaction]] = []
    group_end = -1
    for r in spans:
        start, end = max(0, r.start), min(length, r.end)
        if groups and start <= group_end:
            groups[-1].append(r)
            group_end = max(group_end, end)
        else:
            groups.append([r])
            group_end = end
    blocks = []
    for group in groups:
        start = max(0, min(r.start for r in group))
        end = min(length, max(r.end for r in group))
        code = min((r.reason_code for r in group), key=lambda c: _SEVERITY.get(c, 9))
        texts = [text[start:end], *(r.text for r in group)]
        blocks.append(
            RedactionBlock(
                start=start,
                end=end,
                reason_code=code,
                categories=_unique([r.category for r in group]),
                decided_by=_unique([r.decided_by for r in group]),
                texts=_unique([t for t in texts if t.strip()]),
            )
        )
    return blocks


def forbidden_strings(blocks: Sequence[RedactionBlock], extra: Sequence[str] = ()) -> list[str]:
    """Every string that must not appear in an output: each block's text, each line of it, and extras.

    A block can span a paragraph or cell break; the parts either side are checked on their own too,
    because an output may put them far apart.
    """
    out: list[str] = []
    for text in [*(t for b in blocks for t in b.texts), *extra]:
        out.append(_SPACE.sub(" ", text).strip())
        lines = [line.strip() for line in re.split(r"[\n\t\r\f\v]+", text)]
        if len(lines) > 1:
            out.extend(line for line in lines if line)
    return list(dict.fromkeys(s for s in out if sum(ch.isalnum() for ch in s) >= 2))


# Segments a paginated output prints on every page, and segments no output carries at all.
_REPEATED = ("header", "footer")
_DROPPED = ("comment",)


def kept_text(document: ExtractedDocument, blocks: Sequence[RedactionBlock]) -> KeptText:
    """The text the author deliberately kept: every segment with its redacted spans cut out.

    A cut leaves a line break, so the words either side never join into something that was not there.
    The verifier allows a redacted string in an output as often as it occurs here (see redaction.verify).
    """
    spans = sorted((b.start, b.end) for b in blocks)
    segments = document.segments or ()
    flow: list[str] = []
    repeated: list[str] = []
    for segment in sorted(segments, key=lambda s: s.start):
        if segment.location in _DROPPED:
            continue
        pieces: list[str] = []
        cursor = segment.start
        for start, end in spans:
            if end <= cursor or start >= segment.end:
                continue
            pieces.append(document.text[cursor : max(cursor, start)])
            pieces.append("\n")
            cursor = max(cursor, min(end, segment.end))
        pieces.append(document.text[cursor : segment.end])
        target = repeated if document.format == "docx" and segment.location in _REPEATED else flow
        target.append("".join(pieces))
    if not segments:
        flow.append(document.text)
    return KeptText(flow="\n".join(flow), repeated="\n".join(repeated))
