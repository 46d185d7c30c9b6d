"""Shared helpers for the true-redaction tests: required tools, raw scans, renders."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from redaction.extract import extract
from redaction.types import REASON_THIRD_PARTY, ExtractedDocument, Redaction


def require_tool(program: str, package: str) -> str:
    found = shutil.which(program)
    if not found:
        pytest.fail(f"{program} is not installed: install the Debian package {package} (apt-get install {package})")
    return found


def redactions_for(document: ExtractedDocument, name: str, category: str = "person") -> list[Redaction]:
    """Every occurrence of `name` in the extracted text, as detection plus an author's decision would give."""
    return [
        Redaction(m.start(), m.end(), REASON_THIRD_PARTY, category, decided_by="author")
        for m in re.finditer(re.escape(name), document.text, re.IGNORECASE)
    ]


def docx_raw_text(data: bytes) -> str:
    """Everything in the package, lower-cased: raw bytes of every part, UTF-8 and UTF-16, and each
    paragraph's text joined across runs (so a name split over runs is found)."""
    chunks: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            chunks += [name, content.decode("utf-8", "ignore"), content.decode("utf-16-le", "ignore")]
            if name.endswith(".xml"):
                root = etree.fromstring(content)
                chunks += ["".join(p.itertext()) for p in root.iter("{*}p")]
    return "\n".join(chunks).lower()


def pdf_raw_text(data: bytes) -> str:
    """Every decoded stream and string object in the PDF, plus pdfminer's text, lower-cased."""
    from pdfminer.high_level import extract_text

    chunks = [data.decode("latin-1")]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                with contextlib.suppress(pikepdf.PdfError):
                    chunks.append(obj.read_bytes().decode("latin-1"))
            chunks.append(repr(obj))
        chunks.append(repr(pdf.trailer))
    chunks.append(extract_text(io.BytesIO(data)))
    return "\n".join(chunks).lower()


def render_png(pdf: bytes, folder: Path, stem: str, dpi: int = 40) -> list[Path]:
    program = require_tool("pdftoppm", "poppler-utils")
    source = folder / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run([program, "-r", str(dpi), "-png", str(source), str(folder / stem)], check=True, timeout=60)
    pages = sorted(folder.glob(f"{stem}*.png"))
    assert pages, "pdftoppm rendered no page"
    return pages


@pytest.fixture
def extracted():
    return extract
