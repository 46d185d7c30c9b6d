"""Submission hands over to a task that makes and verifies the files; the version waits in PREPARING.

What must hold: the check queue only ever gets a version whose files are made for the decisions the
author submitted; a refused file sends the version back with the reason; a withdrawn submission's
late result lands nowhere; a broker outage delays, never loses, a submission.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from disclosure.models import AuditEvent, DocumentVersion
from review import services
from tests.conftest import World
from tests.disclosure.test_broker_down import use_broker  # noqa: F401  (a fixture)

Status = DocumentVersion.Status


def _actions(version: DocumentVersion) -> list[str]:
    return list(AuditEvent.objects.filter(version=version).order_by("pk").values_list("action", flat=True))


def test_the_version_waits_in_preparing_until_its_files_are_made(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    with TestCase.captureOnCommitCallbacks(execute=False) as queued:
        services.version_submit(user=world.author, version=version)
    version.refresh_from_db()
    assert version.status == Status.PREPARING and not version.outputs.exists()
    client.force_login(world.author)
    state = client.get(reverse("version_status", args=[version.pk])).json()
    assert state["status"] == "preparing" and not state["done"]
    page = client.get(reverse("version_detail", args=[version.pk])).content
    assert b"Preparing the redacted files" in page
    client.force_login(world.checker)
    title = version.document.title.encode()
    assert title not in client.get(reverse("check_queue")).content  # not the checker's yet

    for callback in queued:  # the task runs
        callback()
    version.refresh_from_db()
    assert version.status == Status.AWAITING_CHECK and version.submitted_by == world.author
    assert {o.format for o in version.outputs.all()} == {"pdf", "txt"} and version.output_sha256
    assert _actions(version)[-2:] == ["version.preparing", "version.submitted"]
    assert title in client.get(reverse("check_queue")).content


def test_refused_files_send_the_version_back_to_triage_with_the_reason(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    # The engine now reads the file differently from when it was analysed: the files cannot be trusted.
    DocumentVersion.objects.filter(pk=version.pk).update(extracted_text=version.extracted_text + " changed")
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.version_submit(user=world.author, version=version)
    version.refresh_from_db()
    assert version.status == Status.TRIAGE and not version.outputs.exists()
    assert "reads differently" in version.output_error
    assert _actions(version)[-2:] == ["version.preparing", "submission.refused"]
    client.force_login(world.author)
    page = client.get(reverse("triage", args=[version.pk])).content.decode()
    assert "The redacted files were refused" in page and "reads differently" in page


def test_a_decision_while_preparing_withdraws_it_and_the_late_result_lands_nowhere(
    world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    with TestCase.captureOnCommitCallbacks(execute=False) as first_run:
        services.version_submit(user=world.author, version=version)
    version.refresh_from_db()
    finding = version.findings.filter(suggested_action="redact").first()
    services.decision_record(user=world.author, finding=finding, decision="keep", note="Known to the family")
    version.refresh_from_db()
    assert version.status == Status.TRIAGE and "submission.withdrawn" in _actions(version)

    with TestCase.captureOnCommitCallbacks(execute=True):  # submitted again; its files are made
        services.version_submit(user=world.author, version=version)
    version.refresh_from_db()
    assert version.status == Status.AWAITING_CHECK
    manifest = version.output_sha256
    outputs = sorted(version.outputs.values_list("pk", flat=True))

    for callback in first_run:  # the first submission's task, running late, must not touch anything
        callback()
    version.refresh_from_db()
    assert version.status == Status.AWAITING_CHECK and version.output_sha256 == manifest
    assert sorted(version.outputs.values_list("pk", flat=True)) == outputs
    assert _actions(version).count("version.submitted") == 1


def test_a_submission_made_while_the_broker_is_down_is_delayed_then_queued_again(
    client,
    world: World,
    upload: Callable[..., DocumentVersion],
    use_broker,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    celery_app.conf.task_always_eager = True  # analysed in-process; `use_broker` had turned that off
    version = upload()
    celery_app.conf.task_always_eager = False
    use_broker("redis://127.0.0.1:1/0")  # nothing listens on port 1
    with django_capture_on_commit_callbacks(execute=True):
        services.version_submit(user=world.author, version=version)
    version.refresh_from_db()
    assert version.status == Status.PREPARING and "delayed" in version.queue_error
    client.force_login(world.author)
    assert b"is delayed" in client.get(reverse("version_detail", args=[version.pk])).content

    use_broker("memory://")  # the broker is back
    DocumentVersion.objects.filter(pk=version.pk).update(status_changed_at=timezone.now() - timezone.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_analysis")
    version.refresh_from_db()
    assert version.status == Status.PREPARING and version.queue_error == ""  # queued, waiting for a worker

    celery_app.conf.task_always_eager = True  # a worker takes it (in-process here)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_analysis")
    version.refresh_from_db()
    assert version.status == Status.AWAITING_CHECK


@pytest.mark.parametrize(
    ("fault", "message"),
    [(RuntimeError("a bug"), "unexpected error"), (SoftTimeLimitExceeded(), "took longer than")],
)
def test_a_failure_while_making_the_files_never_leaves_the_version_waiting(
    world: World, upload: Callable[..., DocumentVersion], monkeypatch: pytest.MonkeyPatch, fault, message
) -> None:
    version = upload()

    def broken(_: DocumentVersion) -> None:
        raise fault

    monkeypatch.setattr(services, "outputs_render", broken)  # a fault injected where no input can cause one
    with TestCase.captureOnCommitCallbacks(execute=False) as queued:
        services.version_submit(user=world.author, version=version)
    (task,) = queued
    task()  # a bug is logged and the task fails; a time limit is an expected end
    version.refresh_from_db()  # either way the author has the version back with a reason
    assert version.status == Status.TRIAGE and message in version.output_error and not version.queue_error
    assert not version.outputs.exists()
