"""Criminal-allegation passages as Findings: whom each is about decides redact (outsider) or review (family)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from redaction.detect.allegation_cues import WEAK
from redaction.detect.allegations import Allegation
from redaction.detect.owners import starting_in, who
from redaction.detect.persons import GUESS_SOURCES, Mention
from redaction.types import REASON_CRIMINAL_OFFENCE, Finding

_OUTSIDERS = ("third_party", "other_case")
_LOOKBACK = 300  # characters searched back for the person a pronoun-led allegation is about


def _carve(text: str, start: int, end: int, keep: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) minus the family's and professionals' names: their own names stay readable."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for s, e in sorted(keep):
        if e <= start or s >= end:
            continue
        pieces.append((pos, s))
        pos = max(pos, e)
    pieces.append((pos, end))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not (text[e - 1].isalnum() or text[e - 1] in ".!?\"')\u201d"):
            e -= 1
        if any(ch.isalnum() for ch in text[s:e]):
            out.append((s, e))
    return out


def allegation_findings(
    text: str,
    allegations: list[Allegation],
    mentions: Sequence[Mention],
    keep_spans: Sequence[tuple[int, int]] = (),
) -> list[Finding]:
    # A word that only looked like a name decides nobody's allegation: "Heath" in "Small Heath".
    people = [m for m in mentions if m.party and m.party != "professional" and m.source not in GUESS_SOURCES]
    # "his dad", "her mother": in a family's own records these are the family's parents.
    people += [Mention(m.start(), m.end(), "relation", "family") for m in _PARENT_REF.finditer(text)]
    people.sort(key=lambda m: m.start)
    out: list[Finding] = []
    subjects: list[Mention | None] = []
    for a in allegations:
        subject = _subject(text, a, people, pronoun_fallback=a.anchor is None)
        if subject is None and a.anchor is not None and a.anchor < len(subjects):
            # A continuation sentence names nobody itself: it is about whom its passage is about.
            subject = subjects[a.anchor]
        subjects.append(subject)
        party = subject.party if subject is not None else "unknown"
        action, code = "review", REASON_CRIMINAL_OFFENCE
        if a.learned:
            reason = f"May allege criminal conduct or police action ({a.trigger}) about {who(party)}: check it."
        elif a.hedged:
            reason = (
                f"Mentions criminal conduct or police action ({a.trigger}) about {who(party)} only as denied or as "
                "a possibility: check whether it alleges anything."
            )
        elif a.anchor is not None:
            # A sentence carried along by the account: redacted only when it itself names a third party
            # as the actor and keeps to the incident; otherwise a person decides how far the passage runs.
            own = subject is not None and subject.start >= a.start and subject.end <= a.end
            if party in _OUTSIDERS and own and WEAK.search(a.text):
                action = "redact"
            reason = f"Continues an account of criminal conduct or police action ({a.trigger}) about {who(party)}"
            reason += "." if action == "redact" else ": check whether it goes with that passage."
        elif party in _OUTSIDERS:
            action = "redact"
            reason = f"Alleges criminal conduct or police action ({a.trigger}) about {who(party)}."
        else:
            reason = (
                f"Alleges criminal conduct or police action ({a.trigger}) about {who(party)}: check it may be shared."
            )
        pieces = _carve(text, a.start, a.end, keep_spans) if action == "redact" else [(a.start, a.end)]
        for start, end in pieces:
            out.append(
                Finding(
                    start=start,
                    end=end,
                    text=text[start:end],
                    category="criminal_allegation",
                    action=action,
                    party=party,
                    reason=reason,
                    reason_code=code,
                    confidence=0.7 if subject is not None else 0.5,
                )
            )
    return _passages(text, out)


_SAME_LINE = re.compile(r"[ \t]*")  # only spaces between: the next sentence of the same paragraph


def _passages(text: str, findings: list[Finding]) -> list[Finding]:
    """Consecutive sentences of one paragraph sent for review about the same party are one passage: one
    decision for the author, as they read it, instead of one per sentence."""
    out: list[Finding] = []
    for f in findings:
        last = out[-1] if out else None
        if (
            last is not None
            and f.action == last.action == "review"
            and (f.party == last.party or "unknown" in (f.party, last.party))
            and last.end <= f.start
            and _SAME_LINE.fullmatch(text[last.end : f.start])
        ):
            confidence = min(last.confidence, f.confidence)
            # "unknown" gives way to whom the passage is known to be about.
            party, reason = (f.party, f.reason) if last.party == "unknown" else (last.party, last.reason)
            out[-1] = replace(
                last, end=f.end, text=text[last.start : f.end], confidence=confidence, party=party, reason=reason
            )
        else:
            out.append(f)
    return out


def _subject(text: str, a: Allegation, people: Sequence[Mention], *, pronoun_fallback: bool = True) -> Mention | None:
    """Whom the allegation is about: the first person named before its trigger who is not merely
    reporting it ("Mrs Kelly said that..."), else the first named after it, else (for a sentence led
    by a pronoun) the last person named shortly before the sentence."""
    in_sentence = [m for m in starting_in(people, a.start, a.end) if m.end <= a.end]
    if in_sentence and in_sentence[0].end <= a.trigger_start:
        first = in_sentence[0]
        said = _REPORTER.match(text, first.end)
        if said and _SELF_REPORT.match(text, said.end()):
            return first  # "Ms Lee told me that she ...": the speaker is talking about herself
    actors = [m for m in in_sentence if not _REPORTER.match(text, m.end)]
    before = [m for m in actors if m.end <= a.trigger_start]
    if before:
        return before[0]
    after = [m for m in actors if m.start >= a.trigger_start]
    if after:
        return after[0]
    if pronoun_fallback and _PRONOUN.search(a.text):
        earlier = [m for m in starting_in(people, a.start - _LOOKBACK, a.start) if m.end <= a.start]
        if earlier:
            return earlier[-1]
    return None


_REPORTER = re.compile(
    r",?\s+(?:also\s+|then\s+|later\s+)?(?:said|says|told|tells|reported|reports|"
    r"confirmed|explained|stated|advised|believes|believed|disclosed|informed|added|described|rang|called|"
    r"contacted|shared|asked|thinks|thought|was told|heard)\b"
)
_SELF_REPORT = re.compile(
    r"(?:\s+(?:me|us|the police|police|staff|the school|her|him))?\s+that\s+(?:he|she|they)\b", re.I
)
_PARENT_REF = re.compile(
    r"\b(?:his|her|their|my|your)\s+(?:dad|father|mum|mother|mummy|daddy|parents?|papa|mama)\b", re.I
)
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them|his|their)\b", re.IGNORECASE)
