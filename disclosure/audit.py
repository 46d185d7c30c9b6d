"""Writing audit events. Every service calls audit_record inside its own transaction.atomic block,
so an event exists exactly when the change it describes was committed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import connection, transaction
from django.utils import timezone

from disclosure.audit_chain import GENESIS, canonical_data, hash_of
from disclosure.models import AuditEvent, Case, DocumentVersion

# Any constant: PostgreSQL advisory lock that serialises appends, so two transactions never chain
# onto the same previous event.
_CHAIN_LOCK = 7_406_121


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
    user = actor if isinstance(actor, User) else None
    if case is None and version is not None:
        case = version.document.case
    _lock_chain()
    previous = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
    event = AuditEvent(
        at=timezone.now(),
        actor=user,
        actor_name=user.get_username() if user is not None else "system",
        action=action,
        summary=summary[:500],
        case=case,
        version=version,
        data=canonical_data(data),
        prev_hash=previous,
    )
    event.hash = hash_of(event)
    event.save()
    return event


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
    # SQLite allows one writer at a time already.
