"""Celery tasks of the review app: thin wrappers that take ids and call a service."""

from __future__ import annotations

from config.celery import reliable_task


@reliable_task
def prepare_outputs(version_id: int, token: str) -> None:
    from review.services import outputs_prepare

    outputs_prepare(version_id=version_id, token=token)
