"""The whole four-eyes journey in real Chromium: author uploads and triages, checker approves, author releases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from disclosure.models import DocumentVersion, Release
from tests.conftest import LETTER, World
from tests.e2e.conftest import login as _login

pytestmark = pytest.mark.e2e


def _logout(page: Any) -> None:
    page.get_by_role("button", name="Log out").click()


def test_author_checker_release_journey(
    transactional_db: None, live_server: Any, browser: Any, world: World, screenshots: Path, tmp_path: Path
) -> None:
    base = live_server.url
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    letter = tmp_path / "visit-letter.txt"
    letter.write_text(LETTER)

    _login(page, base, "author")
    page.screenshot(path=screenshots / "01-author-home.png")
    page.goto(f"{base}/cases/{world.case.pk}/")
    page.get_by_role("link", name="Upload a document").click()
    page.get_by_label("File").set_input_files(str(letter))
    page.get_by_label("Title").fill("Letter after home visit")
    page.get_by_label("Adaeze Okafor (parent)").check()
    page.screenshot(path=screenshots / "02-upload.png")
    page.get_by_role("button", name="Upload and analyse").click()

    # Analysis runs after commit; the version page shows progress and offers triage when it is done.
    page.wait_for_url("**/versions/*/**", timeout=30_000)
    page.screenshot(path=screenshots / "03-version.png")
    if "/triage/" not in page.url:
        page.get_by_role("link", name="Open triage").click()
    page.wait_for_url("**/triage/")
    page.screenshot(path=screenshots / "04-triage.png", full_page=True)

    def finding(text: str) -> Any:
        return page.locator(".finding-item").filter(has=page.locator("strong", has_text=re.compile(f"^{text}$")))

    assert "REDACTED" in finding("Gary Hollins").inner_text().upper()
    liam = finding("Liam Doyle")
    liam.get_by_role("button", name="Redact").click()
    page.wait_for_load_state()
    page.get_by_label("Word or name").fill("next street")
    page.get_by_role("button", name="Redact every occurrence").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Preview redacted text").click()
    preview = page.locator(".doc-text").inner_text()
    assert "Gary Hollins" not in preview and "next street" not in preview and "Chidi" in preview
    page.screenshot(path=screenshots / "05-preview.png")
    page.go_back()
    page.get_by_role("button", name="Submit for independent check").click()
    page.wait_for_load_state()
    page.screenshot(path=screenshots / "06-submitted.png")
    version = DocumentVersion.objects.get(document__case=world.case)
    assert version.status == DocumentVersion.Status.AWAITING_CHECK
    _logout(page)

    _login(page, base, "checker")
    page.get_by_role("link", name="Open check queue").click()
    page.screenshot(path=screenshots / "07-check-queue.png")
    page.get_by_role("link", name="Check Letter after home visit").click()
    assert "Gary Hollins" not in page.locator(".doc-text").inner_text()
    # The redacted PDF's page is drawn and loads under the content security policy.
    picture = page.get_by_role("img", name="Page 1 of the redacted PDF as it will be sent")
    picture.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle(), timeout=10000)
    page.screenshot(path=screenshots / "08-check-review.png", full_page=True)
    page.get_by_role("button", name="Approve this redacted file").click()
    page.wait_for_load_state()
    version.refresh_from_db()
    assert version.status == DocumentVersion.Status.APPROVED
    assert version.approved_by == world.checker
    _logout(page)

    _login(page, base, "author")
    page.goto(f"{base}/versions/{version.pk}/")
    page.get_by_role("link", name="Release").click()
    page.get_by_label("Method").select_option("post")
    page.get_by_label("I confirm").check()
    page.screenshot(path=screenshots / "09-release.png")
    page.get_by_role("button", name="Record release").click()
    page.wait_for_url(f"**/cases/{world.case.pk}/")
    page.screenshot(path=screenshots / "10-case-with-release.png", full_page=True)
    release = Release.objects.get(version=version)
    assert release.sha256 == version.outputs.get(format=release.format).sha256
    assert page.get_by_role("link", name="Download released Letter after home visit").is_visible()
    page.close()
