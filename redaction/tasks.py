"""Celery tasks: thin wrappers that take an id and call a service. (Django allowed here.)"""

from __future__ import annotations

from config.celery import reliable_task


@reliable_task
def analyse_version(version_id: int) -> None:
    from disclosure.analysis import version_analyse

    version_analyse(version_id=version_id)
