"""Enrolling an authenticator app and giving a one-time code."""

from __future__ import annotations

import segno
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from disclosure.audit import audit_record
from disclosure.views.common import AuthenticatedRequest


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next(request: AuthenticatedRequest) -> str:
    target = request.GET.get("next") or request.POST.get("next") or "/"
    return target if url_has_allowed_host_and_scheme(target, {request.get_host()}) else "/"


def setup(request: AuthenticatedRequest) -> HttpResponse:
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name="Authenticator app", confirmed=False
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                audit_record(actor=request.user, action="auth.2fa_enrolled", summary="Enrolled an authenticator app")
            otp_login(request, device)
            messages.success(request, "Two-factor authentication is set up.")
            return redirect(_next(request))
        messages.error(request, "That code did not match. Check the time on your phone and try the newest code.")
    # The QR code is an SVG drawn from the secret on the server: nothing leaves for a QR service.
    qr = mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=5, title="QR code"))  # noqa: S308
    secret = " ".join(device.config_url.split("secret=")[1].split("&")[0][i : i + 4] for i in range(0, 32, 4))
    return render(
        request,
        "registration/two_factor_setup.html",
        {"form": form, "qr": qr, "secret": secret.strip(), "next": _next(request)},
    )


def verify(request: AuthenticatedRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        with transaction.atomic():
            if device is None:
                audit_record(actor=request.user, action="auth.2fa_failed", summary="Wrong one-time code")
            else:
                audit_record(actor=request.user, action="auth.2fa_verified", summary="Gave a one-time code")
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        messages.error(request, "That code did not match. Try the newest code from your app.")
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": _next(request)})
