"""Release delivers exactly the approved bytes, records who, to whom, how and the SHA-256."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from disclosure.errors import ActionRefused
from disclosure.models import DocumentVersion, RedactedOutput, Release
from disclosure.services import release_create
from review import services
from tests.conftest import World, submit_for_check

Status = DocumentVersion.Status


@pytest.fixture
def approved(world: World, upload: Callable[..., DocumentVersion]) -> DocumentVersion:
    version = upload()
    submit_for_check(world.author, version)
    version.refresh_from_db()
    services.check_approve(user=world.checker, version=version, seen_sha256=version.output_sha256)
    version.refresh_from_db()
    return version


def test_release_records_everything_and_serves_the_approved_bytes(
    client, world: World, approved: DocumentVersion
) -> None:
    release = release_create(user=world.author, version=approved, method="post", recipients=[world.mother])
    approved.refresh_from_db()
    assert approved.status == Status.RELEASED
    pdf = approved.outputs.get(format="pdf")
    assert release.sha256 == pdf.sha256 and release.format == "pdf"
    # the approval covers exactly the set of outputs, this one among them
    assert approved.approved_sha256 == RedactedOutput.manifest_sha256(
        {o.format: o.sha256 for o in approved.outputs.all()}
    )
    assert release.released_by == world.author and release.checked_by == world.checker
    assert "Adaeze Okafor" in release.recipients_text
    client.force_login(world.author)
    response = client.get(reverse("download_release", args=[release.pk]))
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == pdf.sha256
    assert approved.audit_events.filter(action="download.release").exists()


def test_only_an_approved_version_can_be_released(world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    with pytest.raises(ActionRefused, match="approved"):
        release_create(user=world.author, version=version, method="post", recipients=[world.mother])
    assert not Release.objects.exists()


def test_release_refuses_output_replaced_after_approval(world: World, approved: DocumentVersion) -> None:
    output = approved.outputs.get(format="pdf")
    storage, name = output.file.storage, output.file.name
    storage.delete(name)
    assert storage.save(name, ContentFile(b"%PDF-1.7 a different document")) == name
    with pytest.raises(ActionRefused, match=r"no longer matches|do not match"):
        release_create(user=world.author, version=approved, method="post", recipients=[world.mother])
    approved.refresh_from_db()
    assert approved.status == Status.APPROVED
    assert not Release.objects.exists()


def test_release_refuses_output_corrupted_on_disk(world: World, approved: DocumentVersion, settings) -> None:
    path = Path(settings.MEDIA_ROOT) / approved.outputs.get(format="pdf").file.name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ActionRefused, match="changed on disk"):
        release_create(user=world.author, version=approved, method="post", recipients=[world.mother])
    assert not Release.objects.exists()


def test_release_cannot_happen_twice(world: World, approved: DocumentVersion) -> None:
    release_create(user=world.author, version=approved, method="post", recipients=[world.mother])
    approved.refresh_from_db()
    with pytest.raises(ActionRefused):
        release_create(user=world.author, version=approved, method="post", recipients=[world.mother])
    assert Release.objects.count() == 1


def test_redacted_names_are_not_in_the_released_file(world: World, approved: DocumentVersion) -> None:
    from pypdf import PdfReader

    release = release_create(user=world.author, version=approved, method="post", recipients=[world.mother])
    with release.file.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(handle).pages)
    assert "Hollins" not in text
    assert "Liam Doyle" not in text
    assert "Chidi" in text


def test_checker_cannot_release(client, world: World, approved: DocumentVersion) -> None:
    client.force_login(world.checker)
    response = client.post(
        reverse("release", args=[approved.pk]),
        {"method": "post", "recipients": [world.mother.pk], "confirm": "on", "output_format": "pdf"},
    )
    assert response.status_code == 403
    assert not Release.objects.exists()
