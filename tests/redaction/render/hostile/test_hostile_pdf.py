"""Hostile PDF inputs: the third party's name hidden in one tricky place must survive in no output.

Expected outcome for every case: render_outputs returns, the deep scan of every output finds no trace of the
name, the family's name is still in the visible text, and each output opens. RedactionNotVerified is a failure
(a clean document could then never be released).
The cases in KNOWN_REFUSALS are not yet cleaned by the sanitiser: for them the test holds the line that
matters, that verification refuses the output (nothing leaks), and says why each is left.
"""

from __future__ import annotations

import pytest

from redaction.verify import RedactionNotVerified
from tests.redaction.render.hostile.common import HostileCase, Runs, hides_where_claimed, problems
from tests.redaction.render.hostile.pdf_fixtures import PDF_CASES
from tests.redaction.render.hostile.scanner import describe

CASES = [pytest.param(case, id=case.id) for case in PDF_CASES]
# Text the sanitiser would have to rewrite inside a font program or a drawing procedure; verification
# refuses these outputs instead. Each is rare in a real case document.
KNOWN_REFUSALS = {
    "14-15-tiling-pattern-text": "text drawn as a fill pattern's cell is neither read nor removed",
    "14-41-differences-glyph-name": "a glyph name is needed to draw the glyph; renaming means rewriting the font",
    "14-42-truetype-name-table": "a font program's own name table would need a font library to rewrite",
    "14-55-type3-glyph-draws-text": "a Type3 glyph's procedure drawing text is not read as text",
    "14-56-soft-mask-group-text": "text inside a soft mask shapes transparency and is not read as text",
}


@pytest.fixture(scope="module")
def runs() -> Runs:
    return Runs()


@pytest.mark.parametrize("case", CASES)
def test_fixture_hides_the_name_where_claimed(case: HostileCase, runs: Runs) -> None:
    found, hits = hides_where_claimed(case, runs.input(case))
    assert found, f"{case.id}: expected the name at {case.where!r} ({case.input_hint!r}); found:\n{describe(hits)}"


@pytest.mark.parametrize("case", CASES)
def test_output_is_clean(case: HostileCase, runs: Runs) -> None:
    outcome = runs.outcome(case)
    if case.id in KNOWN_REFUSALS:
        assert isinstance(outcome.error, RedactionNotVerified), f"{case.id}: must be refused, never released"
        return
    found = problems(case, outcome)
    assert not found, f"{case.id} (name hidden at: {case.where})\n" + "\n".join(found)
