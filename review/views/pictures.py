"""Pictures in a version: a preview to look at, and the decision to show or withhold each one."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from disclosure.access import Need, version_for
from disclosure.views.common import AuthenticatedRequest, attempt
from redaction.extract.pictures import picture_preview
from review import services
from review.models import Picture


@require_safe
def preview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    picture = get_object_or_404(Picture, pk=pk)
    version = version_for(request.user, picture.version_id, Need.VIEW)
    with version.original.open("rb") as handle:
        png = picture_preview(handle.read(), version.file_format, picture.ref)
    if png is None:
        raise Http404("This picture cannot be shown; open the original document to look at it.")
    response = HttpResponse(png, content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    picture = get_object_or_404(Picture.objects.select_related("version"), pk=pk)
    version = version_for(request.user, picture.version_id, Need.EDIT)
    choice = request.POST.get("decision")
    if choice not in ("shown", "withheld"):
        messages.error(request, "Choose whether to keep or withhold the picture.")
    else:
        attempt(
            request,
            lambda: services.picture_decide(user=request.user, picture=picture, withhold=choice == "withheld"),
            success="Picture withheld: it will be a black box in every file."
            if choice == "withheld"
            else "Recorded: you looked at the picture and it can be shown.",
        )
    return redirect(reverse("triage", args=[version.pk]) + f"#picture-{picture.pk}")
