"""The DPO's reports in real Chromium, on data made through the services in two teams."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from disclosure.models import AuditEvent
from review.models import CheckDecision
from review.services import check_return
from tests.conftest import World, submit_for_check
from tests.e2e.conftest import login as _login  # logs in, giving the DPO's second factor
from tests.reports.conftest import NORTH_LETTER, at, release_maker, today
from tests.reports.test_dashboard import FAMILY_ALLEGATION

pytestmark = pytest.mark.e2e

HOLLINS_SENTENCE = "Your neighbour Gary Hollins was arrested last month after police were called to his flat."
FAMILY_PASSAGE = "Adaeze Okafor was arrested in March after police were called to the family home."


@pytest.fixture
def release_doc(world: World, django_capture_on_commit_callbacks: Any) -> Any:
    return release_maker(world, django_capture_on_commit_callbacks)


def _history(world: World, release_doc: Any, upload: Any) -> Any:
    """A document returned once at check, re-uploaded with a change, then released."""
    first = upload(title="Core group minutes")
    submit_for_check(world.author, first)
    first.refresh_from_db()
    check_return(user=world.checker, version=first, comments="The street where Liam lives identifies him")
    changed = first.extracted_text.replace("who lives on the next street", "who lives nearby")
    return release_doc(changed, document=first.document, keep=["Gary Hollins", HOLLINS_SENTENCE])


def test_dpo_reports_in_the_browser(
    transactional_db: None,
    live_server: Any,
    browser: Any,
    world: World,
    screenshots: Path,
    release_doc: Any,
    upload: Any,
) -> None:
    base = live_server.url
    weeks_ago = [today() - dt.timedelta(days=d) for d in (70, 56, 40, 33, 20, 12, 5)]
    for i, day in enumerate(weeks_ago):
        release_doc(title=f"Visit letter {i + 1}", released_at=at(day, 10 + i))
    for i, day in enumerate(weeks_ago[1::2]):
        release_doc(NORTH_LETTER, case=world.other_case, title=f"North letter {i + 1}", released_at=at(day, 15))
    release_doc(FAMILY_ALLEGATION, title="Letter about the police visit", keep=[FAMILY_PASSAGE])
    history = _history(world, release_doc, upload)
    # Checks made by the services all happen within the test's second; spread them as real ones would be.
    for i, check in enumerate(CheckDecision.objects.order_by("pk")):
        CheckDecision.objects.filter(pk=check.pk).update(submitted_at=check.decided_at - dt.timedelta(hours=2 + 3 * i))

    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    _login(page, base, "dpo")
    page.get_by_role("link", name="Reports", exact=True).click()
    page.wait_for_url(f"{base}/dpo/")
    assert "100.0%" in page.locator("main").inner_text()
    assert page.locator("svg[role=img] title").first.text_content() == "Releases per week"
    page.screenshot(path=screenshots / "01-dashboard.png", full_page=True)

    # Keyboard: the filters are reachable and usable without a mouse.
    page.get_by_label("Team", exact=True).select_option(label=world.other_team.name)
    page.get_by_label("Team", exact=True).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Apply filters"
    page.keyboard.press("Enter")
    page.wait_for_url("**/dpo/?*team=*")
    assert f"team {world.other_team.name}" in page.locator("main").inner_text()
    page.screenshot(path=screenshots / "02-dashboard-north.png", full_page=True)

    page.get_by_role("link", name="Disclosure register").click()
    page.wait_for_url("**/dpo/register/")
    assert page.get_by_text(history.sha256).is_visible()
    page.screenshot(path=screenshots / "03-register.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV of the filtered register").click()
    assert download.value.suggested_filename.endswith(".csv")
    assert AuditEvent.objects.filter(action="export.register_csv", actor=world.dpo).exists()

    page.get_by_role("link", name="Trace a person").click()
    page.get_by_label("Person's name").fill("Gary Hollins")
    page.get_by_role("button", name="Trace").click()
    page.wait_for_url("**/dpo/trace/?name=*")
    released = page.locator("section", has=page.get_by_role("heading", name="Where the name was released"))
    assert "Core group minutes" in released.inner_text()
    page.screenshot(path=screenshots / "04-trace.png", full_page=True)
    assert AuditEvent.objects.filter(action="report.trace", data__name="Gary Hollins").exists()

    released.get_by_role("link", name="Core group minutes (v2)").click()
    page.wait_for_url(f"**/dpo/versions/{history.version_id}/history/")
    assert page.get_by_role("heading", name="Version 2:").is_visible()
    assert "The street where Liam lives identifies him" in page.locator("main").inner_text()
    page.screenshot(path=screenshots / "05-history.png", full_page=True)
    page.close()
