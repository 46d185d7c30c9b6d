"""Safety invariants: nothing kept may hide a third party; addresses never swallow names."""

from __future__ import annotations

import random

import pytest

from redaction.detect import detect
from redaction.detect.precedence import enforce_precedence, resolve_overlaps
from redaction.types import CaseContext, Finding, Person

FAMILY_CASE = CaseContext(
    reference="S-3001",
    family=(
        Person("Marisol Quintero", "parent", ("Ms Quintero", "Marisol")),
        Person("Teo Quintero", "child", ("Teo",)),
    ),
    professionals=(Person("Idris Penhaligon", "Social Worker"),),
    addresses=("3 Foxglove Mews, Wakefield WF1 2ZZ",),
)


def _person(findings: list[Finding], name: str) -> Finding:
    hits = [f for f in findings if f.category == "person" and f.text == name]
    assert hits, [(f.text, f.category, f.action) for f in findings]
    return hits[0]


def test_address_never_swallows_the_neighbours_name_after_it():
    text = (
        "Ms Quintero described repeated arguments with the neighbour at 9 Thistle Row, "
        "Desmond Arkwright (date of birth 14/06/1975)."
    )
    findings = detect(text, FAMILY_CASE)
    name = _person(findings, "Desmond Arkwright")
    assert (name.action, name.party) == ("redact", "third_party")
    address = [f for f in findings if f.category == "address"]
    assert address and all("Arkwright" not in f.text for f in address)
    assert all(f.action == "redact" for f in address), address
    assert not [f for f in findings if f.action == "keep" and f.start < name.end and name.start < f.end]


@pytest.mark.parametrize(
    "lead",
    [
        "Ms Quintero said the man who lives at ",
        "Ms Quintero has fallen out with her friend at ",
        "Teo was seen going into the neighbour's house at ",
        "Ms Quintero told me that next door at ",
    ],
)
def test_addresses_introduced_as_someone_elses_are_not_kept_for_the_family(lead):
    findings = detect(lead + "22 Pennyroyal Street, Wakefield WF2 8QQ, there were loud parties.", FAMILY_CASE)
    address = [f for f in findings if f.category == "address"]
    assert address
    assert all(f.action == "redact" and f.party != "family" for f in address), address


def test_family_address_kept_only_on_firm_evidence():
    text = (
        "Mother: Marisol Quintero, 3 Foxglove Mews, Wakefield WF1 2ZZ\n\n"
        "Ms Quintero mentioned 41 Bramble Walk when we spoke about shopping."
    )
    findings = {f.text: f for f in detect(text, FAMILY_CASE) if f.category == "address"}
    assert findings["3 Foxglove Mews, Wakefield WF1 2ZZ"].action == "keep"
    # Only near a family name: someone must check it before it goes to the family.
    assert findings["41 Bramble Walk"].action in ("review", "redact")


def test_registered_family_address_is_kept_wherever_it_appears():
    text = "Police later attended 3 Foxglove Mews after a call from PC Tamsin Rudd."
    findings = [f for f in detect(text, FAMILY_CASE) if f.category == "address"]
    assert [(f.text, f.action, f.party) for f in findings] == [("3 Foxglove Mews", "keep", "family")]


def _finding(start: int, end: int, action: str, category: str) -> Finding:
    return Finding(start, end, "", category, action, "family" if action == "keep" else "third_party")


def test_overlapping_findings_always_resolve_in_favour_of_redaction():
    """Property: over random overlapping findings, no kept character is also redacted or reviewed."""
    rng = random.Random(20261124)
    text = "".join(rng.choice("abcdefghij ,") for _ in range(200))
    categories = ("person", "address", "postcode", "phone", "email", "date_of_birth", "criminal_allegation")
    for _round in range(300):
        findings = []
        for _ in range(rng.randint(1, 8)):
            start = rng.randrange(0, 190)
            findings.append(
                _finding(
                    start,
                    start + rng.randint(1, 40),
                    rng.choice(("keep", "review", "redact")),
                    rng.choice(categories),
                )
            )
        alnum_before = {
            i
            for f in findings
            if f.action == "redact"
            for i in range(f.start, min(f.end, len(text)))
            if text[i].isalnum()
        }
        plain = [f for f in findings if f.category != "criminal_allegation"]
        rest = [f for f in findings if f.category == "criminal_allegation"]
        result = enforce_precedence(text, resolve_overlaps(text, plain) + rest)
        redacted = {i for f in result if f.action == "redact" for i in range(f.start, f.end)}
        blocked = redacted | {
            i
            for f in result
            if f.action == "review" and f.category != "criminal_allegation"
            for i in range(f.start, f.end)
        }
        kept = {i for f in result if f.action == "keep" for i in range(f.start, f.end)}
        assert not kept & blocked
        # Nothing that a redact finding covered is lost: redaction only ever wins.
        assert alnum_before <= redacted


NAMES = ["Kwabena Asante-Boateng", "Siobhan O'Dowd", "Mehmet Yildirim", "Grace Nakamura", "Piotr Zielinski"]
STREETS = ["14 Heron Way", "Flat 2, 7 Osier Court", "61 Quarry Hill"]
TEMPLATES = [
    "Ms Quintero reported conflict with the neighbour at {street}, {name} (DOB 01/02/1980).",
    "{name}, of {street}, Wakefield WF3 1AA, rang Teo's school.",
    "Marisol Quintero\n{street}\nWakefield WF1 2ZZ\n\nDear Ms Quintero, {name} called us.",
    "Teo stayed with {name} at {street} on Friday; {name} was arrested there later.",
]


def test_detected_third_parties_are_never_covered_by_a_keep_in_composed_documents():
    """Property over composed documents: every third party the engine names is fully redacted."""
    rng = random.Random(7)
    for _round in range(12):
        text = "\n".join(
            rng.choice(TEMPLATES).format(name=rng.choice(NAMES), street=rng.choice(STREETS)) for _ in range(3)
        )
        findings = detect(text, FAMILY_CASE)
        kept = [f for f in findings if f.action == "keep"]
        for f in findings:
            if f.action == "redact" or (f.action == "review" and f.category != "criminal_allegation"):
                assert not [k for k in kept if k.start < f.end and f.start < k.end], (text, f)
        for name in NAMES:
            at = text.find(name)
            while at != -1:
                covered = [f for f in findings if f.action == "redact" and f.start <= at and at + len(name) <= f.end]
                pieces = [f for f in findings if f.action == "redact" and at <= f.start < at + len(name)]
                assert covered or pieces, (name, text)
                at = text.find(name, at + 1)
