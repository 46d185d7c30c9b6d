"""The Celery app. Settings come from Django's settings under the CELERY_ prefix."""

import os

from celery import Celery, shared_task
from django.db import InterfaceError, OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("clearance")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["redaction", "review"])

# The decorator for every task of ours: acknowledged only when done (a killed worker's task is
# redelivered), and retried with backoff while the database is unreachable. The tasks are idempotent.
reliable_task = shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
