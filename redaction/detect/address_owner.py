"""Whose address is it? Addresses are the identifier most often misattributed, so they get stricter rules.

The family's own address may be kept, but only on firm evidence: it matches an address the register
holds for the case, or a family member is written right against it ("Mother: Ann Lee, 12 Elm Road",
a letter's address block, an "Address:" field in the family's header). Mere proximity to a family
name is not enough ("Ms Lee reported the neighbour at 14 Elm Road ..."): that is sent for review.
Phrases such as "the neighbour at", "her friend's house at" make the address an outsider's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.detect.identifiers import Identifier
from redaction.detect.owners import block_start, nearest_owner, who
from redaction.detect.persons import Mention

# Words that make the address belong to someone outside the household, when they lead up to it.
_OUTSIDER = (
    r"neighbou?rs?|next[- ]door|upstairs|downstairs|friends?|boyfriend|girlfriend|ex-partner|ex-boyfriend|"
    r"associates?|landlord|lodger|flatmate|man|woman|male|female|adults?|men|women"
)
_OUTSIDER_CUE = re.compile(
    rf"\b(?:{_OUTSIDER})(?:['\u2019]s?)?(?:\s+(?:house|flat|home|address|property|place))?"
    r"(?:\s+(?:at|from|of|in|on|who lives at|living at|lives at|staying at|address(?: is)?))?\s*[,:]?\s*$",
    re.IGNORECASE,
)
# "Ann Lee, 12 Elm Road" / "Ann Lee of 12 Elm Road" / "Ann Lee (12 Elm Road" / "Ann Lee lives at".
_APPOSITION = re.compile(
    r"^(?:['\u2019]s)?\s*(?:,|\(|\bof\b|\bat\b|\bfrom\b|(?:,\s*)?(?:who\s+)?(?:lives|living|lived|resides|residing|"
    r"stays|staying|moved)\s+(?:at|to|in))\s*(?:[\w ]{0,6},\s*)?$",
    re.IGNORECASE,
)
_ADDRESS_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:home |current |family )?address[ \t]*:[ \t]*$", re.IGNORECASE)


@dataclass(frozen=True)
class AddressOwner:
    party: str
    why: str
    firm: bool  # strong enough evidence to keep the address unredacted


def address_key(text: str) -> str:
    """ "12 elm road" for "Flat 2, 12 Elm Road, Leeds": house number and street, case and space folded."""
    m = re.match(
        r"\s*(?:(?:flat|apartment|unit|room)\s+\d+\w?,?\s*)?(?:[a-z' ]+(?:house|court|lodge),?\s*)?"
        r"(\d+\w?\s+[a-z'\u2019 ]+?)(?:,|\n|$)",
        text.lower(),
    )
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else ""


def _sentence_start(text: str, pos: int) -> int:
    starts = [text.rfind(mark, 0, pos) for mark in (". ", "! ", "? ", "; ")]
    return max(max(starts) + 2 if max(starts) >= 0 else 0, text.rfind("\n", 0, pos) + 1)


def _adjacent_before(text: str, ident: Identifier, people: Sequence[Mention]) -> Mention | None:
    """A person written right before the address: apposition, or the line above in an address block."""
    for m in reversed(people):
        if m.end > ident.start:
            continue
        gap = text[m.end : ident.start]
        if _APPOSITION.match(gap) or (gap.strip(" \t") == "\n" and "\n" in gap):
            return m
        if len(gap) > 40:
            return None
    return None


def find_owner(text: str, ident: Identifier, people: Sequence[Mention], family_keys: frozenset[str]) -> AddressOwner:
    key = address_key(text[ident.start : ident.end])
    if key and key in family_keys:
        return AddressOwner("family", "The family's registered address.", True)
    sentence = _sentence_start(text, ident.start)
    lead = text[max(sentence, ident.start - 60) : ident.start]
    if _OUTSIDER_CUE.search(lead):
        line_end = text.find("\n", ident.end)
        line_end = len(text) if line_end == -1 else line_end
        after = [m for m in people if ident.end <= m.start < min(line_end, ident.end + 40) and m.party != "family"]
        before = [m for m in people if sentence <= m.start and m.end <= ident.start and m.party != "family"]
        outsider = after[0] if after else (before[-1] if before else None)
        if outsider is not None and outsider.party == "professional":
            outsider = None  # "PC Lee went to the neighbour's flat at ...": the officer does not live there
        party = outsider.party if outsider is not None else "third_party"
        return AddressOwner(party, f"Introduced as someone else's address: belongs to {who(party)}.", True)
    adjacent = _adjacent_before(text, ident, people)
    if adjacent is not None:
        return AddressOwner(adjacent.party, f"Written next to the name of {who(adjacent.party)}.", True)
    if _ADDRESS_LABEL.search(text[block_start(text, ident.start) : ident.start]):
        owner = nearest_owner(text, ident, people)
        if owner is not None:
            return AddressOwner(owner.party, f"Address field of {who(owner.party)}'s record.", True)
    owner = nearest_owner(text, ident, people)
    if owner is not None:
        return AddressOwner(owner.party, f"Probably belongs to {who(owner.party)} named nearby.", False)
    return AddressOwner("unknown", "Could not tell whose address this is.", False)
