"""A Word document goes through the whole workflow and leaves as a truly redacted DOCX and PDF."""

from __future__ import annotations

import io
import zipfile

import docx
from pypdf import PdfReader

from disclosure.services import release_create
from review import services
from tests.conftest import World, submit_for_check


def _letter() -> bytes:
    document = docx.Document()
    document.core_properties.author = "Gary Hollins"  # metadata must not survive either
    document.add_paragraph("Dear Ms Okafor,")
    paragraph = document.add_paragraph("Your neighbour ")
    paragraph.add_run("Gary ")
    paragraph.add_run("Hollins").bold = True  # the name split across runs
    paragraph.add_run(" was arrested last month after police were called to his flat.")
    document.add_paragraph("Chidi is doing well at school.")
    document.sections[0].header.paragraphs[0].text = "Copy for Gary Hollins"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_is_released_as_truly_redacted_docx_and_pdf(world: World, upload) -> None:
    version = upload(_letter(), name="letter.docx")
    assert version.status == "triage", version.failure_reason
    submit_for_check(world.author, version)
    version.refresh_from_db()
    outputs = {o.format: o for o in version.outputs.all()}
    assert set(outputs) == {"docx", "pdf"}
    services.check_approve(user=world.checker, version=version, seen_sha256=version.output_sha256)
    version.refresh_from_db()
    release = release_create(
        user=world.author, version=version, method="secure_email", recipients=[world.mother], output_format="docx"
    )
    with release.file.open("rb") as handle:
        released = handle.read()
    with zipfile.ZipFile(io.BytesIO(released)) as package:
        xml = b"".join(package.read(name) for name in package.namelist())
    assert b"Hollins" not in xml
    assert "Chidi" in "\n".join(p.text for p in docx.Document(io.BytesIO(released)).paragraphs)
    with outputs["pdf"].file.open("rb") as handle:
        pdf_text = " ".join(page.extract_text() for page in PdfReader(handle).pages)
    assert "Hollins" not in pdf_text and "Chidi" in pdf_text
    assert outputs["pdf"].schedule and all(row["reason_code"] for row in outputs["pdf"].schedule)
