"""Hash-chains the audit log and makes its table append-only in the database itself."""

import hashlib
import json
from datetime import UTC

from django.db import migrations, models

GENESIS = "0" * 64

POSTGRES_GUARD = """
CREATE OR REPLACE FUNCTION clearance_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The audit log is append-only: % on disclosure_auditevent refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON disclosure_auditevent
    FOR EACH ROW EXECUTE FUNCTION clearance_audit_append_only();
"""
POSTGRES_UNGUARD = """
DROP TRIGGER IF EXISTS auditevent_append_only ON disclosure_auditevent;
DROP FUNCTION IF EXISTS clearance_audit_append_only();
"""
# SQLite (the embedded, single-user default) guards UPDATE only: Django empties SQLite tables with DELETE
# when it flushes a test database, where PostgreSQL uses TRUNCATE, which the row trigger does not see.
SQLITE_GUARD = [
    "CREATE TRIGGER auditevent_no_update BEFORE UPDATE ON disclosure_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;",
]
SQLITE_UNGUARD = ["DROP TRIGGER IF EXISTS auditevent_no_update;"]


def chain_existing(apps, schema_editor):
    # A frozen copy of disclosure.audit_chain.event_hash: migrations must not import app code.
    AuditEvent = apps.get_model("disclosure", "AuditEvent")
    previous = GENESIS
    for event in AuditEvent.objects.order_by("id"):
        content = json.dumps(
            [previous, event.at.astimezone(UTC).isoformat(timespec="microseconds"), event.actor_id,
             event.actor_name, event.action, event.case_id, event.version_id, event.summary, event.data],
            sort_keys=True, ensure_ascii=False, separators=(",", ":"),
        )
        digest = hashlib.sha256(content.encode()).hexdigest()
        AuditEvent.objects.filter(pk=event.pk).update(prev_hash=previous, hash=digest)
        previous = digest


def guard(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_GUARD, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_GUARD:
            schema_editor.execute(statement)


def unguard(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_UNGUARD, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_UNGUARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0003_paragraph_bands")]

    operations = [
        migrations.AlterModelOptions(name="auditevent", options={"ordering": ["id"]}),
        migrations.AddField(model_name="auditevent", name="prev_hash", field=models.CharField(default="", max_length=64),
                            preserve_default=False),
        migrations.AddField(model_name="auditevent", name="hash", field=models.CharField(default="", max_length=64),
                            preserve_default=False),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AlterField(model_name="auditevent", name="hash", field=models.CharField(max_length=64, unique=True)),
        migrations.RunPython(guard, unguard),
    ]
