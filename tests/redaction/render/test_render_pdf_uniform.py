"""PDF in: every person's box is the same width, so the width of the gap cannot give a name away.

Each line has the same words before and after a name, and names of very different lengths: after
redaction the boxes must match and the words after them must start at the same place, drawn with
the original font and still extractable.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pymupdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from redaction.extract import extract
from redaction.render import render_outputs
from redaction.render.pdf_reflow import MIN_SQUEEZE, PERSON_BOX_EMS
from redaction.types import REASON_THIRD_PARTY, Redaction
from tests.redaction.render.conftest import render_png

SHORT, LONG = "Al Ng", "Bartholomew Quigley-Smith"
BEFORE, AFTER = "Seen with", "at the park today."
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
Draw = Callable[[canvas.Canvas], None]


def _pdf(draw: Draw) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _two_lines(font: str) -> Draw:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFont(font, 12)
        pdf.drawString(72, 700, f"{BEFORE} {SHORT} {AFTER}")
        pdf.drawString(72, 680, f"{BEFORE} {LONG} {AFTER}")

    return draw


def _redact(data: bytes, names: tuple[str, ...] = (SHORT, LONG)) -> bytes:
    document = extract(data, "letter.pdf")
    redactions = [
        Redaction(start, start + len(name), REASON_THIRD_PARTY, "person", decided_by="author")
        for name in names
        for start in _starts(document.text, name)
    ]
    (output,) = render_outputs(data, "letter.pdf", document, redactions, organisation="Northshire Council")
    return output.data


def _starts(text: str, name: str) -> list[int]:
    out, at = [], text.find(name)
    while at != -1:
        out.append(at)
        at = text.find(name, at + 1)
    return out


def _boxes(page: pymupdf.Page) -> list[pymupdf.Rect]:
    return sorted(
        (d["rect"] for d in page.get_drawings() if d.get("fill") == (0.0, 0.0, 0.0)), key=lambda r: (r.y0, r.x0)
    )


def _word_starts(page: pymupdf.Page, word: str) -> list[float]:
    """Left edge of each occurrence of `word`, top to bottom."""
    return [w[0] for w in sorted(page.get_text("words", sort=True), key=lambda w: (w[1], w[0])) if w[4] == word]


def _lines(page: pymupdf.Page) -> list[list[tuple]]:
    """The page's words grouped by baseline, top to bottom."""
    by_y: dict[int, list[tuple]] = {}
    for word in page.get_text("words"):
        by_y.setdefault(round((word[1] + word[3]) / 2 / 4), []).append(word)
    return [sorted(by_y[y]) for y in sorted(by_y)]


def _fonts_drawing(page: pymupdf.Page, word: str) -> set[str]:
    return {
        span["font"]
        for span in page.get_texttrace()
        if word in "".join(chr(c[0]) for c in span["chars"]) or any(chr(c[0]) == word[0] for c in span["chars"])
    }


def _font_programs(data: bytes) -> set[str]:
    """The embedded font programs (by content) and the names of fonts that are not embedded."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    found = set()
    for xref, ext, _, name, *_ in doc[0].get_fonts(full=True):
        content = doc.extract_font(xref)[3] if ext != "n/a" else b""
        found.add(hashlib.sha256(content).hexdigest() if content else name)
    return found


@pytest.fixture(scope="module", autouse=True)
def dejavu() -> None:
    if not DEJAVU.exists():
        pytest.fail("DejaVu Sans is missing: install the Debian package fonts-dejavu-core")
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))


@pytest.mark.parametrize("font", ["Helvetica", "DejaVu"])
def test_boxes_for_names_of_different_length_are_the_same_width(font, tmp_path):
    out = _redact(_pdf(_two_lines(font)))
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    short_box, long_box = _boxes(page)
    assert short_box.width == pytest.approx(PERSON_BOX_EMS * 12, abs=0.01)
    assert long_box.width == pytest.approx(short_box.width, abs=0.01)
    # The words after each name start at the same place on both lines: the line tells nothing either.
    first, second = _word_starts(page, "park")
    assert first == pytest.approx(second, abs=0.05)
    assert short_box.x1 < _word_starts(page, "at")[0]
    render_png(out, tmp_path, f"uniform-{font}")


@pytest.mark.parametrize("font", ["Helvetica", "DejaVu"])
def test_moved_words_keep_the_original_font_and_stay_searchable(font):
    data = _pdf(_two_lines(font))
    out = _redact(data)
    text = extract(out, "out.pdf").text
    assert text.count(AFTER) == 2 and text.count(BEFORE) == 2
    assert SHORT not in text and LONG not in text
    # The moved glyphs are drawn with the very font the producer embedded (the same program, under a
    # neutral name), no substitute added.
    assert _font_programs(out) - {"Helvetica"} == _font_programs(data) - {"Helvetica"}
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    expected = "Font" if font == "DejaVu" else "Helvetica"
    assert any(expected in name for name in _fonts_drawing(page, "park"))


def test_a_line_that_would_overrun_the_margin_is_narrowed_to_fit():
    filler = "The review was attended by the independent chair and by"

    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 720, f"{filler} xxxxx.")  # the column's right edge: as long as the next line
        pdf.drawString(72, 700, f"{filler} Al Ng.")

    data = _pdf(draw)
    out = _redact(data, (SHORT,))
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    (box,) = _boxes(page)
    assert box.width == pytest.approx(PERSON_BOX_EMS * 12, abs=0.01)
    first_line, second_line = _lines(page)
    column_right = max(w[2] for w in first_line)
    assert max(w[2] for w in second_line) <= column_right + 0.5, "the line must stay inside its column"
    assert filler in extract(out, "out.pdf").text
    widths_before = pymupdf.get_text_length(filler, "helv", 12)
    left, right = second_line[0][0], max(w[2] for w in second_line if w[2] <= box.x0 + 0.5)
    assert widths_before * MIN_SQUEEZE <= right - left < widths_before, "narrowed, not crushed"


def test_text_in_the_next_column_does_not_move():
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 700, f"Met {SHORT} today.")
        pdf.drawString(300, 700, "Second column stays.")

    out = _redact(_pdf(draw), (SHORT,))
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    assert _word_starts(page, "Second") == [pytest.approx(300, abs=0.05)]
    (box,) = _boxes(page)
    assert _word_starts(page, "today.")[0] > box.x1
    assert max(w[2] for w in page.get_text("words") if w[4] == "today.") < 300


def test_text_drawn_inside_a_form_xobject_moves_with_its_font():
    def draw(pdf: canvas.Canvas) -> None:
        pdf.beginForm("note")
        pdf.setFont("DejaVu", 12)
        pdf.drawString(72, 700, f"{BEFORE} {LONG} {AFTER}")
        pdf.endForm()
        pdf.doForm("note")
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 680, f"{BEFORE} {SHORT} {AFTER}")

    out = _redact(_pdf(draw))
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    boxes = _boxes(page)
    assert len(boxes) == 2 and boxes[0].width == pytest.approx(boxes[1].width, abs=0.01)
    assert extract(out, "out.pdf").text.count(AFTER) == 2
    assert any("Font" in name for name in _fonts_drawing(page, "park"))  # the embedded font, renamed


def test_a_page_whose_font_cannot_be_reused_keeps_name_width_boxes_and_hides_the_names():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        _two_lines("Helvetica")(pdf)
        pdf.showPage()
    pdf.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        first = pdf.pages[0].obj
        # A font written straight into the page's resources has no object number to refer back to.
        fonts = {key: pikepdf.Dictionary(dict(font.items())) for key, font in first.Resources.Font.items()}
        first.Resources = pikepdf.Dictionary({**dict(first.Resources.items()), "/Font": pikepdf.Dictionary(fonts)})
        buffer = io.BytesIO()
        pdf.save(buffer)
    out = _redact(buffer.getvalue())
    doc = pymupdf.open(stream=out, filetype="pdf")
    short_box, long_box = _boxes(doc[0])
    assert short_box.width == pytest.approx(pymupdf.get_text_length(SHORT, "helv", 12), abs=1)
    assert long_box.width > short_box.width
    # The other page still gets uniform boxes.
    assert {round(b.width, 2) for b in _boxes(doc[1])} == {round(PERSON_BOX_EMS * 12, 2)}
    text = extract(out, "out.pdf").text
    assert SHORT not in text and LONG not in text and text.count(AFTER) == 4


def test_a_libreoffice_pdf_with_cid_fonts_gets_uniform_boxes(tmp_path):
    from docx import Document

    from redaction.render.office import docx_to_pdf

    document = Document()
    document.add_paragraph(f"{BEFORE} {SHORT} {AFTER}")
    document.add_paragraph(f"{BEFORE} {LONG} {AFTER}")
    buffer = io.BytesIO()
    document.save(buffer)
    data = docx_to_pdf(buffer.getvalue())
    out = _redact(data)
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    short_box, long_box = _boxes(page)
    assert long_box.width == pytest.approx(short_box.width, abs=0.01)
    first, second = _word_starts(page, "park")
    assert first == pytest.approx(second, abs=0.05)
    assert _font_programs(out) == _font_programs(data) | {"Helvetica"}  # Helvetica: the labels
    assert extract(out, "out.pdf").text.count(AFTER) == 2
    render_png(out, tmp_path, "uniform-libreoffice", dpi=80)


def test_two_people_on_one_line_each_get_the_uniform_width():
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 700, f"{SHORT} and {LONG} met at school.")
        pdf.drawString(72, 680, f"{LONG} and {SHORT} met at school.")

    out = _redact(_pdf(draw))
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    boxes = _boxes(page)
    assert len(boxes) == 4
    assert {round(b.width, 2) for b in boxes} == {round(PERSON_BOX_EMS * 11, 2)}
    first, second = _word_starts(page, "school.")
    assert first == pytest.approx(second, abs=0.05)
    text = extract(out, "out.pdf").text
    assert text.count("met at school.") == 2 and SHORT not in text and LONG not in text


def test_a_name_broken_over_two_lines_gets_a_uniform_box_on_each():
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 700, "The referral came from Bartholomew")
        pdf.drawString(72, 684, "Quigley-Smith, a neighbour.")

    data = _pdf(draw)
    document = extract(data, "letter.pdf")
    start = document.text.index("Bartholomew")
    end = document.text.index("Quigley-Smith") + len("Quigley-Smith")
    redactions = [Redaction(start, end, REASON_THIRD_PARTY, "person", decided_by="author")]
    (output,) = render_outputs(data, "letter.pdf", document, redactions, organisation="Northshire Council")
    page = pymupdf.open(stream=output.data, filetype="pdf")[0]
    boxes = _boxes(page)
    assert len(boxes) == 2 and all(b.width == pytest.approx(PERSON_BOX_EMS * 12, abs=0.01) for b in boxes)
    assert _word_starts(page, "a")[0] > boxes[1].x1
    assert "a neighbour." in extract(output.data, "out.pdf").text


def test_a_line_in_a_table_cell_stays_inside_the_cell_border():
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 750, "A paragraph above the table, long enough to reach far across the page.")
        pdf.rect(72, 690, 188, 24)  # the cell: its right border at x = 260
        pdf.rect(260, 690, 200, 24)
        pdf.drawString(76, 698, f"Present: {SHORT} (neighbour)")
        pdf.drawString(264, 698, "Apologies: none")

    out = _redact(_pdf(draw), (SHORT,))
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    (box,) = _boxes(page)
    assert box.width == pytest.approx(PERSON_BOX_EMS * 12, abs=0.01)
    (neighbour,) = [w for w in page.get_text("words") if w[4] == "(neighbour)"]
    assert box.x1 < neighbour[0] and neighbour[2] < 260, "the cell's text must not cross its border"
    assert _word_starts(page, "Apologies:") == [pytest.approx(264, abs=0.05)]


def test_a_name_hyphenated_across_a_line_break_is_read_whole_and_hidden():
    from tests.redaction.builders import make_pdf

    data = make_pdf([["The referral came from Bartholomew Quigley-", "Smith, a neighbour of the family."]])
    document = extract(data, "letter.pdf")
    # pdfium marks the hyphen that joins the lines as U+FFFE; the engine must read a plain hyphen.
    assert LONG in document.text
    out = _redact(data, (LONG,))
    text = extract(out, "out.pdf").text
    assert "Quigley" not in text and "Smith" not in text and "a neighbour of the family." in text


def test_an_unexpected_failure_while_moving_lines_falls_back_to_name_width_boxes(monkeypatch):
    import redaction.render.pdf_redact as pdf_redact

    def broken(*args: object) -> None:
        raise RuntimeError("a page this code has not met")

    monkeypatch.setattr(pdf_redact, "move_lines", broken)  # a fault injected where no input can cause one
    out = _redact(_pdf(_two_lines("Helvetica")))
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    short_box, long_box = _boxes(page)
    assert long_box.width > short_box.width  # the names' own widths, and still verified
    text = extract(out, "out.pdf").text
    assert SHORT not in text and LONG not in text and text.count(AFTER) == 2


def test_a_rotated_page_keeps_name_width_boxes_and_hides_the_names():
    data = _pdf(_two_lines("Helvetica"))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.pages[0].Rotate = 90  # lines on a turned page are left where they are
        buffer = io.BytesIO()
        pdf.save(buffer)
    out = _redact(buffer.getvalue())
    doc = pymupdf.open(stream=out, filetype="pdf")
    assert doc[0].rotation == 90
    boxes = _boxes(doc[0])
    assert len(boxes) == 2 and len({round(max(b.width, b.height)) for b in boxes}) == 2  # the names' own sizes
    text = extract(out, "out.pdf").text
    assert SHORT not in text and LONG not in text and text.count(AFTER) == 2
