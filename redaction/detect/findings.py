"""Turn mentions, identifiers and allegation sentences into Findings with actions and reasons."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.detect import identifiers as ids
from redaction.detect.allegations import Allegation, find_allegations
from redaction.detect.candidates import candidate_mentions
from redaction.detect.owners import email_owner, nearest_owner, phone_fallback, who
from redaction.detect.persons import Mention, extend, merge, propagate, resolve
from redaction.types import (
    REASON_CRIMINAL_OFFENCE,
    REASON_NONE,
    REASON_THIRD_PARTY,
    CaseContext,
    Finding,
)

_KEEP = ("family", "professional")
# When two non-allegation findings overlap, the more specific one wins.
_PRIORITY = {
    "email": 0,
    "nhs_number": 1,
    "ni_number": 2,
    "phone": 3,
    "date_of_birth": 4,
    "address": 5,
    "person": 6,
    "postcode": 7,
}
_LOOKBACK = 300  # characters searched back for the person a pronoun-led allegation is about


def action_for(party: str) -> str:
    return "keep" if party in _KEEP else "redact"


def build_findings(
    text: str,
    ents: list[tuple[int, int, str]],
    context: CaseContext,
    propn: frozenset[int] = frozenset(),
) -> list[Finding]:
    """`ents` are spaCy entities (start, end, label); `propn` the offsets of tokens tagged PROPN."""
    mentions = extend(text, merge(candidate_mentions(text, ents, context, propn)), propn)
    mentions = resolve(text, mentions, context)
    mentions = propagate(text, mentions, context)
    findings = [_person_finding(text, m) for m in mentions]
    findings.extend(_identifier_findings(text, mentions))
    findings = _drop_overlaps(findings)
    keep_spans = [(f.start, f.end) for f in findings if f.action == "keep" and f.category == "person"]
    findings.extend(_allegation_findings(text, find_allegations(text), mentions, keep_spans))
    findings.sort(key=lambda f: (f.start, -f.end))
    return findings


def _person_finding(text: str, m: Mention) -> Finding:
    action = action_for(m.party)
    if m.party == "other_case":
        reason = m.why or "Member of another case."
        confidence = max(m.confidence, 0.9)
    else:
        reason = m.why
        confidence = m.confidence
    return Finding(
        start=m.start,
        end=m.end,
        text=text[m.start : m.end],
        category="person",
        action=action,
        party=m.party,
        reason=reason,
        reason_code=REASON_NONE if action == "keep" else REASON_THIRD_PARTY,
        confidence=round(confidence, 2),
    )


def _identifier_findings(text: str, mentions: Sequence[Mention]) -> list[Finding]:
    people = [m for m in mentions if m.party]
    found = ids.find_all(text)
    results: list[tuple[ids.Identifier, str, str]] = []
    for ident in found:
        if ident.category == "email":
            party, why = email_owner(text, ident, people)
        else:
            owner = nearest_owner(text, ident, people)
            if owner is not None:
                party, why = owner.party, f"Belongs to {who(owner.party)} named nearby."
            elif ident.category == "phone":
                party, why = phone_fallback(text, ident)
            else:
                party, why = "unknown", "Could not tell whose this is."
        results.append((ident, party, why))
    _align_addresses(text, results)
    out: list[Finding] = []
    for ident, party, why in results:
        label = ident.category.replace("_", " ")
        action = action_for(party)
        out.append(
            Finding(
                start=ident.start,
                end=ident.end,
                text=text[ident.start : ident.end],
                category=ident.category,
                action=action,
                party=party,
                reason=f"{label[:1].upper()}{label[1:]}: {why}",
                reason_code=REASON_NONE if action == "keep" else REASON_THIRD_PARTY,
                confidence=ident.confidence,
            )
        )
    return out


def _address_key(text: str) -> str:
    m = re.match(r"(?:(?:flat|apartment|unit)\s+\d+\w?,?\s*)?(\d+\w?\s+[a-z' ]+?)(?:,|\n|$)", text.lower())
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else ""


def _align_addresses(text: str, results: list[tuple[ids.Identifier, str, str]]) -> None:
    """An address written twice belongs to the same household both times (the family's wins)."""
    owners: dict[str, tuple[str, str]] = {}
    for ident, party, why in results:
        if ident.category == "address" and party != "unknown":
            key = _address_key(text[ident.start : ident.end])
            if key and (key not in owners or party == "family"):
                owners[key] = (party, why)
    for i, (ident, party, _why) in enumerate(results):
        if ident.category != "address":
            continue
        key = _address_key(text[ident.start : ident.end])
        if key in owners and (party == "unknown" or owners[key][0] == "family"):
            results[i] = (ident, *owners[key])


def _drop_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per overlapping cluster of persons/identifiers, by specificity then length."""
    ranked = sorted(findings, key=lambda f: (_PRIORITY.get(f.category, 9), -(f.end - f.start), f.start))
    kept: list[Finding] = []
    for f in ranked:
        if any(k.start < f.end and f.start < k.end for k in kept):
            continue
        kept.append(f)
    return kept


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


def _allegation_findings(
    text: str,
    allegations: list[Allegation],
    mentions: Sequence[Mention],
    keep_spans: Sequence[tuple[int, int]] = (),
) -> list[Finding]:
    people = [m for m in mentions if m.party and m.party != "professional"]
    # "his dad", "her mother": in a family's own records these are the family's parents.
    people += [Mention(m.start(), m.end(), "relation", "family") for m in _PARENT_REF.finditer(text)]
    people.sort(key=lambda m: m.start)
    out: list[Finding] = []
    for a in allegations:
        subject = _subject(text, a, people)
        party = subject.party if subject is not None else "unknown"
        if party in ("third_party", "other_case"):
            action, code = "redact", REASON_CRIMINAL_OFFENCE
            reason = f"Alleges criminal conduct or police action ({a.trigger}) about {who(party)}."
        else:
            action, code = "review", REASON_CRIMINAL_OFFENCE
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
    return out


def _subject(text: str, a: Allegation, people: Sequence[Mention]) -> Mention | None:
    """Whom the allegation is about: the first person named before its trigger who is not merely
    reporting it ("Mrs Kelly said that..."), else the first named after it, else (for a sentence led
    by a pronoun) the last person named shortly before the sentence."""
    in_sentence = [m for m in people if a.start <= m.start and m.end <= a.end]
    actors = [m for m in in_sentence if not _REPORTER.match(text, m.end)]
    before = [m for m in actors if m.end <= a.trigger_start]
    if before:
        return before[0]
    after = [m for m in actors if m.start >= a.trigger_start]
    if after:
        return after[0]
    if _PRONOUN.search(a.text):
        earlier = [m for m in people if a.start - _LOOKBACK <= m.start and m.end <= a.start]
        if earlier:
            return earlier[-1]
    return None


_REPORTER = re.compile(
    r",?\s+(?:also\s+|then\s+|later\s+)?(?:said|says|told|tells|reported|reports|"
    r"confirmed|explained|stated|advised|believes|believed|disclosed|informed|added|described|rang|called|"
    r"contacted|shared|asked|thinks|thought|was told|heard)\b"
)
_PARENT_REF = re.compile(
    r"\b(?:his|her|their|my|your)\s+(?:dad|father|mum|mother|mummy|daddy|parents?|papa|mama)\b", re.I
)
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them|his|their)\b", re.IGNORECASE)
