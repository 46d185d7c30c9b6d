"""Turn mentions, identifiers and allegation sentences into Findings with actions and reasons."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.detect import identifiers as ids
from redaction.detect.address_owner import address_key, find_owner
from redaction.detect.allegation_findings import allegation_findings
from redaction.detect.allegations import Allegation, find_allegations
from redaction.detect.candidates import candidate_mentions, text_mentions
from redaction.detect.name_words import name_word_guesses
from redaction.detect.owners import email_owner, nearest_owner, phone_fallback, who
from redaction.detect.persons import GUESS_SOURCES, Mention, extend, merge, propagate, resolve
from redaction.detect.precedence import enforce_precedence, resolve_overlaps, subtract
from redaction.detect.truecase import Vocabulary
from redaction.types import REASON_NONE, REASON_THIRD_PARTY, CaseContext, Finding

_KEEP = ("family", "professional")
_ADDRESS_LIKE = ("address", "postcode")


def action_for(party: str) -> str:
    return "keep" if party in _KEEP else "redact"


@dataclass(frozen=True)
class TextEvidence:
    """What the rules read from the words alone, before the model's entities are known: worked out while
    the model runs (detect_many), so a long document waits for the slower of the two, not for both."""

    identifiers: list[ids.Identifier]
    allegations: list[Allegation]
    guesses: list[Mention]
    mentions: list[Mention]


def read_text(text: str, context: CaseContext, english: Vocabulary | None) -> TextEvidence:
    return TextEvidence(
        ids.find_all(text),
        find_allegations(text),
        name_word_guesses(text, english),
        text_mentions(text, context, english),
    )


def build_findings(
    text: str,
    ents: list[tuple[int, int, str]],
    context: CaseContext,
    propn: frozenset[int] = frozenset(),
    english: Vocabulary | None = None,
    evidence: TextEvidence | None = None,
) -> list[Finding]:
    """`ents` are spaCy entities (start, end, label); `propn` the offsets of tokens tagged PROPN;
    `english` the model's English vocabulary (names in lower case are told from words by it);
    `evidence` what read_text found, when it ran already."""
    evidence = evidence or read_text(text, context, english)
    candidates = candidate_mentions(text, ents, context, propn, english, evidence.guesses, evidence.mentions)
    mentions = extend(text, merge(candidates), propn)
    mentions = resolve(text, mentions, context)
    mentions = propagate(text, mentions, context)
    found = list(evidence.identifiers)
    mentions = _drop_place_names(text, mentions, found)
    _home_address_demotes(text, mentions, found)
    findings = [_person_finding(text, m) for m in mentions]
    findings.extend(_identifier_findings(text, found, mentions, context))
    findings = resolve_overlaps(text, findings)
    keep_spans = [(f.start, f.end) for f in findings if f.action == "keep" and f.category == "person"]
    findings.extend(allegation_findings(text, evidence.allegations, mentions, keep_spans))
    # The one place the safety invariant is enforced: nothing kept may hide what is redacted.
    findings = enforce_precedence(text, findings)
    findings.sort(key=lambda f: (f.start, -f.end))
    return findings


def _person_finding(text: str, m: Mention) -> Finding:
    action = action_for(m.party)
    if action == "redact" and (m.source == "initials" or m.source in GUESS_SOURCES or m.doubt):
        # Initials, or a word that only looks like a name, that fit no one the case knows: probably
        # someone else, but a person should look. So should they where resolution itself is a judgement.
        action = "review"
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


def _split_at_names(text: str, found: list[ids.Identifier], people: Sequence[Mention]) -> list[ids.Identifier]:
    """An address never swallows a person's name ("16 Elm Road, Gary Pell"): cut the names out of it."""
    out: list[ids.Identifier] = []
    for ident in found:
        if ident.category not in _ADDRESS_LIKE:
            out.append(ident)
            continue
        inside = [(m.start, m.end) for m in people if m.start < ident.end and ident.start < m.end]
        pieces = subtract(text, ident.start, ident.end, inside) if inside else [(ident.start, ident.end)]
        out.extend(ids.Identifier(s, e, ident.category, ident.confidence) for s, e in pieces)
    return out


# Sources that only guess from the shape of a word: inside an address such a "name" is usually a place.
_WEAK_SOURCES = ("ner", "ner_org", "caps", "listed_name", *GUESS_SOURCES)
_CONTINUES = re.compile(rf"[ \t]*(?:,[ \t]*\n?|\n)[ \t]*\S|[ \t]*{ids.POSTCODE}")


def _drop_place_names(text: str, mentions: list[Mention], found: Sequence[ids.Identifier]) -> list[Mention]:
    """Discard "names" that are parts of an address: the street itself, or a town the address goes on past.

    A name at the end of an address ("16 Elm Road, Gary Pell (DOB ...") stays a person: the address
    is cut around it later. Only a weakly sourced word with more address after it is taken for a town.
    """
    hosts = sorted((a for a in found if a.category == "address"), key=lambda a: a.start)
    starts = [a.start for a in hosts]
    keep: list[Mention] = []
    for m in mentions:
        # Addresses do not overlap one another, so only the last one starting at or before m can hold it.
        at = bisect.bisect_right(starts, m.start) - 1
        host = hosts[at] if at >= 0 and m.end <= hosts[at].end else None
        if host is not None:
            if m.start < host.head_end:
                continue
            if m.source in _WEAK_SOURCES and _CONTINUES.match(text, m.end) and m.end < host.end:
                continue
        keep.append(m)
    return keep


_CONTEXT_ONLY = ("title", "ner", "ner_org", "caps", "who")
_ADDRESS_GAP = re.compile(r"\s*(?:,|\bof\b|\bat\b|\bfrom\b)\s*")


def _home_address_demotes(text: str, mentions: Sequence[Mention], found: Sequence[ids.Identifier]) -> None:
    """A "professional" known only from the words around them who is given with a street address
    ("From the housing officer: Kieran Tait of 18 Birch Road") is being written about, not writing:
    staff are not described by their home address. Register and titled professionals are left alone."""
    starts = {a.start for a in found if a.category == "address"}
    for m in mentions:
        if m.party != "professional" or m.source not in _CONTEXT_ONLY or m.why.startswith("Professional: named with"):
            continue
        gap = _ADDRESS_GAP.match(text, m.end)
        if gap is not None and gap.end() in starts:
            m.party, m.why = "third_party", "Given with a home address, so not here as a professional: a third party."


def _identifier_findings(
    text: str, found: Sequence[ids.Identifier], mentions: Sequence[Mention], context: CaseContext
) -> list[Finding]:
    people = sorted((m for m in mentions if m.party), key=lambda m: m.start)  # owners look them up by start
    family_keys = frozenset(k for k in (address_key(a) for a in context.addresses) if k)
    organisation_keys = frozenset(k for c in context.organisation for k in _contact_keys(c))
    results: list[tuple[ids.Identifier, str, str, bool]] = []
    for ident in _split_at_names(text, list(found), people):
        firm = True
        if _organisations(text[ident.start : ident.end], ident.category, organisation_keys):
            # The letterhead or switchboard: the organisation's, never a person's.
            party, why = "professional", "The organisation's own contact details."
        elif ident.category == "email":
            party, why = email_owner(text, ident, people)
        elif ident.category in _ADDRESS_LIKE:
            owner = find_owner(text, ident, people, family_keys)
            party, why, firm = owner.party, owner.why, owner.firm
        else:
            near = nearest_owner(text, ident, people)
            if near is not None:
                party, why = near.party, f"Belongs to {who(near.party)} named nearby."
            elif ident.category == "phone":
                party, why = phone_fallback(text, ident)
            else:
                party, why = "unknown", "Could not tell whose this is."
        results.append((ident, party, why, firm))
    _align_addresses(text, results)
    out: list[Finding] = []
    for ident, party, why, firm in results:
        label = ident.category.replace("_", " ")
        action = action_for(party)
        if action == "keep" and not firm:
            # An address kept on proximity alone could be a neighbour's: a person must look at it.
            action, why = "review", f"{why} Check it is not someone else's."
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
                confidence=ident.confidence if firm else min(ident.confidence, 0.6),
            )
        )
    return out


_STREET = re.compile(r"\b\d+\w?\s+[a-z'\u2019 ]+?(?=,|\n|$)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def _organisations(value: str, category: str, organisation_keys: frozenset[str]) -> bool:
    """Is this the organisation's own address or phone? A full address must match on its street and
    number (a neighbour may share the office's postcode); a bare postcode on the postcode."""
    if not organisation_keys:
        return False
    keys = _contact_keys(value)
    if category != "postcode":
        keys = {k for k in keys if not k.startswith("postcode ")}
    return not organisation_keys.isdisjoint(keys)


def _contact_keys(value: str) -> set[str]:
    """How one contact is recognised however it is written: each house number and street, postcode,
    and a phone number's digits."""
    keys = {" ".join(m.group(0).split()) for m in _STREET.finditer(value.lower())}
    keys |= {"postcode " + m.group(0).replace(" ", "") for m in _POSTCODE.finditer(value.upper())}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 9 and not re.search(r"[A-Za-z]{3}", value):
        keys.add("tel " + digits.removeprefix("44").removeprefix("0"))
    return keys


def _align_addresses(text: str, results: list[tuple[ids.Identifier, str, str, bool]]) -> None:
    """An address written twice belongs to the same household each time; firm evidence wins.

    A firm outsider attribution is never overturned: the same house number and street can be
    written about two households only by mistake, and redaction is the safe side of that mistake.
    """
    owners: dict[str, tuple[str, str, bool]] = {}
    for ident, party, why, firm in results:
        if ident.category == "address" and party != "unknown":
            key = address_key(text[ident.start : ident.end])
            if key and (key not in owners or (firm and not owners[key][2])):
                owners[key] = (party, why, firm)
    for i, (ident, party, _why, firm) in enumerate(results):
        if ident.category != "address":
            continue
        key = address_key(text[ident.start : ident.end])
        if key not in owners or (firm and party not in _KEEP):
            continue
        known = owners[key]
        if party == "unknown" or (known[2] and not firm) or (known[2] and known[0] not in _KEEP):
            results[i] = (ident, known[0], f"Same address as written elsewhere: {known[1]}", known[2])
