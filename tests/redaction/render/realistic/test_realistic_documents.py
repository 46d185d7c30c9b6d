"""Realistic letters, minutes and case notes: redacted third parties whose names (or parts of them) also
occur as ordinary words must be verified, not refused, and the layout must survive.

Each (document, output) pair is its own test id, e.g. ``letter.docx->pdf``.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from redaction.render import RedactionNotVerified, render_outputs
from tests.redaction.render.realistic import builders

ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts" / "realistic"

OUTPUTS = [(case_id, fmt) for case_id, formats in builders.CASE_FORMATS.items() for fmt in formats]
OUTPUT_IDS = [f"{case_id}->{fmt}" for case_id, fmt in OUTPUTS]
PDF_OUTPUTS = [(c, f) for c, f in OUTPUTS if f == "pdf"]
PDF_FROM_DOCX_LAYOUT = [(c, f) for c, f in PDF_OUTPUTS if c in builders.FROM_DOCX]
DOCX_CASES = [c for c, f in OUTPUTS if f == "docx"]


class Renders:
    """render_outputs once per document; a refusal is kept and re-raised to every test that needs it."""

    def __init__(self) -> None:
        self._done: dict[str, object] = {}

    def outputs(self, case_id: str) -> dict[str, bytes]:
        if case_id not in self._done:
            case = builders.case(case_id)
            try:
                outputs = render_outputs(
                    case.data, case.id, case.document, list(case.redactions), organisation=builders.COUNCIL
                )
                self._done[case_id] = [(o.format, o.data) for o in outputs]
            except RedactionNotVerified as refused:
                self._done[case_id] = refused
        done = self._done[case_id]
        if isinstance(done, RedactionNotVerified):
            pytest.fail(f"{case_id}: render_outputs refused a correctly-redacted document: {done}", pytrace=False)
        assert isinstance(done, list)
        return dict(done)

    def output(self, case_id: str, fmt: str) -> bytes:
        return self.outputs(case_id)[fmt]


@pytest.fixture(scope="module")
def renders() -> Renders:
    return Renders()


@pytest.mark.parametrize(("case_id", "fmt"), OUTPUTS, ids=OUTPUT_IDS)
def test_render_is_verified(renders: Renders, case_id: str, fmt: str) -> None:
    case = builders.case(case_id)
    outputs = renders.outputs(case_id)
    assert tuple(outputs) == case.formats
    assert outputs[fmt], f"{fmt} output is empty"


@pytest.mark.parametrize(("case_id", "fmt"), OUTPUTS, ids=OUTPUT_IDS)
def test_redacted_strings_are_gone(renders: Renders, case_id: str, fmt: str) -> None:
    case = builders.case(case_id)
    text = builders.normalise(builders.output_text(fmt, renders.output(case_id, fmt))).lower()
    survivors = [s for s in case.gone if builders.normalise(s).lower() in text]
    assert not survivors, f"redacted text still in the {fmt} output: {survivors}"


@pytest.mark.parametrize(("case_id", "fmt"), OUTPUTS, ids=OUTPUT_IDS)
def test_kept_words_survive(renders: Renders, case_id: str, fmt: str) -> None:
    case = builders.case(case_id)
    text = builders.normalise(builders.output_text(fmt, renders.output(case_id, fmt)))
    if fmt == "txt":
        text = text.lower()
    missing = [s for s in case.kept if s not in text]
    assert not missing, f"kept text missing from the {fmt} output: {missing}"


@pytest.mark.parametrize(("case_id", "fmt"), PDF_FROM_DOCX_LAYOUT, ids=[f"{c}->{f}" for c, f in PDF_FROM_DOCX_LAYOUT])
def test_pdf_has_the_pages_of_the_original(renders: Renders, case_id: str, fmt: str) -> None:
    case = builders.case(case_id)
    assert case.source_docx is not None
    original = builders.pdf_page_count(builders.docx_to_pdf(case.source_docx, case_id.split(".")[0]))
    assert original >= 2 or case_id.startswith("minutes"), "the letter should run to two or more pages"
    redacted = builders.pdf_page_count(renders.output(case_id, fmt))
    assert abs(redacted - original) <= 1, f"{redacted} pages after redaction, {original} in the original"


@pytest.mark.parametrize(("case_id", "fmt"), PDF_FROM_DOCX_LAYOUT, ids=[f"{c}->{f}" for c, f in PDF_FROM_DOCX_LAYOUT])
def test_pdf_pages_keep_the_letterhead_and_footer(renders: Renders, case_id: str, fmt: str) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(renders.output(case_id, fmt))
    try:
        pages = [builders.normalise(page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()
    for number, text in enumerate(pages, start=1):
        assert builders.COUNCIL in text, f"page {number} lost the council name in its header"
        assert f"Page {number} of {len(pages)}" in text, f"page {number} lost its 'Page X of Y' footer"


@pytest.mark.parametrize(("case_id", "fmt"), PDF_OUTPUTS, ids=[f"{c}->{f}" for c, f in PDF_OUTPUTS])
def test_no_kept_character_is_covered_by_a_box(renders: Renders, case_id: str, fmt: str) -> None:
    covered = builders.covered_characters(renders.output(case_id, fmt))
    assert not covered, f"a redaction box paints over kept text: {covered}"


@pytest.mark.parametrize("case_id", DOCX_CASES)
def test_docx_keeps_tables_header_and_footer(renders: Renders, case_id: str) -> None:
    case = builders.case(case_id)
    original = docx.Document(io.BytesIO(case.data))
    redacted_data = renders.output(case_id, "docx")
    redacted = docx.Document(io.BytesIO(redacted_data))
    assert len(redacted.tables) == len(original.tables)
    for before, after in zip(original.tables, redacted.tables, strict=True):
        assert (len(after.rows), len(after.columns)) == (len(before.rows), len(before.columns))
        assert after.rows[0].cells[0].text == before.rows[0].cells[0].text  # the header row is kept
    header = "\n".join(p.text for p in redacted.sections[0].header.paragraphs)
    assert builders.COUNCIL in header
    assert "01632 960 400" in header
    footer_text = builders.docx_part_text(redacted_data, r"word/footer\d*\.xml")
    assert "CONFIDENTIAL" in footer_text and "Page" in footer_text
    with zipfile.ZipFile(io.BytesIO(redacted_data)) as archive:
        footer_xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer"))
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml, "the Page X of Y fields are gone"


def test_docx_letter_keeps_its_logo_and_the_words_of_its_link(renders: Renders) -> None:
    # External relationships are never kept (a target can name anyone); the link's words stay.
    redacted_data = renders.output("letter.docx", "docx")
    with zipfile.ZipFile(io.BytesIO(redacted_data)) as archive:
        assert [n for n in archive.namelist() if n.startswith("word/media/")], "the letterhead logo is gone"
        rels = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("word/_rels/") and n.endswith(".rels")
        )
    assert builders.GUIDANCE_URL not in rels and "External" not in rels
    assert builders.GUIDANCE_TEXT in builders.docx_text(redacted_data)


@pytest.mark.parametrize(("case_id", "fmt"), PDF_OUTPUTS, ids=[f"{c}->{f}" for c, f in PDF_OUTPUTS])
def test_first_page_rendered_for_a_person_to_look_at(renders: Renders, case_id: str, fmt: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = f"{case_id.replace('.', '-')}-to-{fmt}"
    source = ARTIFACTS / f"{stem}.pdf"
    source.write_bytes(renders.output(case_id, fmt))
    png = ARTIFACTS / f"{stem}.png"
    png.unlink(missing_ok=True)
    subprocess.run(
        [
            "/usr/bin/pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(ARTIFACTS / stem),
        ],
        check=True,
        timeout=60,
    )
    assert png.exists() and png.stat().st_size > 1000, f"pdftoppm did not render {png}"
