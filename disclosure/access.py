"""The one permission entry point: fetch an object for a user, or refuse.

Outside the user's teams an object does not exist for them (404, so case references cannot be
probed); inside, the wrong role is a PermissionDenied (403). DPOs see every case and change nothing.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from disclosure.models import Case, DocumentVersion, Release
from disclosure.roles import Role, roles_of

AnyUser = User | AnonymousUser
T = TypeVar("T")


class Need(Enum):
    VIEW = "view"  # read a case, its documents and findings
    EDIT = "edit"  # create cases, upload, triage, submit
    CHECK = "check"  # independent check: approve or return
    RELEASE = "release"  # release an approved version
    AUDIT = "audit"  # audit trails and reports


_ROLES_FOR: dict[Need, frozenset[Role]] = {
    Need.VIEW: frozenset({Role.AUTHOR, Role.CHECKER, Role.DPO}),
    Need.EDIT: frozenset({Role.AUTHOR}),
    Need.CHECK: frozenset({Role.CHECKER}),
    Need.RELEASE: frozenset({Role.AUTHOR}),
    Need.AUDIT: frozenset({Role.DPO}),
}


def can(user: AnyUser, need: Need) -> bool:
    """Whether the user's roles allow this kind of action at all (team scope aside)."""
    return bool(roles_of(user) & _ROLES_FOR[need])


def require(user: AnyUser, need: Need) -> None:
    if not can(user, need):
        raise PermissionDenied("Your role does not allow this.")


def visible_cases(user: AnyUser) -> QuerySet[Case]:
    roles = roles_of(user)
    if Role.DPO in roles:
        return Case.objects.all()
    if not roles or user.pk is None:
        return Case.objects.none()
    return Case.objects.filter(team__members__pk=user.pk).distinct()


def case_for(user: AnyUser, pk: int, need: Need = Need.VIEW) -> Case:
    case = _visible_or_404(visible_cases(user).filter(pk=pk))
    _require_in_team(user, case, need)
    return case


def version_for(user: AnyUser, pk: int, need: Need = Need.VIEW) -> DocumentVersion:
    queryset = DocumentVersion.objects.select_related("document__case__team", "uploaded_by").filter(
        pk=pk, document__case__in=visible_cases(user)
    )
    version = _visible_or_404(queryset)
    _require_in_team(user, version.document.case, need)
    return version


def release_for(user: AnyUser, pk: int) -> Release:
    queryset = Release.objects.select_related("version__document__case").filter(
        pk=pk, version__document__case__in=visible_cases(user)
    )
    return _visible_or_404(queryset)


def _visible_or_404(queryset: QuerySet[T]) -> T:  # type: ignore[type-var]
    found = queryset.first()
    if found is None:
        raise Http404("No such record.")
    return found


def _require_in_team(user: AnyUser, case: Case, need: Need) -> None:
    require(user, need)
    if need in (Need.VIEW, Need.AUDIT):
        return
    # A DPO sees every case but acts on none; other actions need membership of the case's team.
    if user.pk is None or not case.team.members.filter(pk=user.pk).exists():
        raise PermissionDenied("This case belongs to another team.")
