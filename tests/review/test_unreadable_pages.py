"""A document with pages the engine could not read cannot be submitted or approved until the author
attests to reading them; the attestation is recorded and audited."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from disclosure.errors import ActionRefused
from disclosure.models import DocumentVersion
from review import services
from tests.conftest import World, submit_for_check

Status = DocumentVersion.Status


@pytest.fixture
def scanned(upload) -> DocumentVersion:
    version = upload()
    DocumentVersion.objects.filter(pk=version.pk).update(needs_ocr=True)
    version.refresh_from_db()
    return version


def test_unattested_scan_cannot_be_submitted(world: World, scanned: DocumentVersion) -> None:
    with pytest.raises(ActionRefused, match="without a text layer"):
        submit_for_check(world.author, scanned)


def test_attested_scan_goes_through_check(client: Client, world: World, scanned: DocumentVersion) -> None:
    client.force_login(world.author)
    page = client.get(reverse("triage", args=[scanned.pk]))
    assert b"Some pages have no text layer" in page.content
    client.post(reverse("attest_pages", args=[scanned.pk]), {"confirm": "yes"})
    scanned.refresh_from_db()
    assert scanned.pages_attested_by == world.author
    assert scanned.audit_events.filter(action="pages.attested").exists()
    submit_for_check(world.author, scanned)
    scanned.refresh_from_db()
    services.check_approve(user=world.checker, version=scanned, seen_sha256=scanned.output_sha256)
    scanned.refresh_from_db()
    assert scanned.status == Status.APPROVED


def test_attestation_needs_the_box_ticked(client: Client, world: World, scanned: DocumentVersion) -> None:
    client.force_login(world.author)
    client.post(reverse("attest_pages", args=[scanned.pk]), {})
    scanned.refresh_from_db()
    assert scanned.pages_attested_by is None


def test_database_refuses_approving_an_unattested_scan(world: World, scanned: DocumentVersion) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersion.objects.filter(pk=scanned.pk).update(
            status=Status.APPROVED, approved_by=world.checker, approved_sha256="x" * 64
        )
