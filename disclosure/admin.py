"""Django admin for users, roles, teams, cases and reason codes; every change is audited in the same
transaction (the admin wraps each save in one)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.forms import ModelForm
from django.http import HttpRequest

from disclosure.audit import audit_record
from disclosure.models import AuditEvent, Case, Party, Team


class PartyInline(admin.TabularInline):
    model = Party
    extra = 1


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name",)
    filter_horizontal = ("members",)

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool) -> None:
        team: Team = form.instance
        before = set(team.members.values_list("username", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        after = set(team.members.values_list("username", flat=True))
        if before != after or not change:
            audit_record(
                actor=request.user,
                action="team.changed",
                summary=f"Team {team.name}: members changed",
                data={"team": team.name, "added": sorted(after - before), "removed": sorted(before - after)},
            )


admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(UserAdmin):
    def save_related(self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool) -> None:
        user: User = form.instance
        before = set(user.groups.values_list("name", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        after = set(user.groups.values_list("name", flat=True))
        if before != after:
            audit_record(
                actor=request.user,
                action="role.changed",
                summary=f"Roles of {user.get_username()} changed",
                data={"user": user.get_username(), "added": sorted(after - before), "removed": sorted(before - after)},
            )


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("reference", "title", "team")
    list_filter = ("team",)
    search_fields = ("reference", "title")
    inlines = (PartyInline,)

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        case: Case = form.instance
        audit_record(
            actor=request.user,
            action="case.changed" if change else "case.created",
            case=case,
            summary=f"Case {case.reference} {'changed' if change else 'created'} in admin",
            data={"changed": list(form.changed_data), "parties": [str(p) for p in case.parties.all()]},
        )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, even for administrators."""

    list_display = ("at", "actor_name", "action", "summary")
    list_filter = ("action",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
