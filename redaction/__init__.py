"""The redaction engine: plain Python, no Django (outside tasks.py and management/).

Public entry points:
    analyse(data, filename, context)  -> Analysis        (extract + detect)
    extract(data, filename)           -> ExtractedDocument
    detect(text, context)             -> list[Finding]
    load_register(path_or_data)       -> dict[str, CaseContext]
    redact_text(text, redactions)     -> str
    text_to_pdf(text, redactions, title=...) -> bytes
"""

from __future__ import annotations

import importlib
from typing import Any

from redaction.analyse import analyse
from redaction.detect import detect
from redaction.extract import extract
from redaction.register import load_register

__all__ = ["analyse", "detect", "extract", "load_register", "redact_text", "text_to_pdf"]


def __getattr__(name: str) -> Any:
    """The renderers load on first use (PEP 562): the PDF and DOCX machinery is heavy, and a process that
    only finds things (a scan, an analysis worker) never needs it."""
    if name in ("redact_text", "text_to_pdf"):
        return getattr(importlib.import_module("redaction.render"), name)
    raise AttributeError(f"module 'redaction' has no attribute {name!r}")
