"""Every file leaves through here: permission-checked, recorded, sent as an attachment."""

from __future__ import annotations

from django.core.files import File
from django.http import FileResponse, Http404

from disclosure import services
from disclosure.access import Need, release_for, version_for
from disclosure.views.common import AuthenticatedRequest

_TYPES = {
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _attachment(field: File, file_name: str) -> FileResponse:
    suffix = file_name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=file_name,
        content_type=_TYPES.get(suffix, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def download_original(request: AuthenticatedRequest, pk: int) -> FileResponse:
    version = version_for(request.user, pk, Need.VIEW)
    services.download_record(user=request.user, version=version, what="original", file_name=version.original_name)
    return _attachment(version.original, version.original_name)


def download_output(request: AuthenticatedRequest, pk: int) -> FileResponse:
    version = version_for(request.user, pk, Need.VIEW)
    if not version.output:
        raise Http404("No redacted output yet.")
    services.download_record(user=request.user, version=version, what="output", file_name=version.output_name)
    return _attachment(version.output, version.output_name)


def download_release(request: AuthenticatedRequest, pk: int) -> FileResponse:
    release = release_for(request.user, pk)
    services.download_record(user=request.user, version=release.version, what="release", file_name=release.file_name)
    return _attachment(release.file, release.file_name)
