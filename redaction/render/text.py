"""Redacted plain text: each block becomes a label of the same form whatever its length."""

from __future__ import annotations

from collections.abc import Sequence

from redaction.render.spans import merge_redactions
from redaction.types import Redaction


def redact_text(text: str, redactions: Sequence[Redaction]) -> str:
    """Replace every redacted span with "[REDACTED: reason_code]".

    The label does not depend on the span's length, so a box never hints at how long a name was.
    """
    out: list[str] = []
    pos = 0
    for block in merge_redactions(len(text), redactions):
        out.append(text[pos : block.start])
        out.append(f"[{block.label}]")
        pos = block.end
    out.append(text[pos:])
    return "".join(out)
