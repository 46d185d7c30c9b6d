"""With the broker unreachable an upload still succeeds, says analysis is delayed, and is queued later."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from disclosure.models import DocumentVersion
from tests.conftest import World


@pytest.fixture
def use_broker(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    previous = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False

    def switch(url: str) -> None:
        # Celery reads CELERY_BROKER_URL from the environment before its own setting, and keeps pooled
        # connections: change both and drop the pools, as a process restart would.
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        celery_app.conf.broker_url = url
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    yield switch
    monkeypatch.undo()
    switch(previous)


def test_upload_succeeds_and_says_delayed_when_broker_is_down(
    client, world: World, upload, use_broker, django_capture_on_commit_callbacks
) -> None:
    use_broker("redis://127.0.0.1:1/0")  # nothing listens on port 1
    version = upload()
    assert version.status == DocumentVersion.Status.UPLOADED
    assert "delayed" in version.queue_error
    client.force_login(world.author)
    page = client.get(reverse("version_detail", args=[version.pk]))
    assert b"Analysis is delayed" in page.content and b"Try to queue it now" in page.content

    use_broker("memory://")  # the broker is back
    DocumentVersion.objects.filter(pk=version.pk).update(status_changed_at=timezone.now() - timezone.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_analysis")
    version.refresh_from_db()
    assert version.queue_error == ""
