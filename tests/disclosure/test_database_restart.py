"""The app survives its database connections being cut, as a PostgreSQL restart does, without a restart of
its own: gunicorn workers keep persistent connections, and the next request notices the dead one and opens a
new one (CONN_HEALTH_CHECKS)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from django.db import connection

from tests.conftest import VerifiedClient, World
from tests.workers import ROOT, worker_env

ADDRESS = "127.0.0.1:8766"


def _get(path: str, session: str) -> int:
    request = urllib.request.Request(f"http://{ADDRESS}{path}", headers={"Cookie": f"sessionid={session}"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server on loopback
        return int(response.status)


def _terminate_other_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return int(cursor.fetchone()[0])


def test_requests_succeed_after_the_database_drops_every_connection(
    transactional_db: None, world: World, real_broker: str
) -> None:
    env = worker_env(real_broker, DJANGO_ALLOWED_HOSTS="127.0.0.1")
    client = VerifiedClient()
    client.force_login(world.author)
    session = client.cookies["sessionid"].value
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", ADDRESS, "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(120):
            try:
                assert _get("/cases/", session) == 200
                break
            except OSError:
                time.sleep(0.25)
        assert _terminate_other_connections() >= 1  # the worker's persistent connection, as a restart would
        assert _get("/cases/", session) == 200
        assert _get(f"/cases/{world.case.pk}/", session) == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
