"""50 people using Clearance at once: authors browsing and deciding on a 100-page document with 500
findings, checkers opening the queue and the review page. Run through benchmarks/load/run_load.py."""

from __future__ import annotations

import base64
import json
import random
import re
from pathlib import Path

from django_otp.oath import TOTP
from locust import HttpUser, between, task

WORLD = json.loads(Path(__file__).with_name("world.json").read_text())
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_FINDING = re.compile(r'action="/findings/(\d+)/decision/"')


class _Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    account: dict[str, str]

    def _login(self) -> None:
        page = self.client.get("/login/", name="login page")
        token = _CSRF.search(page.text).group(1)  # type: ignore[union-attr]
        response = self.client.post(
            "/login/",
            {"username": self.account["username"], "password": WORLD["password"], "csrfmiddlewaretoken": token},
            name="login",
        )
        if "/two-factor/verify/" in response.url:
            token = _CSRF.search(response.text).group(1)  # type: ignore[union-attr]
            code = f"{TOTP(base64.b32decode(self.account['totp_key'])).token():06d}"
            self.client.post(response.url, {"token": code, "csrfmiddlewaretoken": token}, name="second factor")


class Author(_Person):
    weight = 4

    def on_start(self) -> None:
        self.account = random.choice(WORLD["authors"])
        self._login()

    @task(3)
    def cases(self) -> None:
        self.client.get("/cases/", name="case list")
        self.client.get(f"/cases/{WORLD['case']}/", name="case page")

    @task(4)
    def triage(self) -> None:
        page = random.randint(1, 13)
        self.client.get(f"/versions/{WORLD['versions']['triage']}/triage/?show=decide&page={page}", name="triage")

    @task(3)
    def decide(self) -> None:
        page = random.randint(1, 13)
        response = self.client.get(
            f"/versions/{WORLD['versions']['triage']}/triage/?show=decide&page={page}", name="triage"
        )
        findings = _FINDING.findall(response.text)
        token = _CSRF.search(response.text)
        if not findings or token is None:
            return
        self.client.post(
            f"/findings/{random.choice(findings)}/decision/",
            {"decision": "redact", "csrfmiddlewaretoken": token.group(1), "return_to": f"show=decide&page={page}"},
            name="decision",
            allow_redirects=False,  # the decision itself; the page it returns to is counted as "triage"
        )


class Checker(_Person):
    weight = 1

    def on_start(self) -> None:
        self.account = random.choice(WORLD["checkers"])
        self._login()

    @task(2)
    def queue(self) -> None:
        self.client.get("/check/", name="check queue")

    @task(3)
    def review(self) -> None:
        self.client.get(f"/versions/{WORLD['versions']['check']}/check/", name="check review")
