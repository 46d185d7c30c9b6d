"""Small helpers the views share: turning a refused action into a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest

from disclosure.errors import ActionRefused

T = TypeVar("T")


class AuthenticatedRequest(HttpRequest):
    """Every view but login sits behind LoginRequiredMiddleware, so its user is a real User."""

    user: User


def attempt(request: HttpRequest, action: Callable[[], T], success: str = "") -> T | None:
    """Runs a service call; a refusal becomes an error message instead of a 500."""
    try:
        result = action()
    except ActionRefused as refusal:
        messages.error(request, str(refusal))
        return None
    if success:
        messages.success(request, success)
    return result
