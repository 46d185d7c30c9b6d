from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from disclosure import services
from disclosure.access import Need, can, case_for, version_for
from disclosure.forms import ReleaseForm, UploadForm
from disclosure.models import AuditEvent, DocumentVersion, Party
from disclosure.views.common import AuthenticatedRequest, attempt
from review.models import CheckDecision
from review.selectors import check_refusal, pending_reviews

Status = DocumentVersion.Status


def upload(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_for(request.user, pk, Need.EDIT)
    family = case.parties.filter(kind=Party.Kind.FAMILY)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        case_documents=case.documents.all(),
        family=family,
        initial={"document": request.GET.get("document")},
    )
    refused = getattr(request, "upload_refused", None) if request.method == "POST" else None
    if refused:
        messages.error(request, refused)  # stopped while arriving: nothing was stored
    elif request.method == "POST" and form.is_valid():
        version = attempt(
            request,
            lambda: services.version_upload(
                user=request.user,
                case=case,
                uploaded_file=form.cleaned_data["file"],
                recipients=list(form.cleaned_data["recipients"]),
                document=form.cleaned_data["document"],
                title=form.cleaned_data["title"],
            ),
            success="Uploaded. Analysis is under way; this page follows its progress.",
        )
        if version is not None:
            return redirect("version_detail", pk=version.pk)
    return render(request, "disclosure/upload.html", {"case": case, "form": form})


@require_safe
def version_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk)
    findings = version.findings.all()
    return render(
        request,
        "disclosure/version_detail.html",
        {
            "version": version,
            "case": version.document.case,
            "recipients": version.recipients.all(),
            "outputs": version.outputs.all(),
            "counts": {
                "redacted": sum(1 for f in findings if f.is_redacted),
                "kept": sum(1 for f in findings if not f.is_redacted),
                "review": pending_reviews(version),
            },
            "checks": CheckDecision.objects.filter(version=version).select_related("checker"),
            "can_edit": _can_act(request, version, Need.EDIT),
            "can_release": _can_act(request, version, Need.RELEASE) and version.status == Status.APPROVED,
            "can_check": version.status == Status.AWAITING_CHECK
            and _can_act(request, version, Need.CHECK)
            and check_refusal(request.user, version) is None,
            "can_audit": can(request.user, Need.AUDIT),
            "release": getattr(version, "release", None) if version.status == Status.RELEASED else None,
            "in_progress": version.status in _IN_PROGRESS,
            "other_versions": version.document.versions.exclude(pk=version.pk).order_by("-number"),
        },
    )


def _can_act(request: AuthenticatedRequest, version: DocumentVersion, need: Need) -> bool:
    return can(request.user, need) and version.document.case.team.members.filter(pk=request.user.pk).exists()


_IN_PROGRESS = (Status.UPLOADED, Status.ANALYSING, Status.PREPARING)


@require_safe
def version_status(request: AuthenticatedRequest, pk: int) -> JsonResponse:
    version = version_for(request.user, pk)
    return JsonResponse(
        {
            "status": version.status,
            "label": version.get_status_display(),
            "progress": version.progress,
            "failure_reason": version.failure_reason,
            "queue_error": version.queue_error,
            "done": version.status not in _IN_PROGRESS,
            # Authors go straight on to triage (after analysis, or a refused submission); anyone else
            # just sees the page again with the result.
            "next": reverse("triage", args=[version.pk])
            if version.status == Status.TRIAGE and _can_act(request, version, Need.EDIT)
            else "",
        }
    )


@require_POST
def analysis_retry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.EDIT)
    attempt(request, lambda: services.analysis_retry(user=request.user, version=version), success="Analysis restarted.")
    return redirect("version_detail", pk=version.pk)


def release(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.RELEASE)
    family = version.document.case.parties.filter(kind=Party.Kind.FAMILY)
    outputs = list(version.outputs.all())
    form = ReleaseForm(
        request.POST or None,
        family=family,
        formats=[(o.format, f"{o.get_format_display()}: {o.file_name}") for o in outputs],
        initial={
            "recipients": list(version.recipients.values_list("pk", flat=True)),
            "output_format": "pdf"
            if any(o.format == "pdf" for o in outputs)
            else (outputs[0].format if outputs else ""),
        },
    )
    if request.method == "POST" and form.is_valid():
        done = attempt(
            request,
            lambda: services.release_create(
                user=request.user,
                version=version,
                method=form.cleaned_data["method"],
                recipients=list(form.cleaned_data["recipients"]),
                output_format=form.cleaned_data["output_format"],
            ),
            success="Released. The exact approved file is recorded on the case.",
        )
        if done is not None:
            return redirect("case_detail", pk=version.document.case_id)
    return render(request, "disclosure/release.html", {"version": version, "form": form})


@require_safe
def schedule(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The redaction schedule of each output: where each box is, what kind, why, who decided."""
    version = version_for(request.user, pk)
    return render(request, "disclosure/schedule.html", {"version": version, "outputs": version.outputs.all()})


@require_safe
def audit_trail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Every event about a document, across its versions (DPO)."""
    version = version_for(request.user, pk, Need.AUDIT)
    events = (
        AuditEvent.objects.filter(version__document=version.document).select_related("version").order_by("at", "id")
    )
    return render(request, "disclosure/audit_trail.html", {"version": version, "events": events})
