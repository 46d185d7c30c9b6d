"""With a real broker the upload returns at once; the page follows the worker's progress by itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app as celery_app
from tests.conftest import LETTER, World
from tests.e2e.conftest import login as _login

pytestmark = [pytest.mark.e2e, pytest.mark.worker]


def test_version_page_moves_to_triage_when_the_worker_finishes(
    transactional_db: None,
    live_server: Any,
    browser: Any,
    world: World,
    screenshots: Path,
    tmp_path: Path,
    real_broker: str,
) -> None:
    celery_app.conf.task_always_eager = False
    base = live_server.url
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER)
    _login(page, base, "author")
    page.goto(f"{base}/cases/{world.case.pk}/upload/")
    page.get_by_label("File").set_input_files(str(letter))
    page.get_by_label("Adaeze Okafor (parent)").check()
    page.get_by_role("button", name="Upload and analyse").click()
    # No worker yet: the analysis is queued and the page says so.
    page.get_by_text("Queued: analysis will start shortly.").wait_for()
    page.screenshot(path=screenshots / "01-queued.png")
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        page.wait_for_url("**/triage/", timeout=60_000)
    page.screenshot(path=screenshots / "02-triage-after-worker.png")
    assert page.locator(".finding-item").count() > 0
