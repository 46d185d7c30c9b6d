"""Every picture needs someone's look before approval; a withheld picture is a black box in every file;
whoever decided about a picture has acted on the version and cannot check it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image, ImageDraw

from disclosure.errors import ActionRefused
from disclosure.models import AuditEvent, DocumentVersion
from review import services
from review.models import Picture
from tests.conftest import World, submit_for_check

Status = DocumentVersion.Status


def _letter_with_screenshot() -> bytes:
    picture = Image.new("RGB", (320, 100), "white")
    ImageDraw.Draw(picture).text((10, 40), "Message from a neighbour", fill="black")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    document = docx.Document()
    document.add_paragraph("Dear Ms Okafor, here is the message you asked about.")
    document.add_picture(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def with_picture(upload: Callable[..., DocumentVersion]) -> DocumentVersion:
    return upload(_letter_with_screenshot(), name="letter.docx")


def test_a_picture_is_listed_and_blocks_submission_until_someone_has_looked(
    world: World, with_picture: DocumentVersion
) -> None:
    (picture,) = with_picture.pictures.all()
    assert (picture.location, picture.width, picture.height, picture.decision) == ("body", 320, 100, "pending")
    assert with_picture.pictures_pending == 1
    with pytest.raises(ActionRefused, match="picture"):
        services.version_submit(user=world.author, version=with_picture)


def test_a_withheld_picture_is_a_black_box_in_the_files_the_checker_approves(
    world: World, with_picture: DocumentVersion
) -> None:
    picture = with_picture.pictures.get()
    services.picture_decide(user=world.author, picture=picture, withhold=True)
    with_picture.refresh_from_db()
    assert with_picture.pictures_pending == 0
    submit_for_check(world.author, with_picture)
    assert with_picture.status == Status.AWAITING_CHECK
    docx_output = with_picture.outputs.get(format="docx")
    with docx_output.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        (media,) = [n for n in archive.namelist() if n.startswith("word/media/")]
        image = Image.open(io.BytesIO(archive.read(media))).convert("L")
    assert image.size == (320, 100) and image.getpixel((3, 3)) == 0
    services.check_approve(user=world.checker, version=with_picture, seen_sha256=with_picture.output_sha256)
    assert AuditEvent.objects.filter(version=with_picture, action="picture.decided").exists()


def test_whoever_decided_about_a_picture_cannot_check_the_version(world: World, with_picture: DocumentVersion) -> None:
    # checker2 is also an author in the team: looking at a picture is acting on the version.
    services.picture_decide(user=world.checker2, picture=with_picture.pictures.get(), withhold=False)
    submit_for_check(world.author, with_picture)
    with pytest.raises(ActionRefused, match="pictures"):
        services.check_approve(user=world.checker2, version=with_picture, seen_sha256=with_picture.output_sha256)
    with pytest.raises(ActionRefused):
        services.check_return(user=world.checker2, version=with_picture, comments="no")


def test_a_decision_after_submission_withdraws_it(world: World, with_picture: DocumentVersion) -> None:
    picture = with_picture.pictures.get()
    services.picture_decide(user=world.author, picture=picture, withhold=False)
    submit_for_check(world.author, with_picture)
    services.picture_decide(user=world.author, picture=picture, withhold=True)
    with_picture.refresh_from_db()
    assert with_picture.status == Status.TRIAGE


def test_the_database_refuses_an_approved_version_with_a_picture_nobody_looked_at(
    world: World, with_picture: DocumentVersion
) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersion.objects.filter(pk=with_picture.pk).update(
            status=Status.APPROVED, approved_by=world.checker, approved_sha256="0" * 64
        )


def test_the_author_sees_each_picture_and_decides_in_the_triage_page(
    client, world: World, with_picture: DocumentVersion
) -> None:
    picture = with_picture.pictures.get()
    client.force_login(world.author)
    page = client.get(reverse("triage", args=[with_picture.pk])).content.decode()
    assert reverse("picture_preview", args=[picture.pk]) in page and "Withhold picture" in page
    preview = client.get(reverse("picture_preview", args=[picture.pk]))
    assert preview["Content-Type"] == "image/png" and Image.open(io.BytesIO(preview.content)).size == (320, 100)
    response = client.post(reverse("picture_decide", args=[picture.pk]), {"decision": "withheld"})
    assert response.status_code == 302
    assert Picture.objects.get(pk=picture.pk).decision == Picture.Decision.WITHHELD
    client.force_login(world.other_author)
    assert client.get(reverse("picture_preview", args=[picture.pk])).status_code == 404
