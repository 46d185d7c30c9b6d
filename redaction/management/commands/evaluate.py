"""manage.py evaluate CORPUS_DIR: score the engine on an annotated corpus (no database)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redaction.detect import detect
from redaction.errors import EngineError
from redaction.evaluate import evaluate
from redaction.management.commands._common import add_model_argument, model_name
from redaction.types import CaseContext, Finding


class Command(BaseCommand):
    help = "Score the detector against an annotated corpus (metrics as defined in the corpus README)."
    # The engine commands never touch the database and must run even if the web app does not load.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("corpus", metavar="CORPUS_DIR")
        add_model_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        model = model_name(options["model"])

        def detector(text: str, context: CaseContext) -> list[Finding]:
            return detect(text, context, model=model)

        started = time.perf_counter()
        try:
            report = evaluate(options["corpus"], detector)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(report.format())
        self.stdout.write(f"\n({time.perf_counter() - started:.1f}s)")
