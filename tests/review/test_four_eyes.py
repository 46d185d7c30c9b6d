"""The four-eyes rule: nobody who wrote or decided on a version can approve it, by any route."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from disclosure.errors import ActionRefused
from disclosure.models import DocumentVersion
from review import services
from review.models import CheckDecision, Finding, ReasonCode
from tests.conftest import World, submit_for_check

Status = DocumentVersion.Status


@pytest.fixture
def submitted(world: World, upload: Callable[..., DocumentVersion]) -> DocumentVersion:
    version = upload()
    assert version.status == Status.TRIAGE
    submit_for_check(world.author, version)
    version.refresh_from_db()
    assert version.status == Status.AWAITING_CHECK
    return version


def test_independent_checker_can_approve(world: World, submitted: DocumentVersion) -> None:
    decision = services.check_approve(user=world.checker, version=submitted, seen_sha256=submitted.output_sha256)
    submitted.refresh_from_db()
    assert submitted.status == Status.APPROVED
    assert submitted.approved_by == world.checker
    assert submitted.approved_sha256 == submitted.output_sha256
    assert decision.outcome == CheckDecision.Outcome.APPROVED


def test_author_cannot_approve_own_document(world: World, submitted: DocumentVersion) -> None:
    world.author.groups.add(world.checker.groups.first())  # even if they also hold the Checker role
    with pytest.raises(ActionRefused, match="uploaded this version"):
        services.check_approve(user=world.author, version=submitted, seen_sha256=submitted.output_sha256)
    submitted.refresh_from_db()
    assert submitted.status == Status.AWAITING_CHECK


def test_decision_maker_cannot_approve(world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    finding = version.findings.filter(suggested_action="redact").first()
    assert finding is not None
    # checker2 is also an author in the team and makes a decision on this version
    services.decision_record(user=world.checker2, finding=finding, decision=Finding.Decision.REDACT)
    submit_for_check(world.author, version)
    version.refresh_from_db()
    with pytest.raises(ActionRefused, match="made redaction decisions"):
        services.check_approve(user=world.checker2, version=version, seen_sha256=version.output_sha256)
    with pytest.raises(ActionRefused):
        services.check_return(user=world.checker2, version=version, comments="fine")


def test_database_refuses_approval_by_the_author(world: World, submitted: DocumentVersion) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersion.objects.filter(pk=submitted.pk).update(
            status=Status.APPROVED, approved_by=world.author, approved_sha256="x" * 64
        )


def test_database_refuses_a_check_decision_by_the_author(world: World, submitted: DocumentVersion) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckDecision.objects.create(
            version=submitted, checker=world.author, author=world.author, outcome="approved", output_sha256="x" * 64
        )


@pytest.mark.parametrize("who", ["author", "checker2_decided", "other_checker", "dpo", "author2"])
def test_handcrafted_approve_post_is_refused(
    client, world: World, upload: Callable[..., DocumentVersion], who: str
) -> None:
    version = upload()
    if who == "checker2_decided":
        finding = version.findings.first()
        assert finding is not None
        services.decision_record(
            user=world.checker2,
            finding=finding,
            decision=Finding.Decision.REDACT,
            reason_code=ReasonCode.objects.first(),
        )
        user = world.checker2
    else:
        user = {
            "author": world.author,
            "other_checker": world.other_checker,
            "dpo": world.dpo,
            "author2": world.author2,
        }[who]
    submit_for_check(world.author, version)
    version.refresh_from_db()
    client.force_login(user)
    response = client.post(reverse("approve", args=[version.pk]), {"output_sha256": version.output_sha256})
    assert response.status_code in (302, 403, 404)
    version.refresh_from_db()
    assert version.status == Status.AWAITING_CHECK
    assert version.approved_by is None
    assert not CheckDecision.objects.filter(version=version).exists()


def test_check_page_offers_no_approve_button_to_the_author(client, world: World, submitted: DocumentVersion) -> None:
    world.author.groups.add(world.checker.groups.first())
    client.force_login(world.author)
    page = client.get(reverse("check_review", args=[submitted.pk]))
    assert page.status_code == 200
    assert b"Approve this redacted file" not in page.content
    assert b"You uploaded this version" in page.content


def test_approval_of_stale_output_is_refused(world: World, submitted: DocumentVersion) -> None:
    with pytest.raises(ActionRefused, match="changed after you opened it"):
        services.check_approve(user=world.checker, version=submitted, seen_sha256="0" * 64)


def test_new_decision_after_approval_voids_it(world: World, submitted: DocumentVersion) -> None:
    services.check_approve(user=world.checker, version=submitted, seen_sha256=submitted.output_sha256)
    finding = submitted.findings.filter(suggested_action="redact").first()
    assert finding is not None
    services.decision_record(
        user=world.author, finding=finding, decision=Finding.Decision.KEEP, note="Named in the family's own complaint"
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.TRIAGE
    assert submitted.approved_by is None and submitted.approved_sha256 == ""
    assert submitted.audit_events.filter(action="approval.voided").exists()


def test_new_upload_voids_approval_of_earlier_version(
    world: World, submitted: DocumentVersion, upload: Callable[..., DocumentVersion]
) -> None:
    services.check_approve(user=world.checker, version=submitted, seen_sha256=submitted.output_sha256)
    newer = upload(document=submitted.document)
    submitted.refresh_from_db()
    assert newer.number == 2
    assert submitted.status == Status.SUPERSEDED
    assert submitted.approved_by is None
    assert submitted.audit_events.filter(action="version.superseded").exists()


def test_return_sends_version_back_to_triage_with_comments(world: World, submitted: DocumentVersion) -> None:
    services.check_return(user=world.checker, version=submitted, comments="The neighbour's address is still visible")
    submitted.refresh_from_db()
    assert submitted.status == Status.RETURNED
    check = CheckDecision.objects.get(version=submitted)
    assert check.comments.startswith("The neighbour")
    # the author can work on it again and resubmit
    submit_for_check(world.author, submitted)
    submitted.refresh_from_db()
    assert submitted.status == Status.AWAITING_CHECK


def test_return_needs_comments(world: World, submitted: DocumentVersion) -> None:
    with pytest.raises(ActionRefused):
        services.check_return(user=world.checker, version=submitted, comments="   ")
