"""Pictures of a redacted output's pages, shown on the check page (what the family would see)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from disclosure.access import Need, version_for
from disclosure.errors import ActionRefused
from disclosure.outputs import output_bytes
from disclosure.views.common import AuthenticatedRequest
from redaction.render.preview import NoSuchPage, page_png


@require_safe
def output_page(request: AuthenticatedRequest, pk: int, page: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.VIEW)
    output = version.outputs.filter(format="pdf").first()
    if output is None:
        raise Http404("This version has no redacted PDF.")
    try:
        picture = page_png(output_bytes(output), page)  # refused unless the stored bytes are the submitted ones
    except (ActionRefused, NoSuchPage) as error:
        raise Http404(str(error)) from error
    response = HttpResponse(picture, content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
