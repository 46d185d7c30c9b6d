"""DOCX -> PDF with LibreOffice (Debian package libreoffice-writer-nogui), run headless and offline.

Only ever given the already redacted and sanitised DOCX, so the PDF cannot hold more than it does.
Each conversion gets its own throwaway profile: parallel workers would otherwise fight over one.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from redaction.errors import EngineError

_TIMEOUT = 180
_PROGRAMS = ("soffice", "libreoffice")


class ConversionUnavailable(EngineError):
    """The PDF version of a Word document cannot be made on this server."""


def soffice_path() -> str:
    for name in _PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    raise ConversionUnavailable(
        "The PDF copy of a Word document cannot be made: LibreOffice is not installed on the server "
        "(Debian package libreoffice-writer-nogui)."
    )


def docx_to_pdf(data: bytes) -> bytes:
    return docx_to_pdf_many([data])[0]


def docx_to_pdf_many(documents: Sequence[bytes]) -> list[bytes]:
    """Convert several DOCX files with one LibreOffice start (the start is most of the cost)."""
    if not documents:
        return []
    program = soffice_path()
    with tempfile.TemporaryDirectory(prefix="clearance-soffice-") as tmp:
        folder = Path(tmp)
        sources = []
        for index, data in enumerate(documents):
            source = folder / f"document{index}.docx"
            source.write_bytes(data)
            sources.append(source)
        profile = (folder / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            *(str(source) for source in sources),
        ]
        try:
            completed = subprocess.run(  # noqa: S603 - arguments built above, no shell
                command, capture_output=True, timeout=_TIMEOUT * len(documents), check=False, cwd=folder
            )
        except subprocess.TimeoutExpired as exc:
            raise ConversionUnavailable("Making the PDF copy of the Word document took too long.") from exc
        targets = [source.with_suffix(".pdf") for source in sources]
        if completed.returncode != 0 or not all(target.is_file() for target in targets):
            raise ConversionUnavailable("LibreOffice could not make a PDF copy of the redacted Word document.")
        return [target.read_bytes() for target in targets]
