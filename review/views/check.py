"""The independent checker's queue and review page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from disclosure.access import Need, require, version_for, visible_cases
from disclosure.errors import ActionRefused
from disclosure.models import DocumentVersion
from disclosure.outputs import output_bytes
from disclosure.selectors import versions_awaiting_check
from disclosure.views.common import AuthenticatedRequest, attempt
from redaction.render.preview import page_count
from review import services
from review.forms import ApproveForm, ReturnForm
from review.highlight import redacted_html
from review.models import Finding
from review.selectors import check_refusal, redactions_for

Status = DocumentVersion.Status


@require_safe
def queue(request: AuthenticatedRequest) -> HttpResponse:
    require(request.user, Need.CHECK)
    cases = visible_cases(request.user).filter(team__members=request.user)
    items = [(v, check_refusal(request.user, v)) for v in versions_awaiting_check(cases)]
    return render(request, "review/queue.html", {"items": items})


@require_safe
def check_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.CHECK)
    refusal = check_refusal(request.user, version)
    awaiting = version.status == Status.AWAITING_CHECK
    if awaiting and refusal is None:
        services.check_open(user=request.user, version=version)
    findings = list(version.findings.select_related("reason_code", "decided_by"))
    return render(
        request,
        "review/check.html",
        {
            "version": version,
            "case": version.document.case,
            "text_html": redacted_html(version.extracted_text, redactions_for(version)),
            "redacted": [f for f in findings if f.is_redacted],
            "rejected": [f for f in findings if f.is_rejected_suggestion],
            "manual": [f for f in findings if f.source == Finding.Source.MANUAL],
            "refusal": refusal,
            "awaiting": awaiting,
            "outputs": version.outputs.all(),
            "pdf_pages": _pdf_pages(version),
            "approve_form": ApproveForm(initial={"output_sha256": version.output_sha256}),
            "return_form": ReturnForm(),
            "pictures": version.pictures.select_related("decided_by"),
            "editable": False,
        },
    )


def _pdf_pages(version: DocumentVersion) -> range:
    """Page numbers of the redacted PDF, for its pictures; none if it cannot be read as submitted."""
    output = version.outputs.filter(format="pdf").first()
    if output is None:
        return range(0)
    try:
        return range(1, page_count(output_bytes(output)) + 1)
    except ActionRefused:
        return range(0)  # approval refuses it too, with the reason


@require_POST
def approve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.CHECK)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Open the version again and approve what you see.")
        return redirect("check_review", pk=version.pk)
    done = attempt(
        request,
        lambda: services.check_approve(
            user=request.user, version=version, seen_sha256=form.cleaned_data["output_sha256"]
        ),
        success="Approved. The author can now release it.",
    )
    return redirect("check_queue") if done else redirect("check_review", pk=version.pk)


@require_POST
def return_to_author(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.CHECK)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say what the author needs to change.")
        return redirect("check_review", pk=version.pk)
    done = attempt(
        request,
        lambda: services.check_return(user=request.user, version=version, comments=form.cleaned_data["comments"]),
        success="Returned to the author with your comments.",
    )
    return redirect("check_queue") if done else redirect("check_review", pk=version.pk)
