from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe
from django_otp import user_has_device

from disclosure import services
from disclosure.access import Need, can, case_for, require, visible_cases
from disclosure.forms import CaseForm, PartyForm, PersonFormSet
from disclosure.models import DocumentVersion, Party, Team
from disclosure.roles import Role, roles_of
from disclosure.selectors import versions_awaiting_check
from disclosure.views.common import AuthenticatedRequest, attempt

Status = DocumentVersion.Status


@require_safe
def home(request: AuthenticatedRequest) -> HttpResponse:
    roles = roles_of(request.user)
    cases = visible_cases(request.user)
    my_work = (
        DocumentVersion.objects.filter(
            document__case__in=cases,
            uploaded_by=request.user,
            status__in=[
                Status.ANALYSING,
                Status.UPLOADED,
                Status.FAILED,
                Status.TRIAGE,
                Status.RETURNED,
                Status.APPROVED,
            ],
        )
        .select_related("document__case")
        .order_by("-status_changed_at")[:20]
        if Role.AUTHOR in roles
        else []
    )
    queue_count = versions_awaiting_check(cases).count() if Role.CHECKER in roles else 0
    return render(
        request,
        "disclosure/home.html",
        {
            "my_work": my_work,
            "queue_count": queue_count,
            "case_count": cases.count(),
            "roles": roles,
            "two_factor_enrolled": user_has_device(request.user),
        },
    )


@require_safe
def case_list(request: AuthenticatedRequest) -> HttpResponse:
    cases = visible_cases(request.user).select_related("team").annotate(document_count=Count("documents"))
    query = request.GET.get("q", "").strip()
    if query:
        cases = cases.filter(reference__icontains=query) | cases.filter(title__icontains=query)
    return render(
        request,
        "disclosure/case_list.html",
        {"cases": cases.order_by("reference"), "query": query, "can_create": can(request.user, Need.EDIT)},
    )


def case_create(request: AuthenticatedRequest) -> HttpResponse:
    require(request.user, Need.EDIT)
    teams = Team.objects.filter(members=request.user)
    form = CaseForm(request.POST or None, teams=teams)
    family = PersonFormSet(request.POST or None, prefix="family")
    professionals = PersonFormSet(request.POST or None, prefix="professionals")
    if request.method == "POST" and form.is_valid() and family.is_valid() and professionals.is_valid():
        family_people = [p for f in family for p in [f.person()] if p]
        if not family_people:
            messages.error(request, "Add at least one family member: they are who documents may be disclosed to.")
        else:
            case = attempt(
                request,
                lambda: services.case_create(
                    user=request.user,
                    team=form.cleaned_data["team"],
                    reference=form.cleaned_data["reference"],
                    title=form.cleaned_data["title"],
                    addresses=form.cleaned_data["addresses"].splitlines(),
                    family=family_people,
                    professionals=[p for f in professionals for p in [f.person()] if p],
                ),
                success="Case created.",
            )
            if case is not None:
                return redirect("case_detail", pk=case.pk)
    return render(
        request, "disclosure/case_form.html", {"form": form, "family": family, "professionals": professionals}
    )


@require_safe
def case_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_for(request.user, pk)
    versions = DocumentVersion.objects.select_related("uploaded_by", "approved_by").order_by("-number")
    documents = case.documents.prefetch_related(Prefetch("versions", queryset=versions))
    releases = (
        DocumentVersion.objects.filter(document__case=case, status=Status.RELEASED)
        .select_related("release__released_by", "release__checked_by", "document")
        .order_by("-release__released_at")
    )
    parties = case.parties.all()
    editable = can(request.user, Need.EDIT) and case.team.members.filter(pk=request.user.pk).exists()
    return render(
        request,
        "disclosure/case_detail.html",
        {
            "case": case,
            "documents": documents,
            "releases": releases,
            "family": [p for p in parties if p.kind == Party.Kind.FAMILY],
            "professionals": [p for p in parties if p.kind == Party.Kind.PROFESSIONAL],
            "editable": editable,
            "party_form": PartyForm() if editable else None,
            "can_audit": can(request.user, Need.AUDIT),
        },
    )


@require_POST
def party_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = case_for(request.user, pk, Need.EDIT)
    form = PartyForm(request.POST)
    if form.is_valid() and (person := form.person()) is not None:
        attempt(
            request,
            lambda: services.party_add(user=request.user, case=case, kind=form.cleaned_data["kind"], person=person),
            success=f"Added {person.name}.",
        )
    else:
        messages.error(request, "Give the person's name and whether they are family or a professional.")
    return redirect("case_detail", pk=case.pk)
