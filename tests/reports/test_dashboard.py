"""The dashboard's figures: independence share, returns, median time, redactions, kept passages, filters."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from disclosure.models import Release
from disclosure.reports.dashboard import dashboard
from disclosure.reports.forms import Period
from review.models import CheckDecision, Finding
from review.services import check_return
from tests.conftest import World, submit_for_check
from tests.reports.conftest import NORTH_LETTER, at, today

ALL = Period(start=None, end=None, team=None)
FAMILY_ALLEGATION = (
    "Dear Ms Okafor,\n\n"
    "Chidi is settled at school.\n"
    "Adaeze Okafor was arrested in March after police were called to the family home.\n\n"
    "Yours sincerely,\nRebecca Lowther\nSocial Worker\n"
)


def test_share_independently_checked_counts_only_independent_approvals(world: World, release_doc) -> None:
    releases = [release_doc(title=f"Letter {i}") for i in range(3)]
    assert dashboard(ALL).independent == 3 and dashboard(ALL).independent_percent == 100
    # Simulate a release whose approver had also made a redaction decision on the version (the services
    # refuse this, so only a bypass or old data could produce it): it must not count as independent.
    tainted = releases[0].version
    Finding.objects.filter(pk=tainted.findings.first().pk).update(decided_by=tainted.approved_by)
    figures = dashboard(ALL)
    assert (figures.releases, figures.independent, figures.not_independent_count) == (3, 2, 1)
    assert round(figures.independent_percent or 0, 1) == 66.7
    assert [r.pk for r in figures.not_independent] == [releases[0].pk]
    # A decision by someone else (here the author) leaves independence intact.
    Finding.objects.filter(version=tainted).update(decided_by=world.author)
    assert dashboard(ALL).independent == 3


def test_dashboard_page_shows_share_and_shortfall(client: Client, world: World, release_doc) -> None:
    release = release_doc()
    client.force_login(world.dpo)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "100.0%" in page and "Meets the requirement" in page
    Finding.objects.filter(version=release.version).update(decided_by=release.version.approved_by)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "0.0%" in page and "Below the required 100%" in page and "Releases not independently checked" in page


def test_returns_and_median_time_to_decision(world: World, upload) -> None:
    version = upload()
    submit_for_check(world.author, version)
    version.refresh_from_db()
    check_return(user=world.checker, version=version, comments="Redact the school name")
    submitted = at(today() - dt.timedelta(days=1), 9)
    for hours, outcome in ((2, "returned"), (4, "approved"), (10, "approved")):
        CheckDecision.objects.create(
            version=version,
            checker=world.checker2,
            author=world.author,
            outcome=outcome,
            comments="Again" if outcome == "returned" else "",
            output_sha256="0" * 64,
            submitted_at=submitted,
            decided_at=submitted + dt.timedelta(hours=hours),
        )
    CheckDecision.objects.filter(comments="Redact the school name").update(
        submitted_at=submitted, decided_at=submitted + dt.timedelta(hours=1)
    )
    figures = dashboard(ALL)
    assert (figures.checks, figures.returns) == (4, 2)
    assert figures.median_hours == 3.0  # median of 1, 2, 4, 10 hours
    assert figures.recent_returns[0].comments in ("Again", "Redact the school name")
    team = next(t for t in figures.teams if t.team == world.team.name)
    assert (team.checks, team.returns, team.median_hours) == (4, 2, 3.0)


def test_redactions_rejected_suggestions_and_kept_family_allegations(world: World, release_doc) -> None:
    release_doc(keep=["Gary Hollins"])
    passage = "Adaeze Okafor was arrested in March after police were called to the family home."
    release_doc(FAMILY_ALLEGATION, title="Allegation letter", keep=[passage])
    release_doc(FAMILY_ALLEGATION, title="Allegation redacted")  # the same passage, redacted this time
    figures = dashboard(ALL)
    categories = dict(figures.by_category)
    assert categories["Person"] >= 1 and categories["Criminal allegation"] >= 1
    assert "Third-party personal data" in dict(figures.by_reason)
    # Keeping a "review" suggestion is a decision, not a rejected redaction.
    kept = [f.text for f in figures.rejected_then_approved]
    assert kept == ["Gary Hollins"]
    assert figures.rejected_then_approved[0].decision_note == "The family already knows"
    allegations = figures.kept_family_allegations
    assert [f.version.document.title for f in allegations] == ["Allegation letter"]
    assert "arrested" in allegations[0].text


def test_dashboard_filters_by_date_and_team(client: Client, world: World, release_doc) -> None:
    old = today() - dt.timedelta(days=200)
    release_doc(released_at=at(old))
    release_doc(title="Recent south")
    release_doc(NORTH_LETTER, case=world.other_case, title="Recent north")
    assert dashboard(ALL).releases == 3
    recent = Period(start=at(today() - dt.timedelta(days=7), 0), end=None, team=None)
    assert dashboard(recent).releases == 2
    assert dashboard(Period(start=None, end=None, team=world.other_team)).releases == 1
    figures = dashboard(Period(start=None, end=at(today() - dt.timedelta(days=100), 0), team=world.team))
    assert figures.releases == 1
    assert sum(n for _, n in figures.weeks) == 1

    client.force_login(world.dpo)
    page = client.get(reverse("reports:dashboard"))  # default: the last twelve weeks
    assert page.context["d"].releases == 2
    assert len(page.context["d"].weeks) in (13, 14)
    page = client.get(reverse("reports:dashboard"), {"date_from": "", "date_to": "", "team": world.team.pk})
    assert page.context["d"].releases == 2
    assert [t.team for t in page.context["d"].teams] == [world.team.name]
    page = client.get(reverse("reports:dashboard"), {"date_from": "2030-01-02", "date_to": "2030-01-01"})
    assert "The start date must not be after the end date." in page.content.decode()


def test_releases_per_week_are_counted_in_london_weeks(world: World, release_doc) -> None:
    # 23:30 on Sunday 30 March 2025 in London is 22:30 UTC the same day; Monday 31 March is a new week.
    release_doc(released_at=dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC) - dt.timedelta(hours=1))
    release_doc(released_at=dt.datetime(2025, 3, 30, 23, 30, tzinfo=dt.UTC))
    weeks = dict(dashboard(ALL).weeks)
    assert weeks == {dt.date(2025, 3, 24): 1, dt.date(2025, 3, 31): 1}


def test_dashboard_charts_are_labelled_with_figures_in_a_table(client: Client, world: World, release_doc) -> None:
    release_doc()
    client.force_login(world.dpo)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert page.count('role="img"') == 4
    assert '<title id="weeks-title">Releases per week</title>' in page
    assert "figures as a table" in page
    assert Release.objects.count() == 1
