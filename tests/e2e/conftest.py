"""Real Chromium (Debian's package) driven by Playwright against pytest-django's live server."""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import REQUIRE_SERVICES
from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CLEARANCE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("CLEARANCE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in the test thread; the test's own ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def login(page: Any, base: str, username: str) -> None:
    """Logs in through the pages, giving a one-time code from the user's authenticator when asked."""
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    if "/two-factor/setup/" in page.url:
        secret = page.locator("[data-secret]").inner_text().replace(" ", "")
        page.get_by_label("Six-digit code").fill(_code(base64.b32decode(secret)))
        page.get_by_role("button", name="Confirm").click()
    elif "/two-factor/verify/" in page.url:
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.get_by_label("Six-digit code").fill(_code(device.bin_key))
        page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{base}/")


def _code(key: bytes) -> str:
    return f"{TOTP(key).token():06d}"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if REQUIRE_SERVICES:
            pytest.fail(f"Chromium not found at {CHROMIUM}: install the Debian package chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def screenshots(request: pytest.FixtureRequest) -> Path:
    folder = SCREENSHOTS / "screenshots" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PageAudit:
    """Screenshots a page and runs axe-core on it, collecting serious and critical violations."""

    def __init__(self, folder: Path) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.folder = folder
        self.problems: list[str] = []
        self.count = 0

    def __call__(self, page: Any, name: str) -> None:
        self.count += 1
        page.screenshot(path=self.folder / f"{self.count:02d}-{name}.png", full_page=True)
        results = self.axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                self.problems.append(f"{name}: {violation['id']} ({violation['impact']}) {targets}")


@pytest.fixture
def audit(screenshots: Path) -> PageAudit:
    return PageAudit(screenshots)
