"""Releases made through the real services (upload, decisions, submit, approve, release) for the reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure.models import Case, DocumentVersion, Party, Release
from disclosure.reports.forms import LONDON
from disclosure.services import release_create, version_upload
from review.models import Finding, ReasonCode
from review.services import check_approve, decision_record
from tests.conftest import LETTER, World, submit_for_check

NORTH_LETTER = (
    "Dear Mrs Doyle,\n\n"
    "Liam is settled at school. His friend Chidi Okafor visited on Saturday.\n"
    "Mr Gary Hollins was seen near the school gates.\n\n"
    "Yours sincerely,\nPriya Shah\nSocial Worker\n"
)


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


@pytest.fixture
def release_doc(world: World, django_capture_on_commit_callbacks: Any) -> Callable[..., Release]:
    return release_maker(world, django_capture_on_commit_callbacks)


def release_maker(world: World, django_capture_on_commit_callbacks: Any) -> Callable[..., Release]:
    """Uploads, triages, submits, has an independent checker approve, and releases one document.

    keep: texts of suggested redactions the author keeps in (with a reason); every "review"
    suggestion is otherwise redacted. released_at moves the release to a given time for date filters.
    """

    def _release(
        text: str = LETTER,
        *,
        case: Case | None = None,
        author: User | None = None,
        checker: User | None = None,
        keep: Sequence[str] = (),
        title: str = "Visit letter",
        released_at: dt.datetime | None = None,
        document: Any = None,
    ) -> Release:
        case = case or world.case
        author = author or (world.author if case.team_id == world.team.pk else world.other_author)
        checker = checker or (world.checker if case.team_id == world.team.pk else world.other_checker)
        family = list(case.parties.filter(kind=Party.Kind.FAMILY)[:1])
        with django_capture_on_commit_callbacks(execute=True):
            version = version_upload(
                user=author,
                case=case,
                uploaded_file=SimpleUploadedFile("letter.txt", text.encode()),
                recipients=family,
                title=title,
                document=document,
            )
        version.refresh_from_db()
        assert version.status == DocumentVersion.Status.TRIAGE, version.failure_reason
        code = ReasonCode.objects.get(code="third_party_personal_data")
        for finding in version.findings.all():
            if finding.text in keep and finding.decision == Finding.Decision.PENDING:
                decision_record(user=author, finding=finding, decision="keep", note="The family already knows")
            elif finding.suggested_action == Finding.Suggestion.REVIEW and finding.decision == Finding.Decision.PENDING:
                decision_record(user=author, finding=finding, decision="redact", reason_code=code)
        version.refresh_from_db()
        submit_for_check(author, version)
        version.refresh_from_db()
        check_approve(user=checker, version=version, seen_sha256=version.output_sha256)
        version.refresh_from_db()
        release = release_create(user=author, version=version, method="post", recipients=family)
        if released_at is not None:
            Release.objects.filter(pk=release.pk).update(released_at=released_at)
            release.refresh_from_db()
        return release

    return _release


def today() -> dt.date:
    return timezone.localdate(timezone=LONDON)
