from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from disclosure.audit_chain import first_break
from disclosure.models import AuditEvent


class Command(BaseCommand):
    help = "Walk the audit log's hash chain and name the first broken link, if any (exit status 1)."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, broken = first_break(AuditEvent.objects.order_by("id").iterator(chunk_size=2000))
        if broken is not None:
            raise CommandError(
                f"Audit chain BROKEN at event #{broken.event_id} (after {checked - 1} good event(s)): {broken.problem}."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {checked} event(s) verified."))
