"""Celery tasks: thin wrappers that take an id and call a service. (Django allowed here.)"""

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
def analyse_version(version_id: int) -> None:
    from disclosure.analysis import version_analyse

    version_analyse(version_id=version_id)
