"""Checkers and the DPO must give a one-time code; authors may enrol, and then must too."""

from __future__ import annotations

import base64
import re

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from disclosure.models import AuditEvent
from tests.conftest import World
from tests.factories import PASSWORD


def _password_login(client: Client, username: str) -> None:
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def test_checker_must_enrol_before_seeing_anything(world: World) -> None:
    client = Client()
    _password_login(client, "checker")
    response = client.get(reverse("check_queue"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor_setup"))
    page = client.get(response["Location"])
    secret = re.search(rb"data-secret>([A-Z2-7 ]+)<", page.content).group(1).replace(b" ", b"")
    code = f"{TOTP(base64.b32decode(secret)).token():06d}"
    done = client.post(reverse("two_factor_setup") + "?next=/check/", {"token": code})
    assert done.status_code == 302 and done["Location"] == "/check/"
    assert client.get(reverse("check_queue")).status_code == 200
    assert AuditEvent.objects.filter(action="auth.2fa_enrolled", actor=world.checker).exists()


def test_enrolled_dpo_must_give_a_code_each_login(world: World) -> None:
    device = TOTPDevice.objects.create(user=world.dpo, name="phone", confirmed=True)
    client = Client()
    _password_login(client, "dpo")
    redirect_to = client.get(reverse("case_list"))["Location"]
    assert redirect_to.startswith(reverse("two_factor_verify"))
    client.post(reverse("two_factor_verify"), {"token": "000000"})
    assert client.get(reverse("case_list")).status_code == 302
    assert AuditEvent.objects.filter(action="auth.2fa_failed").exists()
    # Straight after a wrong code even the right one is refused for a while (django-otp's throttling).
    client.post(reverse("two_factor_verify"), {"token": f"{TOTP(device.bin_key).token():06d}"})
    assert client.get(reverse("case_list")).status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # as if the wait had passed
    client.post(reverse("two_factor_verify"), {"token": f"{TOTP(device.bin_key).token():06d}"})
    assert client.get(reverse("case_list")).status_code == 200


def test_author_without_a_device_is_not_asked(world: World) -> None:
    client = Client()
    _password_login(client, "author")
    assert client.get(reverse("case_list")).status_code == 200


def test_author_who_enrolled_is_asked(world: World) -> None:
    TOTPDevice.objects.create(user=world.author, name="phone", confirmed=True)
    client = Client()
    _password_login(client, "author")
    assert client.get(reverse("case_list"))["Location"].startswith(reverse("two_factor_verify"))


def test_next_cannot_send_the_user_off_site(world: World) -> None:
    device = TOTPDevice.objects.create(user=world.dpo, name="phone", confirmed=True)
    client = Client()
    _password_login(client, "dpo")
    response = client.post(
        reverse("two_factor_verify") + "?next=https://evil.example/", {"token": f"{TOTP(device.bin_key).token():06d}"}
    )
    assert response["Location"] == "/"
