"""Logins, failed logins, role, team and case changes in the admin are all audited."""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from disclosure.models import AuditEvent, Team
from tests.conftest import World
from tests.factories import PASSWORD


def test_login_logout_and_failed_login_are_recorded(client: Client, world: World) -> None:
    client.post(reverse("login"), {"username": "author", "password": "wrong-password"})
    failed = AuditEvent.objects.get(action="auth.login_failed")
    assert failed.actor is None and failed.data["username"] == "author"
    assert "wrong-password" not in str(failed.data)
    client.post(reverse("login"), {"username": "author", "password": PASSWORD})
    assert AuditEvent.objects.filter(action="auth.login", actor=world.author).exists()
    client.post(reverse("logout"))
    assert AuditEvent.objects.filter(action="auth.logout", actor=world.author).exists()


def test_role_and_team_changes_in_admin_are_recorded(client: Client, world: World) -> None:
    admin = User.objects.create_superuser("boss", password=PASSWORD)
    client.force_login(admin)
    checker_group = Group.objects.get(name="Checker")
    author = world.author
    response = client.post(
        reverse("admin:auth_user_change", args=[author.pk]),
        {
            "username": author.username,
            "password": author.password,
            "is_active": "on",
            "groups": [g.pk for g in author.groups.all()] + [checker_group.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    event = AuditEvent.objects.get(action="role.changed")
    assert event.actor == admin and event.data == {"user": "author", "added": ["Checker"], "removed": []}

    team = Team.objects.get(name="South")
    client.post(
        reverse("admin:disclosure_team_change", args=[team.pk]), {"name": "South", "members": [world.author.pk]}
    )
    team_event = AuditEvent.objects.get(action="team.changed")
    assert "checker" in team_event.data["removed"]
