"""manage.py redact IN --out OUT [--register CASES.json --case REF] [--term TEXT ...] [--json] [--schedule CSV]

DOCX -> DOCX or PDF, PDF -> PDF, TXT -> PDF or TXT: truly redacted, always sanitised, verified before
it is written (a refused output is never written).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from redaction.analyse import analyse_document
from redaction.errors import EngineError
from redaction.extract import extract
from redaction.management.commands._common import add_model_argument, case_context, model_name
from redaction.render import render_outputs, schedule_csv
from redaction.types import REASON_THIRD_PARTY, Redaction
from redaction.verify.matching import find_spans

_ALLOWED = {"docx": ("docx", "pdf"), "pdf": ("pdf",), "txt": ("pdf", "txt")}


def term_redactions(text: str, terms: list[str]) -> list[Redaction]:
    """Every occurrence of each term however it is spelt (see find_spans): a term must go everywhere."""
    return [
        Redaction(start, end, REASON_THIRD_PARTY, "manual", decided_by="command line")
        for term in terms
        for start, end in find_spans(text, term.strip())
    ]


class Command(BaseCommand):
    help = "Write a truly redacted, sanitised and verified copy of a file (DOCX/PDF/TXT)."
    # The engine commands never touch the database and must run even if the web app does not load.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", metavar="IN")
        parser.add_argument("--out", required=True, metavar="OUT")
        parser.add_argument("--register", metavar="CASES.json")
        parser.add_argument("--case", metavar="REF")
        parser.add_argument("--term", action="append", default=[], metavar="TEXT")
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--schedule", metavar="CSV", help="Also write the redaction schedule as CSV.")
        add_model_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        source, out = Path(options["input"]), Path(options["out"])
        out_kind = out.suffix.lower().lstrip(".")
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise CommandError(f"{source}: cannot read: {exc.strerror}") from exc
        try:
            document = extract(data, source.name)
            context = case_context(options["register"], options["case"], [document.text])
            analysis = analyse_document(document, context, model=model_name(options["model"]))
            allowed = _ALLOWED[document.format]
            if out_kind not in allowed:
                names = " or ".join(f".{kind}" for kind in allowed)
                raise CommandError(f"A .{document.format} input can be written as {names}, not .{out_kind or '?'}.")
            if document.needs_ocr:
                raise CommandError(f"{source}: {' '.join(document.warnings)}")
            redactions = [
                Redaction(f.start, f.end, f.reason_code, f.category, decided_by="engine")
                for f in analysis.findings
                if f.action == "redact"
            ]
            redactions += term_redactions(document.text, options["term"])
            organisation = str(getattr(settings, "CLEARANCE_ORGANISATION", "")) or "the organisation"
            (output,) = render_outputs(
                data,
                source.name,
                document,
                redactions,
                organisation=organisation,
                terms=[t.strip() for t in options["term"] if t.strip()],
                formats=(out_kind,),
            )
        except EngineError as exc:
            raise CommandError(f"{source}: {exc}") from exc
        out.write_bytes(output.data)
        if options["schedule"]:
            Path(options["schedule"]).write_text(schedule_csv(output.schedule), encoding="utf-8", newline="")
        if options["json"]:
            summary = {
                "input": str(source),
                "output": str(out),
                "format": output.format,
                "redactions": len(output.schedule),
                "findings": len(analysis.findings),
                "warnings": list(document.warnings),
                "schedule": [
                    {"location": r.location, "page": r.page, "category": r.category, "reason_code": r.reason_code}
                    for r in output.schedule
                ],
            }
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            self.stdout.write(f"Wrote {out} with {len(output.schedule)} redaction(s), verified.")
