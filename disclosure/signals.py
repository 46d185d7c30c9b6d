"""Logins and failed logins, which Django's auth views perform, written to the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest

from disclosure.audit import audit_record


def _client(request: HttpRequest | None) -> dict[str, str]:
    if request is None:
        return {}
    return {"ip": request.META.get("REMOTE_ADDR", ""), "agent": request.META.get("HTTP_USER_AGENT", "")[:200]}


@receiver(user_logged_in)
def _logged_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    with transaction.atomic():
        audit_record(actor=user, action="auth.login", summary=f"{user.get_username()} logged in", data=_client(request))


@receiver(user_logged_out)
def _logged_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is None:
        return
    with transaction.atomic():
        audit_record(
            actor=user, action="auth.logout", summary=f"{user.get_username()} logged out", data=_client(request)
        )


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    username = str(credentials.get("username", ""))[:150]  # Django already masks the password
    with transaction.atomic():
        audit_record(
            actor=None,
            action="auth.login_failed",
            summary=f"Failed login as {username!r}",
            data={"username": username, **_client(request)},
        )
