"""Celery tasks of the review app: thin wrappers that take ids and call a service."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def prepare_outputs(version_id: int, token: str) -> None:
    from review.services import outputs_prepare

    outputs_prepare(version_id=version_id, token=token)
