"""manage.py scan PATH [PATH ...] --register CASES.json --case REF [--json]"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redaction.analyse import analyse_document
from redaction.errors import EngineError
from redaction.extract import extract
from redaction.management.commands._common import add_model_argument, case_context, model_name
from redaction.types import ExtractedDocument, Finding

_FIELDS = ("start", "end", "text", "category", "action", "party", "reason", "confidence", "reason_code")


def finding_json(finding: Finding) -> dict[str, Any]:
    return {name: getattr(finding, name) for name in _FIELDS}


class Command(BaseCommand):
    help = "Analyse files for third-party data and criminal allegations, without touching the database."
    # The engine commands never touch the database and must run even if the web app does not load.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--register", required=True, metavar="CASES.json")
        parser.add_argument("--case", required=True, metavar="REF")
        parser.add_argument("--json", action="store_true", help="One JSON object per line.")
        add_model_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        model = model_name(options["model"])
        failures = 0
        documents: list[tuple[str, ExtractedDocument]] = []
        for path in options["paths"]:
            try:
                documents.append((path, extract(Path(path).read_bytes(), Path(path).name)))
            except OSError as exc:
                failures += 1
                self.stderr.write(f"{path}: cannot read: {exc.strerror}")
            except EngineError as exc:
                failures += 1
                self.stderr.write(f"{path}: {exc}")
        # The register is read knowing the documents' words: only people who could be named in them count.
        context = case_context(options["register"], options["case"], [d.text for _, d in documents])
        for path, document in documents:
            analysis = analyse_document(document, context, model=model)
            if options["json"]:
                record = {
                    "document": path,
                    "text_length": len(document.text),
                    "findings": [finding_json(f) for f in analysis.findings],
                }
                self.stdout.write(json.dumps(record, ensure_ascii=False))
                continue
            self.stdout.write(f"{path}: {len(document.text)} characters, {len(analysis.findings)} findings")
            for warning in document.warnings:
                self.stdout.write(f"  warning: {warning}")
            for f in analysis.findings:
                snippet = f.text.replace("\n", " ")
                snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
                where = f"{f.start:>6}-{f.end:<6}"
                self.stdout.write(f"  {where} {f.action:<6} {f.category:<19} {f.party:<12} {snippet!r}  {f.reason}")
        if failures:
            raise CommandError(f"{failures} file(s) could not be analysed.")
