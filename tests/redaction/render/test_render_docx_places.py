"""DOCX in: a third party's name hidden in each place a Word file can hold text; none of it may survive."""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
import pypdf
import pytest

from redaction.extract import extract
from redaction.render.blocks import merge_blocks
from redaction.render.office import docx_to_pdf_many
from redaction.render.outputs import RenderedOutput, Verification, docx_outputs, redacted_docx
from tests.redaction.render.conftest import docx_raw_text, pdf_raw_text, redactions_for, render_png, require_tool
from tests.redaction.render.render_fixtures_docx import FAMILY, NAME, ORDINARY, PLACES

# Places the sanitiser must clear even when nothing was marked for redaction.
SANITISED_ALWAYS = (
    "comment",
    "tracked_deletion",
    "hidden",
    "core_properties",
    "app_properties",
    "custom_properties",
    "alt_text",
    "embedded_object",
    "macros",
    "custom_xml",
    "image_exif",
    "image_png_text",
)


@dataclass
class Rendered:
    docx: RenderedOutput
    pdf: RenderedOutput


@pytest.fixture(scope="module")
def rendered() -> dict[str, Rendered]:
    """Every place rendered once; LibreOffice converts them all in one start to keep the tests quick."""
    require_tool("soffice", "libreoffice-writer-nogui")
    prepared = []
    for place, build in PLACES.items():
        data = build()
        document = extract(data, f"{place}.docx")
        blocks = merge_blocks(document.text, redactions_for(document, NAME))
        forbidden = Verification.of(document, blocks, [NAME])
        docx_data, placements = redacted_docx(data, document, blocks, "Northshire Council", forbidden)
        prepared.append((place, docx_data, blocks, placements, forbidden))
    pdfs = docx_to_pdf_many([item[1] for item in prepared])
    out = {}
    for (place, docx_data, blocks, placements, forbidden), pdf in zip(prepared, pdfs, strict=True):
        docx_out, pdf_out = docx_outputs(docx_data, pdf, blocks, placements, forbidden)
        out[place] = Rendered(docx_out, pdf_out)
    return out


@pytest.mark.parametrize("place", list(PLACES))
def test_docx_output_holds_no_trace_of_a_name_hidden_in(place, rendered):
    raw = docx_raw_text(rendered[place].docx.data)
    assert "doyle" not in raw and "patricia" not in raw


@pytest.mark.parametrize("place", list(PLACES))
def test_pdf_made_from_the_docx_holds_no_trace_of_a_name_hidden_in(place, rendered):
    raw = pdf_raw_text(rendered[place].pdf.data)
    assert "doyle" not in raw and "patricia" not in raw


@pytest.mark.parametrize("place", list(PLACES))
def test_family_names_and_ordinary_text_survive_when_a_name_is_hidden_in(place, rendered):
    document = docx.Document(io.BytesIO(rendered[place].docx.data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert FAMILY in text and ORDINARY in text
    pdf_text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(rendered[place].pdf.data)).pages)
    assert FAMILY in pdf_text and ORDINARY in pdf_text


@pytest.mark.parametrize("place", list(PLACES))
def test_outputs_open_and_render_when_a_name_is_hidden_in(place, rendered, tmp_path):
    assert render_png(rendered[place].pdf.data, tmp_path, place)
    assert rendered[place].docx.data.startswith(b"PK")


@pytest.mark.parametrize("place", SANITISED_ALWAYS)
def test_sanitising_clears_a_name_in_with_nothing_marked_for_redaction(place):
    data = PLACES[place]()
    document = extract(data, f"{place}.docx")
    docx_data, _ = redacted_docx(data, document, [], "Northshire Council", Verification.of(document, []))
    assert "doyle" not in docx_raw_text(docx_data)
    assert FAMILY in "\n".join(p.text for p in docx.Document(io.BytesIO(docx_data)).paragraphs)


def test_visible_redactions_leave_a_labelled_block_and_the_schedule_says_where(rendered):
    body = rendered["body"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(body.docx.data)).paragraphs)
    assert "REDACTED:\u00a0third_party_personal_data" in text
    assert "The neighbour, " in text and ", called." in text
    (row,) = body.docx.schedule
    assert (row.location, row.category, row.reason_code, row.decided_by) == (
        "body paragraph 3",
        "person",
        "third_party_personal_data",
        "author",
    )
    (pdf_row,) = body.pdf.schedule
    assert pdf_row.page == 1


def test_properties_carry_the_organisation_name(rendered):
    props = docx.Document(io.BytesIO(rendered["core_properties"].docx.data)).core_properties
    assert props.author == "Northshire Council" and props.title == "" and props.comments == ""


def test_the_hyperlink_text_is_redacted_and_its_target_is_gone(rendered):
    raw = docx_raw_text(rendered["hyperlink"].docx.data)
    assert "mailto" not in raw and "for details." in raw
