"""Hostile DOCX inputs: the third party's name hidden in one tricky place must survive in no output.

Expected outcome for every case: render_outputs returns, the deep scan of every output finds no trace of the
name, the family's name is still in the visible text, and each output opens. RedactionNotVerified is a failure
(a clean document could then never be released). The one allowance: class 7 (altChunk) may instead be refused
with UnreadableFile/UnsupportedFile saying the document embeds content from another format.
"""

from __future__ import annotations

import pytest

from tests.redaction.render.hostile.common import HostileCase, Runs, hides_where_claimed, problems
from tests.redaction.render.hostile.docx_fixtures import DOCX_CASES
from tests.redaction.render.hostile.scanner import describe

CASES = [pytest.param(case, id=case.id) for case in DOCX_CASES]


@pytest.fixture(scope="module")
def runs() -> Runs:
    return Runs()


@pytest.mark.parametrize("case", CASES)
def test_fixture_hides_the_name_where_claimed(case: HostileCase, runs: Runs) -> None:
    found, hits = hides_where_claimed(case, runs.input(case))
    assert found, f"{case.id}: expected the name at {case.where!r} ({case.input_hint!r}); found:\n{describe(hits)}"


@pytest.mark.parametrize("case", CASES)
def test_output_is_clean(case: HostileCase, runs: Runs) -> None:
    found = problems(case, runs.outcome(case))
    assert not found, f"{case.id} (name hidden at: {case.where})\n" + "\n".join(found)
