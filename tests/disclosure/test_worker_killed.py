"""A worker killed mid-analysis loses nothing: the task is redelivered to a new worker and the version
ends with exactly one set of findings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from config.celery import app as celery_app
from disclosure.models import DocumentVersion
from disclosure.services import version_upload
from tests.conftest import LETTER, REQUIRE_SERVICES, World

pytestmark = pytest.mark.worker
ROOT = Path(__file__).resolve().parents[2]
Status = DocumentVersion.Status


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill(worker: subprocess.Popen[bytes]) -> None:
    os.killpg(worker.pid, signal.SIGKILL)  # the whole worker: main process and pool children
    worker.wait(timeout=30)


def _wait_for(version: DocumentVersion, statuses: set[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.status in statuses:
            return
        time.sleep(0.1)
    raise AssertionError(f"version stayed {version.status}")


def test_killed_worker_task_finishes_on_another_worker_once(
    transactional_db: None, world: World, real_broker: str
) -> None:
    if connection.vendor != "postgresql":
        if REQUIRE_SERVICES:
            pytest.fail("the killed-worker test needs DATABASE_URL on PostgreSQL")
        pytest.skip("a worker process cannot share the in-memory SQLite test database")
    celery_app.conf.task_always_eager = False
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": real_broker,
        "CLEARANCE_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CLEARANCE_REDELIVERY_SECONDS": "3",
    }
    # Long enough that the analysis is still running when the worker is killed.
    long_letter = (LETTER + "\n") * 400
    first = _worker(env)
    try:
        version = version_upload(
            user=world.author,
            case=world.case,
            recipients=[world.mother],
            uploaded_file=SimpleUploadedFile("long.txt", long_letter.encode()),
        )
        _wait_for(version, {Status.ANALYSING}, 60)
    finally:
        _kill(first)
    assert version.status == Status.ANALYSING and not version.findings.exists()

    second = _worker(env)
    try:
        _wait_for(version, {Status.TRIAGE, Status.FAILED}, 120)
    finally:
        _kill(second)
    assert version.status == Status.TRIAGE, version.failure_reason
    assert version.analysis_attempts == 2
    hollins = version.findings.filter(text="Gary Hollins")
    assert hollins.count() == 400  # one per occurrence: one set of findings, not two
    assert version.audit_events.filter(action="analysis.completed").count() == 1
