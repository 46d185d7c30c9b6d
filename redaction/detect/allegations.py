"""Passages that state or allege criminal conduct or police action.

A passage starts at a sentence with a strong cue (arrest, charge, "police were called", a knife, a drug
named ...). An account of an incident runs over several sentences, so the passage then takes in the
neighbouring sentences of the same paragraph that carry the account on: those led by a pronoun
("She said he ...", "He also told me ...") or holding a weaker cue (court, 999, shouting, solicitor).
Continuation sentences remember the sentence that anchored them: whom they are about defaults to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redaction.detect.allegation_cues import POSSIBLE, STRONG, WEAK
from redaction.detect.allegation_model import THRESHOLD, probabilities
from redaction.detect.sentences import split

# A sentence that continues the previous one's account: led by a pronoun, or by "I/We" plus "this/it".
_CONTINUES = re.compile(r"[\"'\u201c(]*(?:\d+\.\s+|-\s+)?(?:he|she|they|his|her|their|him|them)\b", re.IGNORECASE)
_REFERS_BACK = re.compile(
    r"[\"'\u201c(]*(?:\d+\.\s+|-\s+)?(?:(?:he|she|they|this|that|it|these)\b|(?:i|we)\b[^.]{0,40}\b(?:this|it|that)\b)",
    re.IGNORECASE,
)
LEARNED_TRIGGER = "reads like one, learned from examples"
_MAX_REACH = 4  # sentences a passage may reach beyond its strong-cued sentences, either side


@dataclass
class Allegation:
    start: int
    end: int
    trigger_start: int
    trigger: str
    text: str = ""
    anchor: int | None = None  # index (in the returned list) of the cued sentence this one continues
    learned: bool = False  # flagged by the learned model only, no cue: always a person's decision
    hedged: bool = False  # its cues are denied, only a possibility, or POSSIBLE ones: a person's decision


# Before a cue in its own clause, words that deny it or make it a possibility: "has not told the police",
# "never hit his children", "would call the police if", "recorded no offences".
_HEDGE = re.compile(r"\b(?:not|never|no|nor|without|would|could|might|if|unless|in case)\b|n['\u2019]t\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013]|\b(?:but|and|because|so|when|after|before)\b", re.IGNORECASE)


def _hedged(text: str, start: int, end: int) -> bool:
    """Whether every strong cue of the sentence is denied or only a possibility (or it has none, only a
    POSSIBLE one). Stops at the first plain cue: most sentences have one."""
    for cue in STRONG.finditer(text, start, end):
        lead = text[max(start, cue.start() - 40) : cue.start()]
        breaks = list(_CLAUSE_BREAK.finditer(lead))
        clause = lead[breaks[-1].end() :] if breaks else lead
        if not _HEDGE.search(clause):
            return False
    return True


def _same_paragraph(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return "\n" not in text[a[1] : b[0]]


def find_allegations(text: str, *, learned: bool = True) -> list[Allegation]:
    """Cued passages and, unless learned=False, the sentences the learned model reads as allegations."""
    sentences = split(text)
    strong = [STRONG.search(text, s, e) or POSSIBLE.search(text, s, e) for s, e in sentences]
    role: dict[int, int] = {}  # sentence index -> index of the cued sentence anchoring it
    for i, m in enumerate(strong):
        if m is not None:
            role[i] = i
    for i in sorted(role):
        if role[i] != i:
            continue
        # Forward: the account goes on.
        j, reach = i + 1, 0
        while j < len(sentences) and _same_paragraph(text, sentences[j - 1], sentences[j]) and reach < _MAX_REACH:
            if strong[j] is not None:
                break
            s, e = sentences[j]
            if not (_CONTINUES.match(text, s, e) or WEAK.search(text, s, e)):
                break
            role.setdefault(j, i)
            j, reach = j + 1, reach + 1
        # Backward: a cued sentence that refers back ("She said he ...", "I passed this to police")
        # belongs with the sentences that introduced the incident.
        j, reach = i - 1, 0
        current = i
        while j >= 0 and _same_paragraph(text, sentences[j], sentences[current]) and reach < _MAX_REACH:
            if j in role:
                break
            s, e = sentences[current]
            prev_s, prev_e = sentences[j]
            if not (_REFERS_BACK.match(text, s, e) or WEAK.search(text, prev_s, prev_e)):
                break
            role[j] = i
            current, j, reach = j, j - 1, reach + 1
    # What no cue caught, the learned model may still read as an account of offending or police action.
    rest = [i for i in range(len(sentences)) if i not in role] if learned else []
    model_flagged = {
        i
        for i, p in zip(rest, probabilities([text[s:e] for s, e in (sentences[i] for i in rest)]), strict=True)
        if p >= THRESHOLD
    }
    found: list[Allegation] = []
    index_of: dict[int, int] = {}
    for i in sorted(role.keys() | model_flagged):
        if i in model_flagged:
            s, e = sentences[i]
            found.append(Allegation(s, e, s, LEARNED_TRIGGER, text[s:e], learned=True))
            continue
        index_of[i] = len(found)
        s, e = sentences[i]
        m = strong[i]
        if m is not None:
            found.append(Allegation(s, e, m.start(), m.group(0), text[s:e], hedged=_hedged(text, s, e)))
        else:
            anchor = strong[role[i]]
            trigger = anchor.group(0) if anchor is not None else ""
            found.append(Allegation(s, e, s, trigger, text[s:e], anchor=role[i]))
    for a in found:
        if a.anchor is not None:
            a.anchor = index_of.get(a.anchor)
    return found
