"""Refuses an oversized upload while it arrives, before it is written anywhere or read whole."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.template.defaultfilters import filesizeformat

# The rest of the form (title, recipients, the CSRF token) is small; allow for it beside the file.
_FORM_ALLOWANCE = 64 * 1024


def too_large_message(size: int | None = None) -> str:
    limit = filesizeformat(settings.CLEARANCE_MAX_UPLOAD_BYTES)
    told = f"This file is {filesizeformat(size)}, over" if size else "This file is over"
    return f"{told} the limit of {limit}. Split the document or ask an administrator to raise the limit."


class UploadSizeLimitHandler(FileUploadHandler):
    """First in the chain: stops reading a request whose body is larger than the upload limit allows,
    or whose file turns out larger while it streams (a client can misstate its length)."""

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        self.received = 0
        # Refused at the first chunk of the file rather than here, so the form fields before it (the
        # CSRF token among them) are still read and the page can say why.
        self.declared_too_large = content_length > settings.CLEARANCE_MAX_UPLOAD_BYTES + _FORM_ALLOWANCE

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.declared_too_large or self.received > settings.CLEARANCE_MAX_UPLOAD_BYTES:
            self._refuse()
        return raw_data  # the next handler stores it

    def file_complete(self, file_size: int) -> None:
        return None

    def _refuse(self) -> None:
        self.request.upload_refused = too_large_message()  # type: ignore[union-attr]
        raise StopUpload(connection_reset=False)
