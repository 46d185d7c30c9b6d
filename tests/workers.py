"""Real Celery worker processes for the tests that must see a worker die or run out of time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from disclosure.models import DocumentVersion
from tests.conftest import REQUIRE_SERVICES

ROOT = Path(__file__).resolve().parents[1]


def worker_env(broker: str, **extra: str) -> dict[str, str]:
    """Environment for a worker process that shares this test's PostgreSQL database and media folder."""
    if connection.vendor != "postgresql":
        if REQUIRE_SERVICES:
            pytest.fail("worker-process tests need DATABASE_URL on PostgreSQL")
        pytest.skip("a worker process cannot share the in-memory SQLite test database")
    db = settings.DATABASES["default"]
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": broker,
        "CLEARANCE_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **extra,
    }


def start_worker_process(env: dict[str, str]) -> subprocess.Popen[bytes]:
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
            f"--loglevel={os.environ.get('CLEARANCE_WORKER_LOGLEVEL', 'WARNING')}",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=open(os.environ.get("CLEARANCE_WORKER_LOG", os.devnull), "ab"),
        stderr=subprocess.STDOUT,
    )


def kill_worker(worker: subprocess.Popen[bytes]) -> None:
    os.killpg(worker.pid, signal.SIGKILL)  # the whole worker: main process and pool children
    worker.wait(timeout=30)


def wait_for_status(version: DocumentVersion, statuses: set[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.status in statuses:
            return
        time.sleep(0.1)
    raise AssertionError(f"version stayed {version.status}")
