"""Deployment checks of our own, run by `manage.py check --deploy`."""

from __future__ import annotations

import os
from typing import Any

from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def storage_key_from_environment(app_configs: Any, **kwargs: Any) -> list[Warning]:
    if os.environ.get("CLEARANCE_STORAGE_KEYS", "").strip():
        return []
    return [
        Warning(
            "CLEARANCE_STORAGE_KEYS is not set: documents are encrypted with a key generated into var/, "
            "which sits beside the files it protects.",
            hint="Set CLEARANCE_STORAGE_KEYS to a Fernet key kept outside the media storage.",
            id="clearance.W001",
        )
    ]
