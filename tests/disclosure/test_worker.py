"""An upload analysed, and its submission's files made, by a real Celery worker on the real Redis broker."""

from __future__ import annotations

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core.files.uploadedfile import SimpleUploadedFile

from config.celery import app as celery_app
from disclosure.models import DocumentVersion
from disclosure.services import version_upload
from review.services import version_submit
from tests.conftest import LETTER, World

pytestmark = pytest.mark.worker
Status = DocumentVersion.Status


def _wait_while(version: DocumentVersion, statuses: set[str], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.status not in statuses:
            return
        time.sleep(0.25)


def test_upload_is_analysed_and_submission_prepared_by_a_real_worker_on_redis(
    transactional_db: None, world: World, real_broker: str
) -> None:
    celery_app.conf.task_always_eager = False
    assert celery_app.conf.broker_url == real_broker
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        version = version_upload(
            user=world.author,
            case=world.case,
            uploaded_file=SimpleUploadedFile("letter.txt", LETTER.encode()),
            recipients=[world.mother],
        )
        _wait_while(version, {Status.UPLOADED, Status.ANALYSING})
        assert version.status == Status.TRIAGE, version.failure_reason
        texts = set(version.findings.values_list("text", flat=True))
        assert {"Gary Hollins", "Liam Doyle"} <= texts
        assert version.audit_events.filter(action="analysis.completed", actor=None).count() == 1

        version_submit(user=world.author, version=version)
        _wait_while(version, {Status.PREPARING})
    assert version.status == Status.AWAITING_CHECK, version.output_error
    assert version.outputs.count() == 2 and version.audit_events.filter(action="version.submitted").count() == 1
