"""Every file leaves through here: permission-checked, recorded, sent as an attachment."""

from __future__ import annotations

from django.contrib import messages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from disclosure import services
from disclosure.access import Need, release_for, version_for
from disclosure.models import DocumentVersion
from disclosure.storage import StoredFileUnreadable
from disclosure.views.common import AuthenticatedRequest

_TYPES = {
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _send(
    request: AuthenticatedRequest, version: DocumentVersion, what: str, field: FieldFile, file_name: str
) -> HttpResponseBase:
    try:
        handle = field.open("rb")
    except StoredFileUnreadable:
        messages.error(request, "This file cannot be read: it was changed on disk. Tell your administrator.")
        return redirect("version_detail", pk=version.pk)
    # Recorded only once the file is known to be readable, so the trail never shows a download that failed.
    services.download_record(user=request.user, version=version, what=what, file_name=file_name)
    suffix = file_name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        handle, as_attachment=True, filename=file_name, content_type=_TYPES.get(suffix, "application/octet-stream")
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def download_original(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    version = version_for(request.user, pk, Need.VIEW)
    return _send(request, version, "original", version.original, version.original_name)


@require_safe
def download_output(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    version = version_for(request.user, pk, Need.VIEW)
    if not version.output:
        raise Http404("No redacted output yet.")
    return _send(request, version, "output", version.output, version.output_name)


@require_safe
def download_release(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    release = release_for(request.user, pk)
    return _send(request, release.version, "release", release.file, release.file_name)
