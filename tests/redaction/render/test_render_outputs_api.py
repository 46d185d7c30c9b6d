"""render_outputs / verify_output / schedule_csv and the redact command, across the three input types."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pypdf
import pytest
from django.core.management import call_command
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from redaction.errors import EngineError, UnreadableFile
from redaction.extract import extract
from redaction.render import (
    SCHEDULE_COLUMNS,
    RedactionNotVerified,
    ScheduleRow,
    render_outputs,
    schedule_csv,
    verify_output,
)
from redaction.types import REASON_CRIMINAL_OFFENCE, Redaction
from tests.redaction.builders import make_docx
from tests.redaction.render.conftest import redactions_for

TEXT = "Visit to Chioma Okafor.\nThe neighbour Patricia Doyle called.\nGary Pell was arrested.\n"


def test_txt_input_gives_a_verified_pdf_and_txt_with_a_line_schedule():
    data = TEXT.encode()
    document = extract(data, "note.txt")
    allegation = Redaction(
        TEXT.index("Gary"), TEXT.index("arrested.") + 9, REASON_CRIMINAL_OFFENCE, "criminal_allegation", "ann"
    )
    redactions = [*redactions_for(document, "Patricia Doyle"), allegation]
    pdf, txt = render_outputs(data, "note.txt", document, redactions, organisation="Org")
    assert (pdf.format, txt.format, pdf.content_type) == ("pdf", "txt", "application/pdf")
    assert pdf.file_name("note.txt") == "note-redacted.pdf"
    assert "Doyle" not in txt.data.decode() and "Chioma Okafor" in txt.data.decode()
    pdf_text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Doyle" not in pdf_text and "Pell" not in pdf_text and "Chioma Okafor" in pdf_text
    assert [(r.location, r.reason_code, r.decided_by) for r in txt.schedule] == [
        ("line 2", "third_party_personal_data", "author"),
        ("line 3", "criminal_offence_data", "ann"),
    ]


def test_schedule_csv_has_the_columns_and_neutralises_formulas():
    rows = [ScheduleRow(1, "pdf", "page 2", 2, "person", "third_party_personal_data", "=HYPERLINK(x)")]
    lines = schedule_csv(rows).splitlines()
    assert lines[0].split(",") == list(SCHEDULE_COLUMNS)
    assert lines[1] == "1,pdf,page 2,2,person,third_party_personal_data,'=HYPERLINK(x)"


def test_an_occurrence_left_unmarked_is_kept_text_but_a_term_must_go_everywhere():
    data = make_docx(["Patricia Doyle called.", "Later patricia doyle called again."])
    document = extract(data, "x.docx")
    first = document.text.index("Patricia Doyle")
    marked = [Redaction(first, first + 14, "third_party_personal_data")]
    # The second occurrence is text the author kept: the output carries it once, as the kept text does.
    (output,) = render_outputs(data, "x.docx", document, marked, organisation="O", formats=("docx",))
    assert "REDACTED" in docx.Document(io.BytesIO(output.data)).paragraphs[0].text
    # A term (redact --term) must not survive anywhere, however often the kept text has it.
    with pytest.raises(RedactionNotVerified) as refused:
        render_outputs(
            data, "x.docx", document, marked, organisation="O", terms=["Patricia Doyle"], formats=("docx",)
        )
    assert isinstance(refused.value, EngineError)
    assert "cannot be approved or released" in str(refused.value) and "DOCX" in str(refused.value)


def test_verify_refuses_a_name_split_across_runs_in_a_docx():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Patr")
    paragraph.add_run("icia Do").bold = True
    paragraph.add_run("yle")
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(RedactionNotVerified):
        verify_output(buffer.getvalue(), "docx", ["Patricia Doyle"])


def test_verify_refuses_text_left_under_a_drawn_box_in_a_pdf():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 700, "Covered but not removed: Patricia Doyle")
    pdf.rect(60, 690, 300, 30, stroke=0, fill=1)
    pdf.save()
    with pytest.raises(RedactionNotVerified, match="under a redaction box"):
        verify_output(buffer.getvalue(), "pdf", [])


def test_verify_finds_names_drawn_glyph_by_glyph_with_gaps():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for i, ch in enumerate("Patricia Doyle"):
        pdf.drawString(72 + i * 14, 700, ch)
    pdf.save()
    with pytest.raises(RedactionNotVerified):
        verify_output(buffer.getvalue(), "pdf", ["Patricia Doyle"])


def test_boxes_for_names_of_different_length_are_the_same_in_the_docx():
    data = make_docx(["Al met Bartholomew Fotheringham-Smythe today."])
    document = extract(data, "x.docx")
    redactions = redactions_for(document, "Al") + redactions_for(document, "Bartholomew Fotheringham-Smythe")
    (out,) = render_outputs(data, "x.docx", document, redactions, organisation="O", formats=("docx",))
    runs = [r.text for r in docx.Document(io.BytesIO(out.data)).paragraphs[0].runs]
    blocks = [r for r in runs if "REDACTED" in r]
    assert len(blocks) == 2 and blocks[0] == blocks[1]


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<a/>" + b" " * (50 * 1024 * 1024))
    document = extract(make_docx(["x"]), "x.docx")
    with pytest.raises(UnreadableFile):
        render_outputs(buffer.getvalue(), "x.docx", document, [], organisation="O", formats=("docx",))


def test_xml_with_a_document_type_declaration_is_refused():
    source = make_docx(["Plain."])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(buffer, "w") as archive:
        for name in original.namelist():
            content = original.read(name)
            if name == "word/settings.xml":
                content = content.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e "boom">]>', 1)
            archive.writestr(name, content)
    with pytest.raises(UnreadableFile, match="unsafe XML"):
        render_outputs(buffer.getvalue(), "x.docx", extract(source, "x.docx"), [], organisation="O", formats=("docx",))


@pytest.fixture
def register(tmp_path, register_data):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(register_data), encoding="utf-8")
    return path


def test_redact_command_writes_a_verified_docx_and_schedule(tmp_path, register, capsys):
    source = tmp_path / "letter.docx"
    source.write_bytes(
        make_docx(["Visit by Rhiannon Pryce.", "The neighbour said Ms Quill was upset."], header="Ms Quill")
    )
    out, schedule = tmp_path / "out.docx", tmp_path / "schedule.csv"
    call_command(
        "redact", str(source), "--out", str(out), "--register", str(register), "--case", "T-2001",
        "--term", "Quill", "--json", "--schedule", str(schedule),
    )  # fmt: skip
    summary = json.loads(capsys.readouterr().out)
    assert summary["format"] == "docx" and summary["redactions"] >= 2
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Quill" not in text and "Rhiannon Pryce" in text
    assert schedule.read_text(encoding="utf-8").startswith("number,output,location")


def test_redact_command_turns_a_docx_into_a_pdf(tmp_path, register):
    source = tmp_path / "letter.docx"
    source.write_bytes(make_docx(["Visit by Rhiannon Pryce.", "Ms Quill was upset."]))
    out = tmp_path / "out.pdf"
    call_command(
        "redact", str(source), "--out", str(out), "--register", str(register), "--case", "T-2001", "--term", "Quill"
    )
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "Quill" not in text and "Rhiannon Pryce" in text


def test_redact_command_refuses_an_output_type_the_input_cannot_have(tmp_path):
    from django.core.management.base import CommandError

    source = tmp_path / "note.txt"
    source.write_text("Plain text.", encoding="utf-8")
    with pytest.raises(CommandError, match="can be written as"):
        call_command("redact", str(source), "--out", str(tmp_path / "out.docx"))


def test_a_name_that_runs_over_a_page_break_is_removed_from_both_pages():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 60, "The neighbour who called was Patricia")
    pdf.showPage()
    pdf.drawString(72, 780, "Doyle, who lives across the road.")
    pdf.save()
    data = buffer.getvalue()
    document = extract(data, "x.pdf")
    start = document.text.index("Patricia")
    end = document.text.index("Doyle") + len("Doyle")
    (output,) = render_outputs(
        data, "x.pdf", document, [Redaction(start, end, "third_party_personal_data", "person")], organisation="O"
    )
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(output.data)).pages]
    assert "Patricia" not in pages[0] and "Doyle" not in pages[1]
    assert "neighbour who called" in pages[0] and "across the road" in pages[1]
