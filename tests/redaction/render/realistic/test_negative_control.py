"""Negative controls: a real surviving occurrence of a redacted name is still refused.

An occurrence the author left unmarked counts as kept text, so each control also names the string in
`terms` (strings that must not survive anywhere): the surviving occurrence must then be refused."""

from __future__ import annotations

import pytest

from redaction.render import RedactionNotVerified, render_outputs
from tests.redaction.render.realistic import builders

# (case, the redacted string to leave out once and pass as a term, which of its redactions to leave out)
CONTROLS = [
    ("letter.docx", "Dean Foster", -1),  # "such as Mrs Small or Dean Foster," near the end of the letter
    ("letter.pdf", "Dean Foster", -1),
    ("minutes.docx", "Sunny Price", 0),  # "close friends with Sunny Price, who is in her class"
    ("minutes.pdf", "Sunny Price", 0),
    ("casenote.txt", "dean foster", -1),  # "mum is worried that dean foster knows which school"
]


@pytest.mark.parametrize(("case_id", "term", "which"), CONTROLS, ids=[f"{c}:{t}" for c, t, _ in CONTROLS])
def test_one_occurrence_left_unredacted_is_refused(case_id: str, term: str, which: int) -> None:
    case = builders.case(case_id)
    text = case.document.text
    occurrences = [r for r in case.redactions if builders.normalise(text[r.start : r.end]) == term]
    assert len(occurrences) >= 2
    left_out = occurrences[which]
    redactions = [r for r in case.redactions if r != left_out]
    with pytest.raises(RedactionNotVerified) as refused:
        render_outputs(case.data, case.id, case.document, redactions, organisation=builders.COUNCIL, terms=[term])
    assert "cannot be approved or released" in str(refused.value)
