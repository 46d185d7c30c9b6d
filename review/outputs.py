"""Making the redacted outputs a checker reviews and a release delivers (redaction/render does the work)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from django.conf import settings
from django.core.files.base import ContentFile

from disclosure.errors import ActionRefused, OutputRefused
from disclosure.models import DocumentVersion, RedactedOutput
from redaction import extract
from redaction.errors import EngineError
from redaction.render import RedactionNotVerified, RenderedOutput, render_outputs
from review.models import Picture
from review.selectors import redactions_for


def outputs_render(version: DocumentVersion) -> list[RenderedOutput]:
    """Every output of the version, truly redacted and verified; a refusal is a clear message."""
    with version.original.open("rb") as handle:
        data = handle.read()
    try:
        # Re-extracted for the map back into the file; the text must be the one the findings index.
        document = extract(data, version.original_name)
        if document.text != version.extracted_text:
            raise ActionRefused(
                "The document reads differently from when it was analysed (the engine has changed). "
                "Upload it again so it is analysed afresh."
            )
        return render_outputs(
            data,
            version.original_name,
            document,
            redactions_for(version),
            organisation=settings.CLEARANCE_ORGANISATION,
            withheld_pictures=list(
                version.pictures.filter(decision=Picture.Decision.WITHHELD).values_list("ref", flat=True)
            ),
        )
    except RedactionNotVerified as refusal:
        raise OutputRefused(str(refusal), refusal.term) from refusal
    except EngineError as error:
        raise ActionRefused(str(error)) from error


def schedule_rows(output: RenderedOutput) -> list[dict[str, object]]:
    return [asdict(row) for row in output.schedule]


def outputs_store(version: DocumentVersion, rendered: list[RenderedOutput]) -> list[RedactedOutput]:
    """Writes each output's file and returns unsaved rows for them (the caller saves them in its transaction)."""
    stored = []
    try:
        for output in rendered:
            row = RedactedOutput(
                version=version,
                format=output.format,
                file_name=output.file_name(version.original_name),
                sha256=hashlib.sha256(output.data).hexdigest(),
                schedule=schedule_rows(output),
            )
            row.file.save(row.file_name, ContentFile(output.data), save=False)
            stored.append(row)
    except BaseException:
        for row in stored:
            row.file.delete(save=False)
        raise
    return stored
