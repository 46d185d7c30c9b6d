"""Small helpers the views share: turning a refused action into a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

from disclosure.errors import ActionRefused

T = TypeVar("T")
R = TypeVar("R", bound=HttpResponseBase)


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


def as_attachment(response: R, file_name: str) -> R:
    """Every file Clearance sends: downloaded, never shown inline, never cached. (nosniff is on every
    response already, from SecurityMiddleware.)"""
    response["Content-Disposition"] = content_disposition_header(True, file_name)
    response["Cache-Control"] = "no-store"
    return response
