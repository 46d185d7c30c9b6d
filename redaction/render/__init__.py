"""Rendering redacted output. Text and text-to-PDF now; true in-place DOCX/PDF redaction later.

Every renderer takes the same input (the extracted text and a sequence of Redactions), so the
future DOCX and PDF renderers can map the same spans back through ExtractedDocument.segments.
"""

from redaction.render.pdf import text_to_pdf
from redaction.render.spans import Block, merge_redactions
from redaction.render.text import redact_text

__all__ = ["Block", "merge_redactions", "redact_text", "text_to_pdf"]
