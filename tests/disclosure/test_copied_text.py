"""A paragraph pasted from another case's stored minutes is caught at upload, naming that case."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.models import DocumentVersion, ParagraphBand, Party
from disclosure.services import version_upload
from tests.conftest import World

DOYLE_MINUTES = (
    "CORE GROUP MINUTES\n"
    "PC Ward reported that Liam was arrested on 14 March for shoplifting from the Co-op on Rowan Street "
    "and was released under investigation pending further enquiries.\n"
)


def test_paragraph_from_another_case_is_flagged(
    world: World, upload: Callable[..., DocumentVersion], django_capture_on_commit_callbacks
) -> None:
    doyle_parent = Party.objects.create(case=world.other_case, kind=Party.Kind.FAMILY, name="Patricia Doyle")
    with django_capture_on_commit_callbacks(execute=True):
        minutes = version_upload(
            user=world.other_author,
            case=world.other_case,
            uploaded_file=SimpleUploadedFile("minutes.txt", DOYLE_MINUTES.encode()),
            recipients=[doyle_parent],
            title="Core group minutes",
        )
    assert ParagraphBand.objects.filter(version=minutes).count() == 16

    letter = "Dear Ms Okafor,\n" + DOYLE_MINUTES.splitlines()[1] + "\nYours sincerely,\n"
    version = upload(letter)
    copied = version.findings.get(category="copied_text")
    assert copied.suggested_action == "redact"
    assert "T-2" in copied.explanation and "Core group minutes" in copied.explanation
    assert copied.reason_code is not None and copied.reason_code.code == "copied_from_another_case"


def test_documents_of_the_same_case_are_not_flagged(upload: Callable[..., DocumentVersion]) -> None:
    upload(DOYLE_MINUTES, name="first.txt")
    second = upload(DOYLE_MINUTES, name="second.txt")
    assert not second.findings.filter(category="copied_text").exists()
