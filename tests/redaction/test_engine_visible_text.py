"""What the reader sees is what the engine reads: invisible characters and right-to-left overrides."""

from __future__ import annotations

import pytest

from redaction.extract import extract
from redaction.extract.visible import visible, visible_order
from redaction.verify.matching import find_spans
from tests.redaction.builders import make_docx


@pytest.mark.parametrize(
    "stored",
    [
        "Patri\u200ecia Doyle",
        "Patri\u00adcia Doyle",  # a soft hyphen inside the name
        "Pat\u034fricia Doyle",
        "\u202eelyoD aicirtaP\u202c",
        "\u2066Patricia Doyle\u2069",
    ],
)
def test_a_name_disguised_by_invisible_characters_reads_as_the_name(stored: str) -> None:
    assert "Patricia Doyle" in visible(stored) or "PatriciaDoyle" in visible(stored)


def test_offsets_of_the_visible_text_name_stored_characters() -> None:
    stored = "ab\u202edc\u202cef"
    order = visible_order(stored)
    assert "".join(stored[i] for i in order) == "abcdef"
    assert order == [0, 1, 4, 3, 6, 7]


def test_a_word_document_with_a_disguised_name_is_extracted_and_redacted_as_the_reader_sees_it() -> None:
    from redaction.render import render_outputs
    from tests.redaction.render.conftest import docx_raw_text, redactions_for

    data = make_docx(["The neighbour Patri\u200ecia\u2063Doyle called.", "Also \u202eelyoD aicirtaP\u202c."])
    document = extract(data, "note.docx")
    assert document.text.count("Patricia Doyle") == 2
    (output,) = render_outputs(
        data, "note.docx", document, redactions_for(document, "Patricia Doyle"), organisation="O", formats=("docx",)
    )
    raw = docx_raw_text(output.data)
    assert "doyle" not in raw and "elyod" not in raw


def test_terms_are_found_however_they_are_spelt() -> None:
    text = "Zoë Doyle, ZOE_DOYLE, zoe.doyle@example.org and Zoe\u200b Doyle; doyles"
    found = [text[s:e] for s, e in find_spans(text, "Zoe Doyle")]
    assert found == ["Zoë Doyle", "ZOE_DOYLE", "zoe.doyle", "Zoe\u200b Doyle"]
    other = "Fosters and foster"
    assert [other[s:e] for s, e in find_spans(other, "Foster", inside_words=False)] == ["foster"]
    assert len(find_spans(other, "Foster")) == 2
