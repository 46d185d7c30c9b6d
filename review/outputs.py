"""The redacted output a checker reviews and a release delivers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from disclosure.models import DocumentVersion
from redaction.render import text_to_pdf
from review.selectors import redactions_for


@dataclass(frozen=True)
class RenderedOutput:
    data: bytes
    file_name: str
    content_type: str


def output_render(version: DocumentVersion) -> RenderedOutput:
    # A first output: the redacted text laid out as a PDF. True DOCX/PDF redaction replaces this.
    stem = PurePath(version.original_name).stem or "document"
    data = text_to_pdf(version.extracted_text, redactions_for(version), title=version.document.title)
    return RenderedOutput(data=data, file_name=f"{stem}-redacted-v{version.number}.pdf", content_type="application/pdf")
