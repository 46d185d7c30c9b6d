"""Shared reads for the reports: the releases in a period, the independence rule, the register rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet
from django.utils import timezone

from disclosure.models import Release
from disclosure.reports.forms import LONDON, Period
from review.models import CheckDecision, Finding

Decision = Finding.Decision
Suggestion = Finding.Suggestion

REDACTED = Finding.redacted_q()

T = TypeVar("T", bound=Model)


def independent_condition(prefix: str = "version__") -> Q:
    """The regulator's test, as a database condition on a release (prefix "version__") or a version ("").

    Independent: an approver is recorded, is not who uploaded the version, and made no redaction
    decision on it. The approver is read from the version, not from Release.checked_by, so that a
    release whose record and version disagree is not counted as checked.
    """
    approver = f"{prefix}approved_by"
    decided_by_approver = Finding.objects.filter(
        version=OuterRef(prefix.rstrip("_") or "pk"), decided_by=OuterRef(approver)
    )
    return (
        Q(**{f"{approver}__isnull": False})
        & ~Q(**{approver: F(f"{prefix}uploaded_by")})
        & ~Q(Exists(decided_by_approver))
    )


def _in_period(rows: QuerySet[T], when: str, team: str, period: Period) -> QuerySet[T]:
    """Rows whose `when` falls in the period, for the period's team (through the `team` lookup)."""
    if period.start:
        rows = rows.filter(**{f"{when}__gte": period.start})
    if period.end:
        rows = rows.filter(**{f"{when}__lt": period.end})
    if period.team:
        rows = rows.filter(**{team: period.team})
    return rows


def releases_in(period: Period) -> QuerySet[Release]:
    return _in_period(Release.objects.all(), "released_at", "version__document__case__team", period)


def checks_in(period: Period) -> QuerySet[CheckDecision]:
    return _in_period(CheckDecision.objects.all(), "decided_at", "version__document__case__team", period)


def register(period: Period, query: str = "") -> QuerySet[Release]:
    """Every release in the period, newest first, with what each register row shows in one query."""
    releases = releases_in(period)
    if query:
        releases = releases.filter(
            Q(version__document__case__reference__icontains=query)
            | Q(version__document__case__title__icontains=query)
            | Q(version__document__title__icontains=query)
            | Q(recipients_text__icontains=query)
            | Q(file_name__icontains=query)
        )
    return (
        releases.select_related(
            "version__document__case__team", "version__approved_by", "version__uploaded_by", "released_by", "checked_by"
        )
        .annotate(independent=independent_condition())
        .order_by("-released_at", "-id")
    )


@dataclass(frozen=True)
class RegisterRow:
    """One register line as every output shows it (page, CSV, PDF), so they cannot disagree."""

    release_id: int
    version_id: int
    released_at: datetime
    team: str
    case: str
    document: str
    recipients: str
    method: str
    released_by: str
    checked_by: str
    independent: bool
    file_name: str
    sha256: str

    @property
    def released_local(self) -> str:
        return timezone.localtime(self.released_at, LONDON).strftime("%Y-%m-%d %H:%M")


def _name(user: object) -> str:
    full = getattr(user, "get_full_name", lambda: "")()
    return full or getattr(user, "username", "")


def register_rows(releases: Iterable[Release]) -> Iterator[RegisterRow]:
    for r in releases:
        version = r.version
        yield RegisterRow(
            release_id=r.pk,
            version_id=version.pk,
            released_at=r.released_at,
            team=version.document.case.team.name,
            case=f"{version.document.case.reference} {version.document.case.title}",
            document=f"{version.document.title} (v{version.number})",
            recipients=r.recipients_text,
            method=r.get_method_display(),
            released_by=_name(r.released_by),
            checked_by=_name(r.checked_by),
            independent=bool(getattr(r, "independent", False)),
            file_name=r.file_name,
            sha256=r.sha256,
        )
