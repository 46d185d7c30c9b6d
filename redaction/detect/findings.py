"""Turn mentions, identifiers and allegation sentences into Findings with actions and reasons."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.detect import identifiers as ids
from redaction.detect.allegations import Allegation, find_allegations
from redaction.detect.owners import email_owner, nearest_owner, phone_fallback, who
from redaction.detect.persons import Mention, candidate_mentions, extend, merge, propagate, resolve
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


def build_findings(text: str, ents: list[tuple[int, int, str]], context: CaseContext) -> list[Finding]:
    mentions = extend(text, merge(candidate_mentions(text, ents, context)))
    mentions = resolve(text, mentions, context)
    mentions = propagate(text, mentions, context)
    findings = [_person_finding(text, m) for m in mentions]
    findings.extend(_identifier_findings(text, mentions))
    findings = _drop_overlaps(findings)
    findings.extend(_allegation_findings(text, find_allegations(text), mentions))
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


def _allegation_findings(
    text: str, allegations: list[Allegation], mentions: Sequence[Mention]
) -> list[Finding]:
    people = [m for m in mentions if m.party and m.party != "professional"]
    out: list[Finding] = []
    for a in allegations:
        subject = _subject(a, people)
        party = subject.party if subject is not None else "unknown"
        if party in ("third_party", "other_case"):
            action, code = "redact", REASON_CRIMINAL_OFFENCE
            reason = f"Alleges criminal conduct or police action ({a.trigger}) about {who(party)}."
        else:
            action, code = "review", REASON_CRIMINAL_OFFENCE
            reason = (
                f"Alleges criminal conduct or police action ({a.trigger}) about {who(party)}: "
                "check it may be shared."
            )
        out.append(
            Finding(
                start=a.start,
                end=a.end,
                text=text[a.start : a.end],
                category="criminal_allegation",
                action=action,
                party=party,
                reason=reason,
                reason_code=code,
                confidence=0.7 if subject is not None else 0.5,
            )
        )
    return out


def _subject(a: Allegation, people: Sequence[Mention]) -> Mention | None:
    """Whom the allegation is about: the person named nearest before its trigger word."""
    before = [m for m in people if a.start - _LOOKBACK <= m.start and m.end <= a.trigger_start]
    in_sentence = [m for m in before if m.start >= a.start]
    if in_sentence:
        return in_sentence[-1]
    after = [m for m in people if a.trigger_start <= m.start and m.end <= a.end]
    if after:
        return after[0]
    return before[-1] if before else None
