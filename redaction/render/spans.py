"""Merge redactions into disjoint blocks, each with the one reason code shown in its box."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redaction.types import (
    REASON_CRIMINAL_OFFENCE,
    REASON_SERIOUS_HARM,
    REASON_THIRD_PARTY,
    Redaction,
)

# When blocks merge, the most serious reason names the box.
_SEVERITY = {REASON_SERIOUS_HARM: 0, REASON_CRIMINAL_OFFENCE: 1, REASON_THIRD_PARTY: 2}


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    reason_code: str

    @property
    def label(self) -> str:
        return f"REDACTED: {self.reason_code}" if self.reason_code else "REDACTED"


def merge_redactions(text_length: int, redactions: Sequence[Redaction]) -> list[Block]:
    """Clip to the text, merge overlapping or touching spans, choose the most serious reason."""
    spans = sorted(
        (max(0, r.start), min(text_length, r.end), r.reason_code)
        for r in redactions
        if min(text_length, r.end) > max(0, r.start)
    )
    blocks: list[Block] = []
    for start, end, code in spans:
        if blocks and start <= blocks[-1].end:
            last = blocks[-1]
            best = min((last.reason_code, code), key=lambda c: _SEVERITY.get(c, 9))
            blocks[-1] = Block(last.start, max(last.end, end), best)
        else:
            blocks.append(Block(start, end, code))
    return blocks
