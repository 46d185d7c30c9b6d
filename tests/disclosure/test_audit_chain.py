"""The audit log is append-only and hash-chained; tampering is caught by verify_audit."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from disclosure.models import AuditEvent, DocumentVersion
from tests.conftest import World


def _raw(sql: str, params: list[object] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


def _disable_guard() -> None:
    """What an attacker with database access would do first."""
    if connection.vendor == "postgresql":
        _raw("SET CONSTRAINTS ALL IMMEDIATE")  # the test's deferred FK checks would block ALTER TABLE
        _raw("ALTER TABLE disclosure_auditevent DISABLE TRIGGER auditevent_append_only")
    else:
        _raw("DROP TRIGGER auditevent_no_update")


@pytest.fixture
def events(world: World, upload: Callable[..., DocumentVersion]) -> list[AuditEvent]:
    upload()
    upload(name="second.txt")
    found = list(AuditEvent.objects.order_by("id"))
    assert len(found) >= 4
    return found


def test_chain_verifies_when_untouched(events: list[AuditEvent], capsys: pytest.CaptureFixture[str]) -> None:
    call_command("verify_audit")
    assert f"{len(events)} event(s) verified" in capsys.readouterr().out
    assert events[0].prev_hash == "0" * 64
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(events))


def test_application_cannot_update_or_delete_events(events: list[AuditEvent]) -> None:
    with pytest.raises(PermissionError):
        events[0].save()
    with pytest.raises(PermissionError):
        events[0].delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=events[0].pk).update(summary="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_database_rejects_raw_update_and_delete(events: list[AuditEvent]) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        _raw("UPDATE disclosure_auditevent SET summary = 'nothing happened' WHERE id = %s", [events[1].pk])
    if connection.vendor != "postgresql":
        return  # SQLite guards UPDATE only (see migration 0004); CI runs this on PostgreSQL
    with pytest.raises(DatabaseError), transaction.atomic():
        _raw("DELETE FROM disclosure_auditevent WHERE id = %s", [events[1].pk])


def test_changed_row_is_named_by_verify_audit(events: list[AuditEvent]) -> None:
    _disable_guard()
    _raw("UPDATE disclosure_auditevent SET summary = 'nothing happened' WHERE id = %s", [events[2].pk])
    with pytest.raises(CommandError, match=f"BROKEN at event #{events[2].pk}.*row was changed"):
        call_command("verify_audit")


def test_removed_row_is_named_by_verify_audit(events: list[AuditEvent]) -> None:
    _disable_guard()
    _raw("DELETE FROM disclosure_auditevent WHERE id = %s", [events[1].pk])
    with pytest.raises(CommandError, match=f"BROKEN at event #{events[2].pk}.*removed"):
        call_command("verify_audit")
