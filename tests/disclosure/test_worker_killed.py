"""Real worker processes: one killed mid-analysis loses nothing (the task is redelivered and finishes once),
and a document too long for the time limit fails with a clear reason instead of hanging the worker."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from config.celery import app as celery_app
from disclosure.models import DocumentVersion
from disclosure.services import version_upload
from redaction.tasks import analyse_version
from tests.conftest import LETTER, World
from tests.workers import kill_worker, start_worker_process, wait_for_status, worker_env

pytestmark = pytest.mark.worker
Status = DocumentVersion.Status


def _upload(world: World, text: str) -> DocumentVersion:
    return version_upload(
        user=world.author,
        case=world.case,
        recipients=[world.mother],
        uploaded_file=SimpleUploadedFile("long.txt", text.encode()),
    )


def test_killed_worker_task_finishes_on_another_worker_once(
    transactional_db: None, world: World, real_broker: str
) -> None:
    celery_app.conf.task_always_eager = False
    env = worker_env(real_broker, CLEARANCE_REDELIVERY_SECONDS="3")
    # Long enough that the analysis is still running when the worker is killed.
    first = start_worker_process(env)
    try:
        version = _upload(world, (LETTER + "\n") * 400)
        wait_for_status(version, {Status.ANALYSING}, 60)
    finally:
        kill_worker(first)
    assert version.status == Status.ANALYSING and not version.findings.exists()

    second = start_worker_process(env)
    try:
        wait_for_status(version, {Status.TRIAGE, Status.FAILED}, 120)
    finally:
        kill_worker(second)
    assert version.status == Status.TRIAGE, version.failure_reason
    assert version.analysis_attempts == 2
    assert version.findings.filter(text="Gary Hollins").count() == 400  # one set of findings, not two
    assert version.audit_events.filter(action="analysis.completed").count() == 1


def test_document_too_long_for_the_time_limit_fails_clearly(
    transactional_db: None, world: World, real_broker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    celery_app.conf.task_always_eager = False
    # Celery sends the time limits with each message, from the sender's task options (which it caches).
    monkeypatch.setattr(analyse_version, "time_limit", 10)
    monkeypatch.setattr(analyse_version, "soft_time_limit", 5)
    monkeypatch.setattr(analyse_version, "_exec_options", None)
    # A 10 s limit (soft limit 5 s) against about 180,000 words, which take far longer than that to analyse.
    worker = start_worker_process(worker_env(real_broker, CLEARANCE_ANALYSIS_TIME_LIMIT="10"))
    try:
        version = _upload(world, (LETTER + "\n") * 3000)
        wait_for_status(version, {Status.TRIAGE, Status.FAILED}, 120)
    finally:
        kill_worker(worker)
    assert version.status == Status.FAILED
    assert "too long to analyse" in version.failure_reason
    assert version.original.storage.exists(version.original.name)
