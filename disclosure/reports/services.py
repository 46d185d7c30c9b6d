"""The reports' only writes: audit events recording that the DPO exported or traced something."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from disclosure.audit import audit_record
from disclosure.models import DocumentVersion


def report_record(
    *, user: User, action: str, summary: str, data: dict[str, Any] | None = None, version: DocumentVersion | None = None
) -> None:
    """Records an export or a trace. Written before the response is sent, so a download that
    happened always has its event (a failed send leaves an event for a download that may not have)."""
    with transaction.atomic():
        audit_record(actor=user, action=action, summary=summary, data=data, version=version)
