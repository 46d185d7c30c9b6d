"""Two-factor authentication (TOTP, django-otp): required for checkers and the DPO, who approve
disclosures and see everything; optional for authors, and required of anyone who has enrolled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from disclosure.roles import Role, roles_of

# Pages a user may reach before the second factor: enrolment, verification, logging out, static files.
_OPEN_PREFIXES = ("/two-factor/", "/logout/", "/static/", "/login/")


def two_factor_required(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    return bool(roles_of(user) & {Role.CHECKER, Role.DPO}) or user_has_device(user)


class RequireTwoFactorMiddleware:
    """Sends a user who needs a second factor, and has not given one this session, to enrol or verify."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = request.user
        if two_factor_required(user) and not user.is_verified() and not request.path.startswith(_OPEN_PREFIXES):
            target = "two_factor_verify" if user_has_device(user) else "two_factor_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
