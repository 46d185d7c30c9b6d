"""Every kind of bad file through the real upload page and analysis: a clear message, the upload kept or
cleanly refused, never a 500 and never a half-written record."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from disclosure.models import Document, DocumentVersion
from tests.conftest import World

Status = DocumentVersion.Status


def _docx(text: str = "Dear Ms Okafor, the neighbour Gary Hollins called.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(text: str | None) -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer)
    if text is None:
        drawing.rect(50, 50, 400, 600, fill=1)  # a scan: a picture and no text layer
    else:
        drawing.drawString(72, 720, text)
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf("Secret letter about Gary Hollins")))
    writer.encrypt("pa55word")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<!--" + b"0" * 300_000_000 + b"--></w:body>")
            bomb.writestr(item, data)
    return buffer.getvalue()


def _entity_bomb() -> bytes:
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10) for i in range(1, 10)
        )
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, lol if item.filename == "word/document.xml" else source.read(item.filename))
    return buffer.getvalue()


# Files are made inside each test (a zip bomb is not something to build at import time).
REFUSED_AT_UPLOAD = [
    ("empty.txt", lambda: b"", "empty"),
    ("letter.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
    ("letter.docm", _docx, "cannot be checked"),
    ("letter.pdf", _docx, "content is a Word document"),
    ("letter.docx", lambda: _pdf("hello"), "content is a PDF"),
    ("photo.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "cannot be checked"),
]

FAILED_WITH_REASON = [
    ("broken.docx", lambda: b"PK\x03\x04" + b"garbage" * 50, "damaged"),
    ("broken.pdf", lambda: b"%PDF-1.7\n" + b"garbage" * 50, "damaged"),
    ("locked.pdf", _encrypted_pdf, "password"),
    ("bomb.docx", _zip_bomb, ""),
    ("entities.docx", _entity_bomb, ""),
]


def _post(client: Client, world: World, name: str, data: bytes, capture) -> object:
    with capture(execute=True):
        return client.post(
            reverse("upload", args=[world.case.pk]),
            {"file": SimpleUploadedFile(name, data), "recipients": [world.mother.pk], "title": name},
            follow=True,
        )


@pytest.mark.parametrize(
    ("name", "make", "message"), REFUSED_AT_UPLOAD, ids=[c[0] + "-" + c[2] for c in REFUSED_AT_UPLOAD]
)
def test_refused_at_upload_with_a_message_and_nothing_stored(
    client: Client,
    world: World,
    django_capture_on_commit_callbacks,
    name: str,
    make: Callable[[], bytes],
    message: str,
) -> None:
    client.force_login(world.author)
    response = _post(client, world, name, make(), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert message.encode() in response.content
    assert not DocumentVersion.objects.exists() and not Document.objects.exists()


@pytest.mark.parametrize(("name", "make", "message"), FAILED_WITH_REASON, ids=[c[0] for c in FAILED_WITH_REASON])
def test_kept_and_failed_with_a_clear_reason(
    client: Client,
    world: World,
    django_capture_on_commit_callbacks,
    name: str,
    make: Callable[[], bytes],
    message: str,
) -> None:
    client.force_login(world.author)
    response = _post(client, world, name, make(), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    version = DocumentVersion.objects.get()
    assert version.status == Status.FAILED
    assert version.failure_reason and "unexpected" not in version.failure_reason
    assert message in version.failure_reason.lower()
    assert version.original.storage.exists(version.original.name)
    page = client.get(reverse("version_detail", args=[version.pk]))
    assert b"Retry analysis" in page.content


def test_scanned_pdf_is_kept_flagged_and_needs_attestation(
    client: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    client.force_login(world.author)
    _post(client, world, "scan.pdf", _pdf(None), django_capture_on_commit_callbacks)
    version = DocumentVersion.objects.get()
    assert version.status == Status.TRIAGE and version.needs_ocr
    page = client.get(reverse("triage", args=[version.pk]))
    assert b"Some pages have no text layer" in page.content


def test_text_in_another_encoding_is_read(client: Client, world: World, django_capture_on_commit_callbacks) -> None:
    client.force_login(world.author)
    text = "Dear Ms Okafor,\nThe neighbour Zoë Ó Súilleabháin complained about the café.\n"
    _post(client, world, "letter.txt", text.encode("cp1252"), django_capture_on_commit_callbacks)
    version = DocumentVersion.objects.get()
    assert version.status == Status.TRIAGE
    assert "Zoë" in version.extracted_text


def test_oversized_upload_is_refused_while_it_arrives(client: Client, world: World, settings) -> None:
    settings.CLEARANCE_MAX_UPLOAD_BYTES = 100_000
    client.force_login(world.author)
    response = client.post(
        reverse("upload", args=[world.case.pk]),
        {"file": SimpleUploadedFile("huge.txt", b"x" * 2_000_000), "recipients": [world.mother.pk]},
    )
    assert response.status_code == 200
    assert "over the limit of 97.7\xa0KB".encode() in response.content  # the real limit, readably
    assert b"Split the document" in response.content
    assert not DocumentVersion.objects.exists()
