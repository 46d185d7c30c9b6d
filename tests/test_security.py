"""Password guessing is locked out, every page carries a strict CSP, and production settings pass
Django's deployment checks."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet
from django.test import Client
from django.urls import reverse

from disclosure.models import AuditEvent
from tests.conftest import World
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[1]


def test_repeated_failed_logins_lock_the_account(client: Client, world: World) -> None:
    for _ in range(5):
        client.post(reverse("login"), {"username": "author", "password": "guess"})
    response = client.post(reverse("login"), {"username": "author", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="auth.login_failed").count() >= 5


def test_pages_carry_a_strict_content_security_policy(client: Client, world: World) -> None:
    client.force_login(world.author)
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_templates_have_no_inline_script_style_or_handlers() -> None:
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        if (
            re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)
            or re.search(r"\sstyle=\"", text)
            or re.search(r"\son[a-z]+=\"", text)
        ):
            offenders.append(template.name)
    assert offenders == []


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_production_settings_pass_the_deployment_checks(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set by the browser tests
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "CLEARANCE_HTTPS": "1",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "clearance.example.org",
        "CLEARANCE_VAR_DIR": str(tmp_path),
        "CLEARANCE_STORAGE_KEYS": Fernet.generate_key().decode(),
    }
    result = _manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    env.pop("CLEARANCE_STORAGE_KEYS")
    without_key = _manage(env, "check", "--deploy")
    assert "clearance.W001" in without_key.stdout + without_key.stderr
