"""Writing audit events. Every service calls audit_record inside its own transaction.atomic block,
so an event exists exactly when the change it describes was committed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from disclosure.models import AuditEvent, Case, DocumentVersion


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    summary: str,
    case: Case | None = None,
    version: DocumentVersion | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    if not transaction.get_connection().in_atomic_block:
        # Guard against a service forgetting its transaction: the event must share the change's fate.
        raise RuntimeError("audit_record must be called inside transaction.atomic")
    user = actor if actor is not None and actor.is_authenticated else None
    if case is None and version is not None:
        case = version.document.case
    return AuditEvent.objects.create(
        actor=user,
        actor_name=user.get_username() if user is not None else "system",
        action=action,
        summary=summary[:500],
        case=case,
        version=version,
        data=data or {},
    )
