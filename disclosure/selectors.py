"""Shared reads."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db.models import QuerySet

from disclosure.models import Case, DocumentVersion, Party
from redaction.types import CaseContext, OtherCase, Person


def _person(party: Party) -> Person:
    return Person(name=party.name, role=party.role, aliases=tuple(party.aliases or ()))


def case_context(case: Case) -> CaseContext:
    """The engine's view of a case: its family, its professionals, and every other case's people."""
    family: list[Person] = []
    professionals: list[Person] = []
    for party in case.parties.all():
        (family if party.kind == Party.Kind.FAMILY else professionals).append(_person(party))
    families: dict[str, list[Person]] = defaultdict(list)
    staff: dict[str, list[Person]] = defaultdict(list)
    for party in Party.objects.exclude(case=case).select_related("case").order_by("case__reference", "name"):
        (families if party.kind == Party.Kind.FAMILY else staff)[party.case.reference].append(_person(party))
    return CaseContext(
        reference=case.reference,
        organisation=tuple(settings.CLEARANCE_ORGANISATION_CONTACTS),
        addresses=tuple(case.addresses or ()),
        family=tuple(family),
        professionals=tuple(professionals),
        other_cases=tuple(
            OtherCase(reference=ref, people=tuple(people), professionals=tuple(staff.get(ref, ())))
            for ref, people in families.items()
        ),
    )


def versions_awaiting_check(cases: QuerySet[Case]) -> QuerySet[DocumentVersion]:
    return (
        DocumentVersion.objects.filter(status=DocumentVersion.Status.AWAITING_CHECK, document__case__in=cases)
        .select_related("document__case", "uploaded_by", "submitted_by")
        .order_by("submitted_at")
    )
