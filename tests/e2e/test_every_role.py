"""Each role's main path in real Chromium, including the refusals a user can meet, with an axe-core
accessibility check of every page on the way (no serious or critical violations)."""

from __future__ import annotations

from typing import Any

import pytest

from disclosure.models import DocumentVersion
from tests.conftest import World, submit_for_check
from tests.e2e.conftest import PageAudit, login

pytestmark = pytest.mark.e2e


def _new_page(browser: Any) -> Any:
    # Playwright's injected axe script must not be stopped by our own Content-Security-Policy.
    return browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()


def test_every_role_main_path_and_refusals_are_accessible(
    transactional_db: None, live_server: Any, browser: Any, world: World, upload: Any, audit: PageAudit
) -> None:
    base = live_server.url
    own = upload()
    mine = upload(name="own-check.txt", user=world.checker2)  # checker2 is also an author
    submit_for_check(world.checker2, mine)
    submit_for_check(world.author, own)
    own.refresh_from_db()

    page = _new_page(browser)
    page.goto(f"{base}/login/")
    audit(page, "login")
    login(page, base, "author")
    audit(page, "author-home")
    for path, name in [
        ("/cases/", "case-list"),
        (f"/cases/{world.case.pk}/", "case-detail"),
        (f"/cases/{world.case.pk}/upload/", "upload"),
        ("/cases/new/", "case-new"),
        (f"/versions/{own.pk}/", "version"),
        (f"/versions/{own.pk}/triage/", "triage"),
        (f"/versions/{own.pk}/preview/", "preview"),
    ]:
        page.goto(base + path)
        audit(page, f"author-{name}")
    page.goto(f"{base}/check/")
    assert page.get_by_role("heading", name="Not allowed").is_visible()
    audit(page, "author-refused-check-queue")
    page.goto(f"{base}/cases/{world.other_case.pk}/")
    assert page.get_by_role("heading", name="Not found").is_visible()
    audit(page, "author-other-team-case")
    page.context.close()

    page = _new_page(browser)
    login(page, base, "checker2")
    page.goto(f"{base}/check/")
    audit(page, "checker-queue")
    page.goto(f"{base}/versions/{mine.pk}/check/")
    assert page.get_by_text("You uploaded this version").is_visible()
    assert page.get_by_role("button", name="Approve this redacted file").count() == 0
    audit(page, "checker-refused-self-approval")
    page.goto(f"{base}/versions/{own.pk}/check/")
    audit(page, "checker-review")
    page.get_by_label("What must the author change?").fill("Please check the street name.")
    page.get_by_role("button", name="Return to author").click()
    page.wait_for_load_state()
    audit(page, "checker-after-return")
    page.context.close()

    page = _new_page(browser)
    login(page, base, "dpo")
    audit(page, "dpo-home")
    for path, name in [
        (f"/cases/{world.other_case.pk}/", "other-team-case"),
        (f"/versions/{own.pk}/", "version"),
        (f"/versions/{own.pk}/audit/", "audit-trail"),
        ("/dpo/", "dashboard"),
        ("/dpo/register/", "register"),
        ("/dpo/trace/?name=Gary+Hollins", "trace"),
        (f"/dpo/versions/{own.pk}/history/", "history"),
    ]:
        page.goto(base + path)
        audit(page, f"dpo-{name}")
    page.goto(f"{base}/versions/{own.pk}/triage/")
    assert page.get_by_role("heading", name="Not allowed").is_visible()
    audit(page, "dpo-refused-triage")
    page.context.close()

    assert own.__class__.objects.get(pk=own.pk).status == DocumentVersion.Status.RETURNED
    assert audit.problems == []
