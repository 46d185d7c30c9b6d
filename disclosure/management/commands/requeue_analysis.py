from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from disclosure.models import DocumentVersion
from disclosure.services import analysis_enqueue


class Command(BaseCommand):
    help = (
        "Queue analysis again for versions left waiting (the broker was down when they were uploaded, or a "
        "worker died). Run it from cron every few minutes; it is safe to run at any time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--older-than", type=int, default=2, help="minutes a version has waited (default 2)")

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = timezone.now() - timedelta(minutes=options["older_than"])
        waiting = DocumentVersion.objects.filter(status=DocumentVersion.Status.UPLOADED, status_changed_at__lt=cutoff)
        count = 0
        for version in waiting:
            with transaction.atomic():
                analysis_enqueue(version)
            count += 1
        self.stdout.write(f"Queued {count} waiting version(s) again.")
