"""The dashboard's figures, each aggregated in the database for the chosen period and team."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncWeek

from disclosure.models import Release, Team
from disclosure.reports.forms import LONDON, Period
from disclosure.reports.selectors import REDACTED, checks_in, independent_condition, releases_in
from review.models import CATEGORY_LABELS, CheckDecision, Finding

TEAM = "version__document__case__team__name"
_WEEK = dt.timedelta(days=7)


class _Headline:
    """What the dashboard and each team's row both show from their counts."""

    independent: int
    releases: int
    median_hours: float | None

    @property
    def independent_percent(self) -> float | None:
        return 100 * self.independent / self.releases if self.releases else None

    @property
    def median_text(self) -> str:
        return duration_text(self.median_hours)


@dataclass(frozen=True)
class TeamFigures(_Headline):
    team: str
    releases: int = 0
    independent: int = 0
    returns: int = 0
    checks: int = 0
    median_hours: float | None = None
    redactions: int = 0


def duration_text(hours: float | None) -> str:
    """Minutes for quick checks, hours for most, days for the slow: the unit a reader expects."""
    if hours is None:
        return "none"
    if hours < 1.5:
        return f"{round(hours * 60)} min"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


@dataclass
class Dashboard(_Headline):
    weeks: list[tuple[dt.date, int]]
    releases: int
    independent: int
    not_independent: list[Release]
    checks: int
    returns: int
    recent_returns: list[CheckDecision]
    median_hours: float | None
    by_category: list[tuple[str, int]]
    by_reason: list[tuple[str, int]]
    rejected_then_approved: list[Finding]
    kept_family_allegations: list[Finding]
    teams: list[TeamFigures] = field(default_factory=list)

    @property
    def not_independent_count(self) -> int:
        return self.releases - self.independent


def dashboard(period: Period) -> Dashboard:
    releases = releases_in(period)
    totals = releases.aggregate(total=Count("id"), independent=Count("id", filter=independent_condition()))
    checks = checks_in(period)
    check_totals = checks.aggregate(
        total=Count("id"), returns=Count("id", filter=Q(outcome=CheckDecision.Outcome.RETURNED))
    )
    released_findings = Finding.objects.filter(version__release__in=releases)
    redacted = released_findings.filter(REDACTED)
    return Dashboard(
        weeks=_weeks(releases, period),
        releases=totals["total"],
        independent=totals["independent"],
        not_independent=list(
            releases.exclude(independent_condition()).select_related(
                "version__document__case", "version__approved_by", "version__uploaded_by", "released_by"
            )[:50]
        ),
        checks=check_totals["total"],
        returns=check_totals["returns"],
        recent_returns=list(
            checks.filter(outcome=CheckDecision.Outcome.RETURNED)
            .select_related("version__document__case", "checker")
            .order_by("-decided_at")[:10]
        ),
        median_hours=_median_hours(checks),
        by_category=[
            (CATEGORY_LABELS.get(row["category"], row["category"]), row["n"])
            for row in redacted.values("category").annotate(n=Count("id")).order_by("-n", "category")
        ],
        by_reason=[
            (row["reason_code__label"] or "No reason code", row["n"])
            for row in redacted.values("reason_code__label").annotate(n=Count("id")).order_by("-n")
        ],
        # Suggested redactions the author kept in, that an independent checker then approved and went out.
        rejected_then_approved=list(
            released_findings.filter(
                source=Finding.Source.ENGINE, suggested_action=Finding.Suggestion.REDACT, decision=Finding.Decision.KEEP
            )
            .select_related("version__document__case", "version__approved_by", "decided_by", "version__release")
            .order_by("-version__release__released_at", "start")[:100]
        ),
        # A family is entitled to what is alleged about it; the DPO still wants to see each such release.
        kept_family_allegations=list(
            released_findings.filter(category="criminal_allegation", party="family")
            .exclude(REDACTED)
            .select_related("version__document__case", "version__release")
            .order_by("-version__release__released_at", "start")[:100]
        ),
        teams=_per_team(releases, checks, redacted, period),
    )


def _weeks(releases: QuerySet[Release], period: Period) -> list[tuple[dt.date, int]]:
    counted = {
        row["week"].astimezone(LONDON).date() if isinstance(row["week"], dt.datetime) else row["week"]: row["n"]
        for row in releases.annotate(week=TruncWeek("released_at", tzinfo=LONDON))
        .values("week")
        .annotate(n=Count("id"))
        .order_by("week")
    }
    first = period.first_day or (min(counted) if counted else None)
    last = period.last_day or (max(counted) if counted else None)
    if first is None or last is None:
        return []
    # Every week of the period, the quiet ones too, so a gap in releases shows as a gap.
    monday = first - dt.timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append((monday, counted.get(monday, 0)))
        monday += _WEEK
    return weeks


_TOOK = ExpressionWrapper(F("decided_at") - F("submitted_at"), output_field=DurationField())


def _median_hours(checks: QuerySet[CheckDecision]) -> float | None:
    """The median of decided_at - submitted_at, picked by the database with ORDER BY and OFFSET
    (portable across SQLite and PostgreSQL, and reads at most two rows)."""
    timed = checks.filter(submitted_at__isnull=False)
    count = timed.count()
    if not count:
        return None
    ordered = timed.order_by(_TOOK).values_list(_TOOK, flat=True)
    middle = list(ordered[(count - 1) // 2 : count // 2 + 1])
    seconds = sum(d.total_seconds() for d in middle) / len(middle)
    return seconds / 3600


def _per_team(
    releases: QuerySet[Release], checks: QuerySet[CheckDecision], redacted: QuerySet[Finding], period: Period
) -> list[TeamFigures]:
    teams = [period.team] if period.team else list(Team.objects.order_by("name"))
    released = {
        row[TEAM]: row
        for row in releases.values(TEAM).annotate(n=Count("id"), ind=Count("id", filter=independent_condition()))
    }
    checked = {
        row[TEAM]: row
        for row in checks.values(TEAM).annotate(
            n=Count("id"), ret=Count("id", filter=Q(outcome=CheckDecision.Outcome.RETURNED))
        )
    }
    cut = {row[TEAM]: row["n"] for row in redacted.values(TEAM).annotate(n=Count("id"))}
    return [
        TeamFigures(
            team=team.name,
            releases=released.get(team.name, {}).get("n", 0),
            independent=released.get(team.name, {}).get("ind", 0),
            checks=checked.get(team.name, {}).get("n", 0),
            returns=checked.get(team.name, {}).get("ret", 0),
            median_hours=_median_hours(checks.filter(version__document__case__team=team)),
            redactions=cut.get(team.name, 0),
        )
        for team in teams
    ]
