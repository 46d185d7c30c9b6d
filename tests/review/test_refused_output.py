"""When verification refuses the files, the author is told what survived and where, and offered to redact it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from django.urls import reverse

from disclosure.models import DocumentVersion
from review import services
from review.models import ReasonCode
from tests.conftest import World, submit_for_check
from tests.redaction.builders import make_docx

Status = DocumentVersion.Status


def _name_outside_any_paragraph() -> bytes:
    """A run of text straight in the body, outside any paragraph: Word shows nothing, extraction reads
    nothing, but the file carries it. Only verification can find it."""
    data = make_docx(["Dear Ms Okafor,", "Your neighbour Gary Hollins called the office."])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body><w:r><w:t>Gary Hollins</w:t></w:r>", 1)
            target.writestr(info, content)
    return out.getvalue()


def test_a_refusal_names_what_survived_and_offers_to_redact_it(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload(_name_outside_any_paragraph(), name="letter.docx")
    assert version.findings.filter(text="Gary Hollins").exists()  # flagged in the paragraph, redacted by default
    submit_for_check(world.author, version)
    assert version.status == Status.TRIAGE
    assert '"Gary Hollins"' in version.output_error and "structure of word/document.xml" in version.output_error
    assert version.output_error_term == "Gary Hollins"
    client.force_login(world.author)
    page = client.get(reverse("triage", args=[version.pk])).content.decode()
    assert "Redact every occurrence of “Gary Hollins”" in page
    # Resubmitting clears the refusal.
    reason = ReasonCode.objects.get(code="third_party_personal_data")
    services.term_redaction_add(user=world.author, version=version, term="Gary Hollins", reason_code=reason)
    services.version_submit(user=world.author, version=version)
    version.refresh_from_db()
    assert version.output_error == "" and version.output_error_term == ""
