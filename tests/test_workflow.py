"""The whole journey through Django's test client, as each role would do it."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.models import AuditEvent, Case, DocumentVersion, Release
from review.models import Finding, ReasonCode
from tests.conftest import LETTER, World, submit_for_check

Status = DocumentVersion.Status


def test_full_workflow_for_each_role(client, world: World, django_capture_on_commit_callbacks) -> None:
    # Author creates a case with its family, then uploads a letter.
    client.force_login(world.author)
    response = client.post(
        reverse("case_create"),
        {
            "reference": "T-9",
            "title": "Okafor (new)",
            "team": world.team.pk,
            "family-TOTAL_FORMS": 2,
            "family-INITIAL_FORMS": 0,
            "family-0-name": "Adaeze Okafor",
            "family-0-role": "parent",
            "family-0-aliases": "Ms Okafor, Adaeze",
            "family-1-name": "Chidi Okafor",
            "family-1-role": "child",
            "family-1-aliases": "Chidi",
            "professionals-TOTAL_FORMS": 1,
            "professionals-INITIAL_FORMS": 0,
            "professionals-0-name": "Rebecca Lowther",
            "professionals-0-role": "Social Worker",
        },
    )
    case = Case.objects.get(reference="T-9")
    assert response.status_code == 302
    assert case.parties.count() == 3
    mother = case.parties.get(name="Adaeze Okafor")
    assert mother.aliases == ["Ms Okafor", "Adaeze"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("upload", args=[case.pk]),
            {
                "file": SimpleUploadedFile("letter.txt", LETTER.encode()),
                "title": "Visit letter",
                "recipients": [mother.pk],
            },
        )
    version = DocumentVersion.objects.get(document__case=case)
    assert version.status == Status.TRIAGE

    # Triage: the page highlights findings; keep one suggestion (with a reason), add a manual redaction.
    page = client.get(reverse("triage", args=[version.pk]))
    assert page.status_code == 200
    assert b'class="finding outcome-redact' in page.content
    hollins = version.findings.get(text="Gary Hollins")
    response = client.post(reverse("decide", args=[hollins.pk]), {"decision": "keep"})
    hollins.refresh_from_db()
    assert hollins.decision == Finding.Decision.PENDING  # keeping a redact suggestion needs a reason
    client.post(reverse("decide", args=[hollins.pk]), {"decision": "keep", "note": "Test: mother already knows"})
    hollins.refresh_from_db()
    assert hollins.decision == Finding.Decision.KEEP
    client.post(
        reverse("decide", args=[hollins.pk]),
        {
            "decision": "redact",
            "reason_code": ReasonCode.objects.get(code="third_party_personal_data").pk,
            "every_occurrence": "on",
        },
    )
    hollins.refresh_from_db()
    assert hollins.decision == Finding.Decision.REDACT
    start = LETTER.index("next street")
    client.post(
        reverse("manual_add", args=[version.pk]),
        {
            "start": start,
            "end": start + len("next street"),
            "reason_code": ReasonCode.objects.get(code="third_party_personal_data").pk,
        },
    )
    client.post(
        reverse("term_add", args=[version.pk]),
        {
            "term": "school",
            "reason_code": ReasonCode.objects.get(code="third_party_personal_data").pk,
        },
    )
    assert version.findings.filter(source=Finding.Source.MANUAL).count() == 2
    preview = client.get(reverse("preview", args=[version.pk]))
    assert b"Gary Hollins" not in preview.content and b"next street" not in preview.content

    with django_capture_on_commit_callbacks(execute=True):  # the task making the files runs after commit
        client.post(reverse("submit", args=[version.pk]))
    version.refresh_from_db()
    assert version.status == Status.AWAITING_CHECK

    # Checker: sees it in the queue, reviews the redacted result, returns it once, then approves.
    client.force_login(world.checker)
    assert b"Visit letter" in client.get(reverse("check_queue")).content
    review = client.get(reverse("check_review", args=[version.pk]))
    assert b"Approve this redacted file" in review.content
    assert b"Gary Hollins" not in re.sub(rb"<ul class=\"small\">.*?</ul>", b"", review.content, flags=re.S)
    client.post(reverse("return", args=[version.pk]), {"comments": "Please also check the school name."})
    version.refresh_from_db()
    assert version.status == Status.RETURNED

    client.force_login(world.author)
    assert b"Please also check the school name." in client.get(reverse("triage", args=[version.pk])).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("submit", args=[version.pk]))
    version.refresh_from_db()

    client.force_login(world.checker)
    client.get(reverse("check_review", args=[version.pk]))
    client.post(reverse("approve", args=[version.pk]), {"output_sha256": version.output_sha256})
    version.refresh_from_db()
    assert version.status == Status.APPROVED
    assert version.approved_by == world.checker

    # Author releases; the released file is on the case page.
    client.force_login(world.author)
    response = client.post(
        reverse("release", args=[version.pk]),
        {"method": "post", "recipients": [mother.pk], "confirm": "on", "output_format": "pdf"},
    )
    assert response.status_code == 302
    release = Release.objects.get(version=version)
    case_page = client.get(reverse("case_detail", args=[case.pk]))
    assert reverse("download_release", args=[release.pk]).encode() in case_page.content

    # DPO: the audit trail lists every step, with who.
    client.force_login(world.dpo)
    trail = client.get(reverse("audit_trail", args=[version.pk]))
    assert trail.status_code == 200
    for action in (
        "version.uploaded",
        "analysis.completed",
        "finding.decided",
        "redaction.added",
        "redaction.term_added",
        "version.submitted",
        "check.opened",
        "check.returned",
        "check.approved",
        "version.released",
    ):
        assert action.encode() in trail.content, action


def test_every_transition_writes_one_audit_event(client, world: World, upload) -> None:
    from disclosure.services import release_create
    from review import services

    def count(action: str) -> int:
        return AuditEvent.objects.filter(action=action).count()

    version = upload()
    assert count("version.uploaded") == 1 and count("analysis.completed") == 1
    finding = version.findings.filter(suggested_action="redact").first()
    services.decision_record(user=world.author, finding=finding, decision="redact")
    assert count("finding.decided") == 1
    submit_for_check(world.author, version)
    assert count("version.submitted") == 1
    version.refresh_from_db()
    services.check_open(user=world.checker, version=version)
    assert count("check.opened") == 1
    services.check_approve(user=world.checker, version=version, seen_sha256=version.output_sha256)
    assert count("check.approved") == 1
    version.refresh_from_db()
    release_create(user=world.author, version=version, method="post", recipients=[world.mother])
    assert count("version.released") == 1
    event = AuditEvent.objects.get(action="version.released")
    assert event.actor == world.author and event.version == version and event.case == world.case
