from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.errors import ActionRefused
from disclosure.models import Document, DocumentVersion
from disclosure.services import version_upload
from tests.conftest import World

Status = DocumentVersion.Status


def test_upload_is_analysed_after_commit_and_findings_stored(upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    assert version.status == Status.TRIAGE
    assert version.progress == 100
    texts = {f.text: f for f in version.findings.all()}
    assert texts["Gary Hollins"].suggested_action == "redact"
    assert texts["Gary Hollins"].reason_code is not None
    assert version.audit_events.filter(action="analysis.completed").exists()


def test_member_of_another_case_is_flagged_as_other_case(upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    liam = version.findings.get(text="Liam Doyle")
    assert liam.party == "other_case"
    assert liam.suggested_action == "redact"


def test_family_names_are_kept(upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    kept = {f.text for f in version.findings.filter(suggested_action="keep")}
    assert "Chidi" in kept


def test_upload_sha256_and_size_are_recorded(upload: Callable[..., DocumentVersion]) -> None:
    import hashlib

    from tests.conftest import LETTER

    version = upload()
    assert version.sha256 == hashlib.sha256(LETTER.encode()).hexdigest()
    assert version.size == len(LETTER.encode())
    assert version.original_name == "letter.txt"
    assert "letter" not in version.original.name  # stored under a random name, never the uploaded one


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("notes.exe", b"MZ\x90\x00", "cannot be checked"),
        ("letter.pdf", b"PK\x03\x04rest-of-a-zip", "content is a Word document"),
        ("letter.docx", b"%PDF-1.7 ...", "content is a PDF"),
        ("letter.pdf", b"hello there", "not a valid PDF"),
    ],
)
def test_bad_files_are_refused_cleanly(world: World, name: str, data: bytes, message: str) -> None:
    with pytest.raises(ActionRefused, match=message):
        version_upload(
            user=world.author, case=world.case, uploaded_file=SimpleUploadedFile(name, data), recipients=[world.mother]
        )
    assert not DocumentVersion.objects.exists()
    assert not Document.objects.exists()


def test_oversized_file_is_refused_before_storing(world: World, settings) -> None:
    settings.CLEARANCE_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ActionRefused, match="limit"):
        version_upload(
            user=world.author,
            case=world.case,
            uploaded_file=SimpleUploadedFile("a.txt", b"x" * 101),
            recipients=[world.mother],
        )
    assert not DocumentVersion.objects.exists()


def test_recipient_must_be_family_of_this_case(world: World) -> None:
    stranger = world.other_case.parties.first()
    with pytest.raises(ActionRefused, match="family"):
        version_upload(
            user=world.author,
            case=world.case,
            uploaded_file=SimpleUploadedFile("a.txt", b"Hello"),
            recipients=[stranger],
        )


def test_corrupt_docx_fails_analysis_with_reason_and_keeps_upload(upload: Callable[..., DocumentVersion]) -> None:
    version = upload(b"PK\x03\x04 this is not really a zip", name="minutes.docx")
    assert version.status == Status.FAILED
    assert version.failure_reason
    assert version.original.storage.exists(version.original.name)
    assert version.audit_events.filter(action="analysis.failed").exists()


def test_failed_analysis_can_be_retried(
    client, world: World, upload: Callable[..., DocumentVersion], django_capture_on_commit_callbacks
) -> None:
    version = upload(b"PK\x03\x04 broken", name="minutes.docx")
    client.force_login(world.author)
    page = client.get(reverse("version_detail", args=[version.pk]))
    assert b"Retry analysis" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("analysis_retry", args=[version.pk]))
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == Status.FAILED  # still broken, but tried again and recorded
    assert version.analysis_attempts == 2
    assert version.audit_events.filter(action="analysis.retried").exists()


def test_analysing_twice_does_not_duplicate_findings(upload: Callable[..., DocumentVersion]) -> None:
    from disclosure.analysis import version_analyse

    version = upload()
    count = version.findings.count()
    DocumentVersion.objects.filter(pk=version.pk).update(status=Status.ANALYSING)  # a redelivered task
    version_analyse(version_id=version.pk)
    assert version.findings.count() == count


def test_status_endpoint_reports_progress(client, world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    client.force_login(world.author)
    state = client.get(reverse("version_status", args=[version.pk])).json()
    assert state["status"] == "triage"
    assert state["done"] is True
    assert state["next"] == reverse("triage", args=[version.pk])


def test_upload_page_through_the_browser_form(client, world: World, django_capture_on_commit_callbacks) -> None:
    client.force_login(world.author)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("upload", args=[world.case.pk]),
            {
                "file": SimpleUploadedFile("visit.txt", b"Mr Gary Hollins shouted at Chidi."),
                "title": "Visit letter",
                "recipients": [world.mother.pk],
            },
        )
    version = DocumentVersion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("version_detail", args=[version.pk])
    assert version.document.title == "Visit letter"


def test_upload_form_shows_refusal_without_500(client, world: World) -> None:
    client.force_login(world.author)
    response = client.post(
        reverse("upload", args=[world.case.pk]),
        {
            "file": SimpleUploadedFile("visit.pdf", b"not a pdf"),
            "recipients": [world.mother.pk],
        },
    )
    assert response.status_code == 200
    assert b"not a valid PDF" in response.content


def test_family_address_from_the_case_is_kept_and_a_neighbours_redacted(world: World, upload) -> None:
    world.case.addresses = ["14 Larch Grove, Manchester M14 6RT"]
    world.case.save()
    version = upload(
        "Ms Adaeze Okafor\n14 Larch Grove\nManchester\nM14 6RT\n\nDear Ms Okafor,\n"
        "Your neighbour at 16 Larch Grove has complained about the noise again.\n"
    )
    addresses = {f.text.split("\n")[0]: f.suggested_action for f in version.findings.filter(category="address")}
    assert addresses.get("14 Larch Grove") == "keep"
    assert addresses.get("16 Larch Grove") == "redact"
