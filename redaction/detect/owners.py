"""Whose identifier is it? The nearest person named before it, in the same sentence or record block."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from redaction.detect.identifiers import Identifier
from redaction.detect.persons import Mention

_LANDLINE = re.compile(r"^\+?(?:44\s?)?\(?0?[1-3589]")
_GENERIC_MAILBOX = re.compile(
    r"^(?:info|admin|enquiries|contact|office|duty|mash|team|reception|referrals?|safeguarding|"
    r"noreply|no-reply|help|support|cs|childrens?|social\.?care|dpo|foi|sar|information)\b",
    re.IGNORECASE,
)


def block_start(text: str, pos: int, max_lines: int = 6) -> int:
    """Start of the record block holding pos: back over up to max_lines lines, stopping at a blank line."""
    start = text.rfind("\n", 0, pos) + 1
    for _ in range(max_lines):
        if start <= 1:
            return 0
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text[prev : start - 1].strip():
            return start
        start = prev
    return start


def _row_owner(text: str, ident: Identifier, people: Sequence[Mention]) -> Mention | None:
    """In a table row, the person in the row's first cell: "Liam Carney | Father of Ruby-Mae | 07700 ..."
    gives the number to Liam, whoever else the row names in between."""
    line_start = text.rfind("\n", 0, ident.start) + 1
    line_end = text.find("\n", ident.start)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    cells = re.search(r"\s*\|\s*|\t+", line)
    if cells is None or line_start + cells.start() > ident.start:
        return None
    first = [m for m in starting_in(people, line_start, ident.start) if m.end <= line_start + cells.start()]
    return first[-1] if first else None


def nearest_owner(text: str, ident: Identifier, people: Sequence[Mention]) -> Mention | None:
    """The last person named before the identifier within its block (or just after, on the same line);
    in a table row, the person the row is about."""
    row_owner = _row_owner(text, ident, people)
    if row_owner is not None:
        return row_owner
    lower = block_start(text, ident.start)
    before = [m for m in starting_in(people, lower, ident.start) if m.end <= ident.start]
    if before:
        return before[-1]
    line_end = text.find("\n", ident.end)
    line_end = len(text) if line_end == -1 else line_end
    after = starting_in(people, ident.end, min(line_end, ident.end + 60))
    return after[0] if after else None


def starting_in(people: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions (sorted by start) that start in [start, end): a long document has thousands."""
    lo = bisect.bisect_left(people, start, key=lambda m: m.start)
    return people[lo : bisect.bisect_left(people, end, lo=lo, key=lambda m: m.start)]


def email_owner(text: str, ident: Identifier, people: Sequence[Mention]) -> tuple[str, str]:
    """(party, why) for an email address, judged by the name in its local part."""
    address = text[ident.start : ident.end]
    local = address.split("@", 1)[0].lower()
    parts = {p for p in re.split(r"[._+-]", local) if len(p) > 1}
    for m in people:
        name_parts = {p.lower() for p in re.split(r"[\s'\u2019-]+", text[m.start : m.end]) if len(p) > 1}
        if name_parts and parts & name_parts and (len(parts & name_parts) >= 2 or len(parts) == 1):
            return m.party, f"Email address of {_who(m.party)}."
    if _GENERIC_MAILBOX.match(local):
        return "professional", "An organisation's mailbox."
    # Only a name written right against the address ("Name <address>") owns it.
    for m in people:
        if 0 <= ident.start - m.end <= 3 or 0 <= m.start - ident.end <= 3:
            return m.party, f"Email address next to the name of {_who(m.party)}."
    return "unknown", "Email address of an unidentified person."


def phone_fallback(text: str, ident: Identifier) -> tuple[str, str]:
    number = re.sub(r"[^\d+]", "", text[ident.start : ident.end])
    if _LANDLINE.match(number) and not number.startswith(("07", "447", "+447")):
        return "professional", "A landline with no person named: probably an office number."
    return "unknown", "Phone number of an unidentified person."


def _who(party: str) -> str:
    return {
        "family": "a family member",
        "professional": "a professional",
        "other_case": "a member of another case",
        "third_party": "a third party",
    }.get(party, "an unidentified person")


def who(party: str) -> str:
    return _who(party)
