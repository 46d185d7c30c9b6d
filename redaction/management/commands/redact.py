"""manage.py redact IN --out OUT [--register CASES.json --case REF] [--term TEXT ...] [--json]"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redaction.analyse import analyse
from redaction.errors import EngineError
from redaction.management.commands._common import add_model_argument, case_context, model_name
from redaction.render import merge_redactions, redact_text, text_to_pdf
from redaction.types import REASON_THIRD_PARTY, Redaction


def term_redactions(text: str, terms: list[str]) -> list[Redaction]:
    out: list[Redaction] = []
    for term in terms:
        if term.strip():
            for m in re.finditer(re.escape(term.strip()), text, re.IGNORECASE):
                out.append(Redaction(m.start(), m.end(), REASON_THIRD_PARTY, "manual"))
    return out


class Command(BaseCommand):
    help = "Write a redacted copy of a file (TXT -> TXT or PDF; DOCX/PDF -> PDF for now)."
    # The engine commands never touch the database and must run even if the web app does not load.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", metavar="IN")
        parser.add_argument("--out", required=True, metavar="OUT")
        parser.add_argument("--register", metavar="CASES.json")
        parser.add_argument("--case", metavar="REF")
        parser.add_argument("--term", action="append", default=[], metavar="TEXT")
        parser.add_argument("--json", action="store_true")
        add_model_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        source, out = Path(options["input"]), Path(options["out"])
        out_kind = out.suffix.lower()
        if out_kind not in (".pdf", ".txt"):
            raise CommandError("OUT must end in .pdf or .txt (in-place DOCX redaction is not available yet).")
        context = case_context(options["register"], options["case"])
        try:
            analysis = analyse(source.read_bytes(), source.name, context, model=model_name(options["model"]))
        except OSError as exc:
            raise CommandError(f"{source}: cannot read: {exc.strerror}") from exc
        except EngineError as exc:
            raise CommandError(f"{source}: {exc}") from exc
        document = analysis.document
        if document.needs_ocr:
            raise CommandError(f"{source}: {' '.join(document.warnings)}")
        if out_kind == ".txt" and document.format != "txt":
            raise CommandError("A .txt output is only offered for .txt input; use a .pdf output.")
        redactions = [
            Redaction(f.start, f.end, f.reason_code, f.category) for f in analysis.findings if f.action == "redact"
        ]
        redactions += term_redactions(document.text, options["term"])
        if out_kind == ".txt":
            out.write_text(redact_text(document.text, redactions), encoding="utf-8")
        else:
            # Sanitised by construction: a fresh PDF holding only the redacted text, no source metadata.
            out.write_bytes(text_to_pdf(document.text, redactions, title="Redacted document"))
        blocks = merge_redactions(len(document.text), redactions)
        if options["json"]:
            summary = {
                "input": str(source),
                "output": str(out),
                "redactions": len(blocks),
                "findings": len(analysis.findings),
                "warnings": list(document.warnings),
            }
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            self.stdout.write(f"Wrote {out} with {len(blocks)} redaction(s).")
