from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from disclosure.models import DocumentVersion
from disclosure.services import analysis_enqueue
from review.services import outputs_prepare_enqueue


class Command(BaseCommand):
    help = (
        "Queue analysis, or the making of redacted files, again for versions left waiting (the broker was "
        "down when they were uploaded or submitted, or a worker died). Run it from cron every few minutes; "
        "it is safe to run at any time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--older-than", type=int, default=2, help="minutes a version has waited (default 2)")

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = timezone.now() - timedelta(minutes=options["older_than"])
        Status = DocumentVersion.Status
        waiting = DocumentVersion.objects.filter(status=Status.UPLOADED, status_changed_at__lt=cutoff)
        count = 0
        for version in waiting:
            with transaction.atomic():
                analysis_enqueue(version)
            count += 1
        # Submissions whose redacted files were never made: sent again under the same submission token,
        # so a late first run and this one cannot both land (the second finds the version moved on).
        preparing = DocumentVersion.objects.filter(status=Status.PREPARING, status_changed_at__lt=cutoff)
        for version in preparing:
            with transaction.atomic():
                outputs_prepare_enqueue(version.pk, version.prepare_token)
            count += 1
        self.stdout.write(f"Queued {count} waiting version(s) again.")
