"""The author's triage: decide each suggestion, add redactions by hand, preview, submit."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from disclosure.access import Need, version_for
from disclosure.models import DocumentVersion
from disclosure.views.common import AuthenticatedRequest, attempt
from review import services
from review.forms import DecisionForm, ManualRedactionForm, TermRedactionForm
from review.highlight import MARK_FIELDS, Mark, highlighted_html, redacted_html
from review.models import DEFAULT_REASON_CODE, CheckDecision, Finding, Picture, ReasonCode
from review.selectors import partly_redacted, pending_reviews, redactions_for

Status = DocumentVersion.Status


@require_safe
def triage(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.EDIT)
    if version.status in (Status.UPLOADED, Status.ANALYSING, Status.FAILED):
        return redirect("version_detail", pk=version.pk)
    marks = [Mark(*row) for row in version.findings.values_list(*MARK_FIELDS)]
    to_decide = ~Q(suggested_action=Finding.Suggestion.KEEP) | ~Q(decision=Finding.Decision.PENDING)
    show = "kept" if request.GET.get("show") == "kept" else "decide"
    listed = version.findings.filter(to_decide if show == "decide" else ~to_decide)
    # A long document has hundreds of findings: the list is paged so the page stays light to render,
    # and only the page's findings are loaded as full rows.
    page = Paginator(listed.select_related("reason_code", "decided_by"), FINDINGS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    decide_count = sum(1 for m in marks if m.suggested_action != "keep" or m.decision != "pending")
    return render(
        request,
        "review/triage.html",
        {
            "version": version,
            "case": version.document.case,
            "text_html": highlighted_html(version.extracted_text, marks),
            "to_decide_count": decide_count,
            "kept_count": len(marks) - decide_count,
            "show": show,
            "page": page,
            "return_to": f"show={show}&page={page.number}",
            "reason_codes": ReasonCode.objects.filter(active=True),
            "default_reason": DEFAULT_REASON_CODE,
            "manual_form": ManualRedactionForm(),
            "pending_reviews": pending_reviews(version),
            "returns": CheckDecision.objects.filter(version=version, outcome=CheckDecision.Outcome.RETURNED),
            "editable": version.is_editable,
            "can_submit": version.status in (Status.TRIAGE, Status.RETURNED),
            "pictures": version.pictures.select_related("decided_by"),
            "partly_redacted": partly_redacted(version),
            "pictures_pending": version.pictures.filter(decision=Picture.Decision.PENDING).count(),
        },
    )


FINDINGS_PER_PAGE = 40
_RETURN_TO = re.compile(r"show=(decide|kept)&page=\d{1,5}")


def _back_to_triage(version: DocumentVersion, anchor: str = "", return_to: str = "") -> HttpResponse:
    """Back to the same page of the findings list, at the finding just decided."""
    query = f"?{return_to}" if _RETURN_TO.fullmatch(return_to) else ""
    return redirect(reverse("triage", args=[version.pk]) + query + (f"#{anchor}" if anchor else ""))


@require_POST
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    finding = get_object_or_404(Finding.objects.select_related("version"), pk=pk)
    version = version_for(request.user, finding.version_id, Need.EDIT)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose redact or keep.")
        return _back_to_triage(version, f"finding-{finding.pk}", request.POST.get("return_to", ""))
    data = form.cleaned_data
    attempt(
        request,
        lambda: services.decision_record(
            user=request.user,
            finding=finding,
            decision=data["decision"],
            reason_code=data["reason_code"],
            note=data["note"],
            every_occurrence=data["every_occurrence"],
        ),
    )
    return _back_to_triage(version, f"finding-{finding.pk}", request.POST.get("return_to", ""))


@require_POST
def manual_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.EDIT)
    form = ManualRedactionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        attempt(
            request,
            lambda: services.manual_redaction_add(
                user=request.user,
                version=version,
                start=data["start"],
                end=data["end"],
                reason_code=data["reason_code"],
                note=data["note"],
            ),
            success="Redaction added.",
        )
    else:
        messages.error(request, "Select text in the document and choose a reason code.")
    return _back_to_triage(version)


@require_POST
def term_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.EDIT)
    form = TermRedactionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        added = attempt(
            request,
            lambda: services.term_redaction_add(
                user=request.user, version=version, term=data["term"], reason_code=data["reason_code"]
            ),
        )
        if added is not None:
            messages.success(request, f"Redacted {len(added)} more occurrence(s) of {data['term']!r}.")
    else:
        messages.error(request, "Enter a word or name and choose a reason code.")
    return _back_to_triage(version)


@require_safe
def preview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.VIEW)
    return render(
        request,
        "review/preview.html",
        {
            "version": version,
            "text_html": redacted_html(version.extracted_text, redactions_for(version)),
        },
    )


@require_POST
def attest_pages(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.EDIT)
    if request.POST.get("confirm") != "yes":
        messages.error(request, "Tick the box to confirm you read every page.")
    else:
        attempt(
            request,
            lambda: services.pages_attest(user=request.user, version=version),
            success="Recorded: you read every page without a text layer.",
        )
    return _back_to_triage(version)


@require_POST
def submit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.EDIT)
    done = attempt(
        request,
        lambda: services.version_submit(user=request.user, version=version),
        success="Submitted for independent check. The redacted files are being made and verified.",
    )
    if done is None and version.status in (Status.TRIAGE, Status.RETURNED):
        return _back_to_triage(version)
    return redirect("version_detail", pk=version.pk)
