"""Copied-text detection in the engine alone, with an in-memory store of other cases' paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

from redaction.copied import BOILERPLATE_CASES, Candidate, band_hashes, find_copied, fingerprints, paragraphs

NEIGHBOUR_MINUTES = (
    "STRATEGY DISCUSSION\n"
    "Police shared that the older brother was arrested on 2 May for possession with intent to supply and "
    "remains on bail with a curfew at the family home on Wren Close.\n"
    "Short line.\n"
)
LETTER = (
    "Dear Mrs Adeyemi,\n"
    "Thank you for meeting me on Tuesday to talk about the plan for the children over the summer.\n"
    "Police shared that the older brother was arrested on 2 May for possession with intent to supply and "
    "remains on bail with a curfew at the family home on Wren Close.\n"
    "Yours sincerely,\n"
)


class MemoryStore:
    def __init__(self, documents: dict[str, str]) -> None:
        self.index = [(case, print_, text) for case, text in documents.items() for print_ in fingerprints(text)]

    def candidates(self, band_sets: Sequence[tuple[int, ...]]) -> list[list[Candidate]]:
        return [
            [
                Candidate(case, "the minutes", text[p.start : p.end])
                for case, p, text in self.index
                if any(a == b for a, b in zip(bands, p.bands, strict=True))
            ]
            for bands in band_sets
        ]


def test_paragraph_pasted_from_another_case_is_flagged_with_that_case() -> None:
    findings = find_copied(LETTER, MemoryStore({"N-77": NEIGHBOUR_MINUTES}))
    assert len(findings) == 1
    finding = findings[0]
    assert LETTER[finding.start : finding.end].startswith("Police shared that the older brother")
    assert finding.category == "copied_text" and finding.action == "redact" and finding.party == "other_case"
    assert "N-77" in finding.reason


def test_lightly_edited_paste_is_still_found() -> None:
    edited = LETTER.replace("on 2 May", "in early May").replace("remains on bail", "is still on bail")
    assert find_copied(edited, MemoryStore({"N-77": NEIGHBOUR_MINUTES}))


def test_unrelated_paragraphs_are_not_flagged() -> None:
    other = "Police attended the school fete on Saturday and spoke to the children about road safety rules.\n"
    assert find_copied(LETTER, MemoryStore({"N-77": other})) == []


def test_template_wording_shared_by_many_cases_is_not_a_leak() -> None:
    template = (
        "If you do not agree with the decisions made at the conference you can ask for a review by writing "
        "to the conference chair within ten working days.\n"
    )
    store = MemoryStore({f"N-{i}": template for i in range(BOILERPLATE_CASES)})
    assert find_copied("Dear Ms Lee,\n" + template, store) == []


def test_short_lines_are_not_compared() -> None:
    assert [p.text for p in paragraphs(NEIGHBOUR_MINUTES)] == [NEIGHBOUR_MINUTES.splitlines()[1]]


def test_band_hashes_are_stable_and_signed_64_bit() -> None:
    bands = band_hashes(LETTER)
    assert bands == band_hashes(LETTER)
    assert all(-(2**63) <= b < 2**63 for b in bands)


SOURCE_MINUTES = (
    "CORE GROUP MINUTES\n\n"
    "Kaden Ashworth was arrested on Friday after officers found him with a bag of cannabis near the "
    "precinct. He told PC Rowan that an older boy called Jez paid him to carry it to a flat on Millbeck "
    "Street. His mother said money had been found hidden in Kaden's room. The school has noticed him "
    "arriving late and tired most mornings this term.\n"
)


def test_a_passage_edited_and_reordered_inside_another_letter_is_still_found() -> None:
    pasted = (
        "Dear Ms Okonjo,\n\nI wanted to update you after our meeting.\n\n"
        # The same passage with a word changed, two sentences swapped, run on after the author's own words.
        "I am worried about the company Leon keeps. His mother said cash had been found hidden in Kaden's "
        "room. Kaden Ashworth was arrested on Friday after officers found him with a bag of cannabis near the "
        "precinct. He told PC Rowan that an older boy called Jez paid him to carry it to a flat on Millbeck "
        "Street.\n\nYours sincerely,\n"
    )
    findings = find_copied(pasted, MemoryStore({"A-10": SOURCE_MINUTES}))
    assert findings, "the edited passage was not found"
    covered = [pasted[f.start : f.end] for f in findings]
    for sentence in ("cash had been found hidden", "was arrested on Friday", "older boy called Jez"):
        assert any(sentence in c for c in covered), (sentence, covered)
    assert not any("I am worried about the company Leon keeps" in c for c in covered)
    assert all("A-10" in f.reason for f in findings)


def test_the_ordinary_opening_of_a_letter_is_not_a_copy() -> None:
    template = (
        "Thank you for meeting me at home on Tuesday to talk about the plan for the children over the summer "
        "holidays and what support would help.\n"
    )
    other = (
        "Thank you for meeting with me on Monday to talk about the support plan for your children over the "
        "summer and what would help.\n"
    )
    assert find_copied("Dear Mr Hale,\n" + template, MemoryStore({"A-11": other})) == []
