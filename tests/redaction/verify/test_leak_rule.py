"""A redacted string leaks only where an output holds it more often than the kept text does; in a file's
structure it may not be at all, apart from formatting vocabulary (built-in style names, font names)."""

from __future__ import annotations

import io
import zipfile

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from redaction.verify import KeptText, RedactionNotVerified, verify_output
from tests.redaction.builders import make_docx

KEPT = KeptText(flow="The foster carer rang. Our Foster Care Service will call.\nMr Okafor agreed.")


def _pdf(lines: list[str], pages: int = 1, header: str = "") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        if header:
            pdf.drawString(72, 800, header)
        for i, line in enumerate(lines):
            pdf.drawString(72, 700 - 20 * i, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_redacted_surname_that_is_also_an_ordinary_word_is_not_a_leak() -> None:
    lines = ["The foster carer rang. Our Foster Care Service will call.", "Mr Okafor agreed."]
    verify_output(_pdf(lines), "pdf", ["Dean Foster", "Foster", "Mr"], KEPT)
    verify_output(make_docx(lines), "docx", ["Dean Foster", "Foster", "Mr"], KEPT)
    verify_output("\n".join(lines).encode(), "txt", ["Foster", "Mr"], KEPT)


def test_one_more_occurrence_than_was_kept_is_a_leak_and_the_message_says_where() -> None:
    lines = ["The foster carer rang. Our Foster Care Service will call.", "Mr Okafor agreed. Foster came too."]
    with pytest.raises(RedactionNotVerified) as refused:
        verify_output(_pdf(lines), "pdf", ["Foster"], KEPT)
    assert refused.value.term == "Foster"
    assert "page(s) 1" in str(refused.value) and "3 times" in str(refused.value) and "2 times" in str(refused.value)
    with pytest.raises(RedactionNotVerified, match="the text of the document"):
        verify_output(make_docx(lines), "docx", ["Foster"], KEPT)


def test_a_name_never_kept_is_a_leak_wherever_it_is() -> None:
    with pytest.raises(RedactionNotVerified, match="not at all"):
        verify_output(_pdf(["Dean Foster called."]), "pdf", ["Dean Foster"], KEPT)


def test_headers_count_once_per_page_of_a_paginated_output() -> None:
    kept = KeptText(flow="Body text.", repeated="Foster Care Service")
    data = _pdf(["Body text."], pages=3, header="Foster Care Service")
    verify_output(data, "pdf", ["Foster"], kept)
    with pytest.raises(RedactionNotVerified):
        verify_output(_pdf(["Body text. Foster"], pages=3, header="Foster Care Service"), "pdf", ["Foster"], kept)


def test_a_string_that_must_go_everywhere_is_refused_even_when_kept() -> None:
    kept = KeptText(flow="The foster carer rang.", absolute=frozenset({"Foster"}))
    with pytest.raises(RedactionNotVerified):
        verify_output(_pdf(["The foster carer rang."]), "pdf", ["Foster"], kept)


def _with_part(
    data: bytes, name: str, change: bytes | None = None, replace: tuple[bytes, bytes] | None = None
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == name and replace:
                assert replace[0] in content
                content = content.replace(*replace)
            out.writestr(info, content)
        if change is not None:
            out.writestr(name, change)
    return buffer.getvalue()


def test_a_kept_word_hidden_in_the_structure_is_still_a_leak() -> None:
    data = make_docx(["The foster carer rang."])
    leaked = _with_part(data, "word/document.xml", replace=(b"<w:body>", b"<w:body><!-- Foster -->"))
    with pytest.raises(RedactionNotVerified, match=r"structure of word/document\.xml"):
        verify_output(leaked, "docx", ["Foster"], KeptText(flow="The foster carer rang."))


def test_built_in_style_names_and_font_names_are_vocabulary_not_leaks() -> None:
    # python-docx's template defines the built-in styles "Strong" and "Quote" and names fonts in its theme.
    data = make_docx(["A letter."])
    verify_output(data, "docx", ["Strong", "Quote", "Calibri", "Cambria"], KeptText(flow="A letter."))


def test_a_custom_style_named_after_a_person_is_a_leak() -> None:
    data = make_docx(["A letter."])
    leaked = _with_part(
        data,
        "word/styles.xml",
        replace=(b'w:styleId="Normal">', b'w:styleId="Normal"><w:aliases w:val="Doyle Patricia"/>'),
    )
    with pytest.raises(RedactionNotVerified):
        verify_output(leaked, "docx", ["Doyle Patricia"], KeptText(flow="A letter."))
