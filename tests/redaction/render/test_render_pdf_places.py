"""PDF in: a third party's name hidden in each place a PDF can hold it; none of it may survive."""

from __future__ import annotations

import io

import pymupdf
import pypdf
import pytest

from redaction.extract import extract
from redaction.render import render_outputs
from redaction.render.blocks import merge_blocks
from redaction.render.locate import split_by_segment
from redaction.render.pdf_redact import redact_pdf
from tests.redaction.render.conftest import pdf_raw_text, redactions_for, render_png
from tests.redaction.render.render_fixtures_docx import FAMILY, NAME, ORDINARY
from tests.redaction.render.render_fixtures_pdf import INVISIBLE, PDF_PLACES, STRUCTURAL


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    out = {}
    for place, build in PDF_PLACES.items():
        data = build()
        document = extract(data, f"{place}.pdf")
        (output,) = render_outputs(
            data,
            f"{place}.pdf",
            document,
            redactions_for(document, NAME),
            organisation="Northshire Council",
            terms=[NAME],
        )
        assert output.format == "pdf"
        out[place] = output.data
    return out


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("place", list(PDF_PLACES))
def test_pdf_output_holds_no_trace_of_a_name_hidden_in(place, rendered):
    raw = pdf_raw_text(rendered[place])
    assert "doyle" not in raw and "patricia" not in raw


@pytest.mark.parametrize("place", list(PDF_PLACES))
def test_family_names_and_ordinary_text_survive_when_a_name_is_hidden_in(place, rendered):
    text = _text(rendered[place])
    assert f"Report about {FAMILY} and her children." in text and ORDINARY in text


@pytest.mark.parametrize("place", list(PDF_PLACES))
def test_pdf_output_opens_and_renders_when_a_name_is_hidden_in(place, rendered, tmp_path):
    assert len(pypdf.PdfReader(io.BytesIO(rendered[place])).pages) == 1
    assert render_png(rendered[place], tmp_path, place)


@pytest.mark.parametrize("place", STRUCTURAL + INVISIBLE)
def test_sanitising_clears_a_name_in_with_nothing_marked_for_redaction(place):
    data = PDF_PLACES[place]()
    document = extract(data, f"{place}.pdf")
    output, _ = redact_pdf(data, document.text, [], [])
    assert "doyle" not in pdf_raw_text(output)
    assert FAMILY in _text(output)


def test_redacted_text_stays_selectable_around_the_box(rendered):
    text = _text(rendered["body"])
    assert "The neighbour," in text and "called." in text
    assert "third_party_personal_data" in text  # the reason code labels the box


def test_image_pixels_under_the_box_are_overwritten(rendered):
    doc = pymupdf.open(stream=rendered["over_image"], filetype="pdf")
    (image,) = doc[0].get_images(full=True)
    pixmap = pymupdf.Pixmap(doc, image[0])
    reds = sum(
        1
        for x in range(0, pixmap.width, 4)
        for y in range(0, pixmap.height, 4)
        if pixmap.pixel(x, y)[:3] == (220, 30, 30)
    )
    total = len(range(0, pixmap.width, 4)) * len(range(0, pixmap.height, 4))
    assert 0 < reds < total, "the pixels under the name must have been painted over, the rest kept"


def test_only_the_chosen_occurrence_is_boxed():
    from tests.redaction.builders import make_pdf

    data = make_pdf([["Ann met Ann Smith.", "Nothing about Ann here."]])
    document = extract(data, "x.pdf")
    second = document.text.index("Ann Smith")
    from redaction.types import Redaction

    blocks = merge_blocks(document.text, [Redaction(second, second + 9, "third_party_personal_data", "person")])
    output, placements = redact_pdf(data, document.text, split_by_segment(document, blocks), blocks)
    text = _text(output)
    assert "Ann met" in text and "Nothing about Ann here." in text and "Smith" not in text
    assert [p.page for p in placements] == [1]
