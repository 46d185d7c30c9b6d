"""Rendering: redacted text and the text-to-PDF output."""

from __future__ import annotations

import io

import pypdf

from redaction.render import redact_text, text_to_pdf
from redaction.types import REASON_CRIMINAL_OFFENCE, REASON_THIRD_PARTY, Redaction

TEXT = "The neighbour, Patricia Doyle, called.\nMrs Okafor was at home. Gary Pell was arrested."


def _span(text: str, part: str, code: str = REASON_THIRD_PARTY) -> Redaction:
    start = text.index(part)
    return Redaction(start, start + len(part), code, "person")


def test_redacted_text_uses_the_same_label_whatever_the_length():
    out = redact_text(
        "Al and Bartholomew-Smythe left.",
        [
            _span("Al and Bartholomew-Smythe left.", "Al"),
            _span("Al and Bartholomew-Smythe left.", "Bartholomew-Smythe"),
        ],
    )
    assert out == "[REDACTED: third_party_personal_data] and [REDACTED: third_party_personal_data] left."


def test_overlapping_redactions_merge_and_the_most_serious_reason_wins():
    sentence = "Gary Pell was arrested."
    out = redact_text(TEXT, [_span(TEXT, "Gary Pell"), _span(TEXT, sentence, REASON_CRIMINAL_OFFENCE)])
    assert out.endswith("at home. [REDACTED: criminal_offence_data]")
    assert "Gary" not in out


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_redacted_name_is_absent_from_the_pdf_but_the_rest_is_selectable():
    data = text_to_pdf(TEXT, [_span(TEXT, "Patricia Doyle")], title="Letter")
    assert data.startswith(b"%PDF-")
    extracted = _pdf_text(data)
    assert "Patricia" not in extracted and "Doyle" not in extracted
    assert b"Patricia" not in data and b"Doyle" not in data
    assert "REDACTED: third_party_personal_data" in extracted
    assert "Mrs Okafor was at home." in extracted


def test_long_text_flows_onto_several_pages():
    text = "\n".join(f"Line {i} of a long record about the family." for i in range(200))
    reader = pypdf.PdfReader(io.BytesIO(text_to_pdf(text, [], title="Long")))
    assert len(reader.pages) >= 3
    assert "Line 199 of a long record" in reader.pages[-1].extract_text()
