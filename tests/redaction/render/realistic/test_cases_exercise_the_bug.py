"""Preconditions: the realistic documents really contain what makes verification go wrong today, so the
render tests cannot pass just because a document stopped exercising it (a font change moving a line break)."""

from __future__ import annotations

import io
import itertools
import re
import zipfile

import pytest
from lxml import etree

from tests.redaction.render.realistic import builders

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("case_id", sorted(builders.SOURCE_WRAPS))
def test_redacted_names_are_broken_over_lines_in_the_source(case_id: str) -> None:
    case = builders.case(case_id)
    text = case.document.text
    for wrapped in builders.SOURCE_WRAPS[case_id]:
        first, rest = wrapped.split("\n", 1)
        pattern = re.escape(first) + r"[ \t]*\n[ \t]*" + re.escape(rest)
        assert re.search(pattern, text), f"{wrapped!r} is no longer broken over two lines in {case_id}"
        assert any(re.search(pattern, text[r.start : r.end]) for r in case.redactions), (
            f"the wrapped {wrapped!r} is not inside one redaction"
        )


@pytest.mark.parametrize("case_id", sorted(builders.RUN_SPLITS))
def test_redacted_names_are_split_over_runs_in_the_docx(case_id: str) -> None:
    with zipfile.ZipFile(io.BytesIO(builders.case(case_id).data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    pairs = set()
    for paragraph in root.iter(f"{W}p"):
        texts = ["".join(t.text or "" for t in run.iter(f"{W}t")) for run in paragraph.iter(f"{W}r")]
        texts = [t for t in texts if t]
        pairs |= {(a, b) for a, b in itertools.pairwise(texts)}
    for first, rest in builders.RUN_SPLITS[case_id]:
        assert any(a.endswith(first) and b.startswith(rest) for a, b in pairs), (
            f"{first + rest!r} is not split over two runs in {case_id}"
        )


@pytest.mark.parametrize("case_id", builders.CASE_IDS)
def test_kept_look_alikes_and_redacted_names_are_both_in_the_source(case_id: str) -> None:
    case = builders.case(case_id)
    text = builders.normalise(case.document.text)
    kind = case_id.split(".")[0]
    for look_alike in builders.LOOK_ALIKES[kind]:
        assert look_alike in text, f"{look_alike!r} is not in {case_id}"
    redacted = {builders.normalise(case.document.text[r.start : r.end]) for r in case.redactions}
    for look_alike in builders.LOOK_ALIKES[kind]:
        # a word of some redaction also occurs, kept, in this look-alike
        words = {w.lower().strip(",.") for s in redacted for w in s.split()}
        assert words & {w.lower() for w in look_alike.split()}, f"{look_alike!r} shares no word with a redaction"


@pytest.mark.parametrize("case_id", ["minutes.docx", "minutes.pdf"])
def test_only_the_name_after_the_referrer_label_is_redacted(case_id: str) -> None:
    case = builders.case(case_id)
    text = case.document.text
    [reed] = [r for r in case.redactions if text[r.start : r.end] == "Tom Reed"]
    assert text[reed.start - len("REFERRER: ") : reed.start] == "REFERRER: "
    assert text.count("REFERRER") >= 2, "the label should also occur, kept, elsewhere"
