"""Reading stored redacted outputs back, refusing any that is not byte for byte what was submitted."""

from __future__ import annotations

import hashlib

from disclosure.errors import ActionRefused
from disclosure.models import DocumentVersion, RedactedOutput
from disclosure.storage import StoredFileUnreadable


def output_bytes(output: RedactedOutput) -> bytes:
    """The stored bytes of an output, refused unless they are exactly what was submitted."""
    try:
        with output.file.open("rb") as handle:
            data = handle.read()
    except StoredFileUnreadable as error:
        raise ActionRefused(f"The stored {output.file_name} cannot be read: it was changed on disk.") from error
    if hashlib.sha256(data).hexdigest() != output.sha256:
        raise ActionRefused(f"The stored {output.file_name} no longer matches what was submitted.")
    return data


def outputs_verify_stored(version: DocumentVersion, expected_manifest: str) -> None:
    """Every stored output still hashes to what was submitted, and the set is the one expected."""
    outputs = list(version.outputs.all())
    for output in outputs:
        output_bytes(output)
    if not outputs or RedactedOutput.manifest_sha256({o.format: o.sha256 for o in outputs}) != expected_manifest:
        raise ActionRefused("The stored outputs do not match what was submitted. They cannot be approved.")
