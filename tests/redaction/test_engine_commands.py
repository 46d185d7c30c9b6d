"""The scan, redact and evaluate commands and analyse(), with no database."""

from __future__ import annotations

import io
import json

import pypdf
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from redaction import analyse
from redaction.errors import UnsupportedFile
from tests.redaction.builders import make_docx

DOC = "Visit by Rhiannon Pryce.\nThe neighbour, Mrs Patricia Doyle, said Gary Pell was arrested last week.\n"


@pytest.fixture
def files(tmp_path, register_data):
    register = tmp_path / "cases.json"
    register.write_text(json.dumps(register_data), encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text(DOC, encoding="utf-8")
    return register, note


def test_scan_json_prints_one_object_per_file_with_the_documented_keys(files, capsys):
    register, note = files
    call_command("scan", str(note), str(note), "--register", str(register), "--case", "T-2001", "--json")
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["document"] == str(note) and record["text_length"] == len(DOC)
    keys = {"start", "end", "text", "category", "action", "party", "reason", "confidence", "reason_code"}
    assert record["findings"] and all(set(f) == keys for f in record["findings"])
    doyle = next(f for f in record["findings"] if f["text"] == "Patricia Doyle")
    assert DOC[doyle["start"] : doyle["end"]] == "Patricia Doyle" and doyle["action"] == "redact"


def test_scan_rejects_an_unknown_case(files):
    register, note = files
    with pytest.raises(CommandError, match="not in"):
        call_command("scan", str(note), "--register", str(register), "--case", "NOPE")


def test_redact_writes_a_pdf_without_the_redacted_names(files, tmp_path):
    register, note = files
    out = tmp_path / "out.pdf"
    call_command(
        "redact",
        str(note),
        "--out",
        str(out),
        "--register",
        str(register),
        "--case",
        "T-2001",
        "--term",
        "last week",
    )
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Patricia" not in text and "Gary Pell" not in text and "last week" not in text
    assert "Rhiannon Pryce" in text


def test_redact_to_txt_keeps_family_and_removes_third_parties(files, tmp_path):
    register, note = files
    out = tmp_path / "out.txt"
    call_command("redact", str(note), "--out", str(out), "--register", str(register), "--case", "T-2001")
    result = out.read_text(encoding="utf-8")
    assert "Doyle" not in result and "[REDACTED: criminal_offence_data]" in result
    assert result.startswith("Visit by Rhiannon Pryce.")


def test_evaluate_command_prints_the_metrics(tmp_path, register_data, capsys):
    corpus = tmp_path / "corpus"
    (corpus / "docs").mkdir(parents=True)
    (corpus / "cases.json").write_text(json.dumps(register_data), encoding="utf-8")
    text = "The neighbour, Mrs Patricia Doyle, called."
    start = text.index("Patricia Doyle")
    (corpus / "docs" / "a.txt").write_text(text, encoding="utf-8")
    gold = {
        "document": "a.txt",
        "case": "T-2001",
        "spans": [
            {
                "start": start,
                "end": start + 14,
                "label": "PERSON",
                "party": "third_party",
                "redact": True,
                "text": "Patricia Doyle",
            }
        ],
    }
    (corpus / "docs" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    call_command("evaluate", str(corpus))
    out = capsys.readouterr().out
    for metric in (
        "third_party_recall",
        "third_party_flagged",
        "allegation_recall",
        "over_redaction",
        "noise",
    ):
        assert metric in out
    assert "third_party_recall   1.0000" in out


def test_analyse_reports_progress_and_returns_document_and_findings(context):
    seen: list[int] = []
    analysis = analyse(make_docx([DOC]), "note.docx", context, progress=seen.append)
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)
    assert analysis.document.format == "docx"
    assert any(f.text == "Patricia Doyle" and f.action == "redact" for f in analysis.findings)


def test_analyse_raises_user_facing_error_for_unsupported_file(context):
    with pytest.raises(UnsupportedFile):
        analyse(b"\x89PNG\r\n\x1a\n\x00", "image.png", context)
