"""Every file leaves through here: permission-checked, recorded, sent as an attachment."""

from __future__ import annotations

from django.contrib import messages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from disclosure import services
from disclosure.access import Need, release_for, version_for
from disclosure.models import DocumentVersion
from disclosure.storage import StoredFileUnreadable
from disclosure.views.common import AuthenticatedRequest, as_attachment
from redaction.render import CONTENT_TYPES, ScheduleRow, schedule_csv


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
        handle,
        as_attachment=True,
        filename=file_name,
        content_type=CONTENT_TYPES.get(suffix, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def download_original(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    version = version_for(request.user, pk, Need.VIEW)
    return _send(request, version, "original", version.original, version.original_name)


@require_safe
def download_output(request: AuthenticatedRequest, pk: int, output_format: str) -> HttpResponseBase:
    version = version_for(request.user, pk, Need.VIEW)
    output = version.outputs.filter(format=output_format).first()
    if output is None:
        raise Http404("No such redacted output.")
    return _send(request, version, "output", output.file, output.file_name)


@require_safe
def download_schedule(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """The redaction schedule of every output as CSV: kept with the case, never sent to the family."""
    version = version_for(request.user, pk, Need.VIEW)
    rows = [ScheduleRow(**row) for output in version.outputs.all() for row in output.schedule]
    file_name = f"{version.document.title[:60]}-v{version.number}-redaction-schedule.csv"
    services.download_record(user=request.user, version=version, what="schedule", file_name=file_name)
    return as_attachment(HttpResponse(schedule_csv(rows), content_type="text/csv; charset=utf-8"), file_name)


@require_safe
def download_release(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    release = release_for(request.user, pk)
    return _send(request, release.version, "release", release.file, release.file_name)
