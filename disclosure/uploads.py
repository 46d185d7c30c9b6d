"""Checks an upload before anything is stored: size, a supported type, and content matching its name."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from disclosure.errors import ActionRefused
from disclosure.upload_limit import too_large_message

_MAGIC = {"pdf": b"%PDF-", "docx": b"PK\x03\x04"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word wraps a password-protected .docx in this container
_LABELS = {"txt": "a text file", "docx": "a Word document", "pdf": "a PDF"}


@dataclass(frozen=True)
class CheckedUpload:
    file_format: str
    size: int
    sha256: str
    display_name: str


def check_upload(uploaded: UploadedFile) -> CheckedUpload:
    limit = settings.CLEARANCE_MAX_UPLOAD_BYTES
    size = uploaded.size or 0
    # The size Django reports comes from the request, so this refuses before the file is read whole.
    if size > limit:
        raise ActionRefused(too_large_message(size))
    if size == 0:
        raise ActionRefused("This file is empty. Choose the document again and re-upload it.")
    name = display_name(uploaded.name or "")
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if suffix not in _LABELS:
        raise ActionRefused(
            f"Files of type .{suffix or '?'} cannot be checked. Upload a Word document (.docx), a PDF or a text file."
        )
    uploaded.seek(0)
    head = uploaded.read(8)
    _check_content_matches(suffix, head, name)
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return CheckedUpload(file_format=suffix, size=size, sha256=digest.hexdigest(), display_name=name[:255])


def display_name(raw: str) -> str:
    """The last part of a client-supplied name, for display only: no folders (either slash), no control
    characters. Stored files get random names whatever this says."""
    name = re.split(r"[\\/]", raw)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:255] or "document"


def _check_content_matches(suffix: str, head: bytes, name: str) -> None:
    for fmt, magic in _MAGIC.items():
        if head.startswith(magic) and fmt != suffix:
            raise ActionRefused(
                f"{name} is named as {_LABELS[suffix]} but its content is {_LABELS[fmt]}. "
                "Rename it with the right extension or export it again."
            )
    if suffix == "docx" and head.startswith(_OLE):
        raise ActionRefused(
            f"{name} is password-protected (or an old .doc file). Remove the password, or save it as .docx, "
            "and upload it again."
        )
    expected = _MAGIC.get(suffix)
    if expected is not None and not head.startswith(expected):
        raise ActionRefused(f"{name} is not a valid {suffix.upper()} file: it may be damaged or of another type.")
    if suffix == "txt" and b"\x00" in head:
        raise ActionRefused(f"{name} does not look like a text file. Upload a .txt, .docx or .pdf.")
