"""The disclosure register: rows, filters, pagination, CSV and PDF exports, each export audited."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from disclosure.models import AuditEvent, Release
from disclosure.reports.exports import CSV_HEADER
from disclosure.reports.forms import LONDON
from tests.conftest import World
from tests.reports.conftest import NORTH_LETTER, at, today


def _csv(client: Client, **params: object) -> list[dict[str, str]]:
    response = client.get(reverse("reports:register_csv"), params)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="disclosure-register-')
    text = b"".join(response.streaming_content).decode()
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == CSV_HEADER
    return list(reader)


def test_register_lists_every_release_with_what_the_regulator_asks(client: Client, world: World, release_doc) -> None:
    south = release_doc()
    north = release_doc(NORTH_LETTER, case=world.other_case, title="North letter")
    client.force_login(world.dpo)
    page = client.get(reverse("reports:register")).content.decode()
    for release in (south, north):
        assert release.sha256 in page
        assert release.version.document.case.reference in page
        assert release.recipients_text in page
    assert "north_checker" in page and "checker" in page and "north_author" in page


def test_csv_export_matches_the_register(client: Client, world: World, release_doc) -> None:
    releases = [release_doc(title=f"Letter {i}") for i in range(3)]
    releases.append(release_doc(NORTH_LETTER, case=world.other_case, title="North letter"))
    client.force_login(world.dpo)
    page = client.get(reverse("reports:register"))
    shown = page.context["rows"]
    rows = _csv(client)
    assert [r["sha256"] for r in rows] == [r.sha256 for r in shown]
    for row, register_row in zip(rows, shown, strict=True):
        release = Release.objects.select_related("version__document__case", "released_by", "checked_by").get(
            sha256=register_row.sha256, pk=register_row.release_id
        )
        assert row["case"] == f"{release.version.document.case.reference} {release.version.document.case.title}"
        assert row["document"] == f"{release.version.document.title} (v{release.version.number})"
        assert row["recipients"] == release.recipients_text
        assert row["released_by"] == release.released_by.username
        assert row["checked_by"] == release.checked_by.username
        assert row["independently_checked"] == "yes"
        assert row["released_at"] == timezone.localtime(release.released_at, LONDON).strftime("%Y-%m-%d %H:%M")
    # The same filters give the same rows.
    filtered = _csv(client, team=world.other_team.pk)
    assert [r["document"] for r in filtered] == ["North letter (v1)"]
    event = AuditEvent.objects.filter(action="export.register_csv").latest("id")
    assert event.actor == world.dpo and event.data["team"] == world.other_team.name


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client: Client, world: World, release_doc) -> None:
    release_doc(title='=HYPERLINK("http://evil")')
    client.force_login(world.dpo)
    assert _csv(client)[0]["document"].startswith("'=HYPERLINK")


def test_register_filters_by_date_team_and_text(client: Client, world: World, release_doc) -> None:
    release_doc(title="Old letter", released_at=at(dt.date(2025, 1, 15)))
    release_doc(title="New letter", released_at=at(dt.date(2025, 2, 3)))
    release_doc(NORTH_LETTER, case=world.other_case, title="North letter", released_at=at(dt.date(2025, 2, 4)))
    client.force_login(world.dpo)

    def titles(**params: object) -> list[str]:
        return [r.document for r in client.get(reverse("reports:register"), params).context["rows"]]

    assert titles() == ["North letter (v1)", "New letter (v1)", "Old letter (v1)"]
    assert titles(date_from="2025-02-01") == ["North letter (v1)", "New letter (v1)"]
    assert titles(date_to="2025-02-03") == ["New letter (v1)", "Old letter (v1)"]  # the end day is included
    assert titles(date_from="2025-02-01", team=world.team.pk) == ["New letter (v1)"]
    assert titles(q="north") == ["North letter (v1)"]
    assert titles(q="Adaeze") == ["New letter (v1)", "Old letter (v1)"]  # recipients are searched


def test_register_and_dashboard_queries_do_not_grow_with_releases(client: Client, world: World, release_doc) -> None:
    client.force_login(world.dpo)

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    release_doc(title="First")
    release_doc(NORTH_LETTER, case=world.other_case, title="North")
    few = {url: queries(url) for url in (reverse("reports:register"), reverse("reports:dashboard"))}
    for i in range(3):
        release_doc(title=f"More {i}", keep=["Gary Hollins"])
    assert {url: queries(url) for url in few} == few


def test_register_pages(client: Client, world: World, release_doc, monkeypatch) -> None:
    monkeypatch.setattr("disclosure.reports.views.PAGE_SIZE", 2)
    for i in range(3):
        release_doc(title=f"Letter {i}")
    client.force_login(world.dpo)
    first = client.get(reverse("reports:register"), {"team": world.team.pk})
    assert len(first.context["rows"]) == 2 and "Page 1 of 2" in first.content.decode()
    assert f"team={world.team.pk}&amp;page=2" in first.content.decode()
    second = client.get(reverse("reports:register"), {"team": world.team.pk, "page": 2})
    assert len(second.context["rows"]) == 1


def test_monthly_pdf_report(client: Client, world: World, release_doc) -> None:
    inside = release_doc(title="February letter", released_at=at(dt.date(2025, 2, 28), 23))
    release_doc(title="March letter", released_at=at(dt.date(2025, 3, 1), 0))
    client.force_login(world.dpo)
    response = client.get(reverse("reports:register_pdf"), {"month": "2025-02"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="disclosure-register-2025-02.pdf"'
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Disclosure register: February 2025, all teams" in text
    assert "February letter" in text and "March letter" not in text
    assert inside.sha256[:32] in text
    assert "1 release(s); 1 independently checked (100%)" in text
    event = AuditEvent.objects.get(action="export.register_pdf")
    assert event.actor == world.dpo and event.data["from"] == "2025-02-01" and event.data["to"] == "2025-02-28"


def test_pdf_needs_a_month(client: Client, world: World) -> None:
    client.force_login(world.dpo)
    response = client.get(reverse("reports:register_pdf"), {"month": "February"})
    assert response.status_code == 400
    assert "Give the month as YYYY-MM." in response.content.decode()
    assert not AuditEvent.objects.filter(action="export.register_pdf").exists()


def test_register_defaults_to_all_time(client: Client, world: World, release_doc) -> None:
    release_doc(released_at=at(today() - dt.timedelta(days=900)))
    client.force_login(world.dpo)
    assert len(client.get(reverse("reports:register")).context["rows"]) == 1
