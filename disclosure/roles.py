"""The roles are Django groups; these names are the single source of truth for them."""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.models import AnonymousUser, User


class Role(StrEnum):
    AUTHOR = "Author"
    CHECKER = "Checker"
    DPO = "DPO"


def roles_of(user: User | AnonymousUser) -> frozenset[Role]:
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[Role] | None = getattr(user, "_clearance_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        # Cached on the user object: templates and views ask many times per request.
        user._clearance_roles = cached  # type: ignore[attr-defined]
    return cached
