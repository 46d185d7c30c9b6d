"""The redaction engine: plain Python, no Django (outside tasks.py and management/).

Public entry points:
    analyse(data, filename, context)  -> Analysis        (extract + detect)
    extract(data, filename)           -> ExtractedDocument
    detect(text, context)             -> list[Finding]
    load_register(path_or_data)       -> dict[str, CaseContext]
    redact_text(text, redactions)     -> str
    text_to_pdf(text, redactions, title=...) -> bytes
"""

from redaction.analyse import analyse
from redaction.detect import detect
from redaction.extract import extract
from redaction.register import load_register
from redaction.render import redact_text, text_to_pdf

__all__ = ["analyse", "detect", "extract", "load_register", "redact_text", "text_to_pdf"]
