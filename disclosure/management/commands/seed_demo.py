"""Demo data for a first look: a team, the three roles, two cases and two documents with third parties."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandParser

from disclosure.models import Case, Party, Team
from disclosure.roles import Role
from disclosure.services import cases_import, version_upload

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
USERS = (
    ("author", Role.AUTHOR, "Rebecca", "Lowther"),
    ("checker", Role.CHECKER, "Martin", "Pryce"),
    ("dpo", Role.DPO, "Joan", "Okeke"),
)
DOCUMENTS = (("Letter after home visit", "letter_after_visit.txt"), ("Core group minutes", "core_group_minutes.txt"))


def demo_password() -> str:
    """CLEARANCE_DEMO_PASSWORD, or one generated once into var/ so repeated seeding keeps working logins."""
    given = os.environ.get("CLEARANCE_DEMO_PASSWORD")
    if given:
        return given
    stored = Path(settings.VAR_DIR) / "demo_password"
    if not stored.exists():
        stored.write_text(secrets.token_urlsafe(9))
        stored.chmod(0o600)
    return stored.read_text().strip()


class Command(BaseCommand):
    help = "Create the demo team, users (author, checker, dpo, admin), cases and documents. Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-documents", action="store_true", help="Skip uploading the demo documents.")

    def handle(self, *args: Any, **options: Any) -> None:
        password = demo_password()
        team, _ = Team.objects.get_or_create(name="Family Support South")
        users = {}
        for username, role, first, last in USERS:
            user, _ = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=role.value))
            if role != Role.DPO:
                team.members.add(user)
            users[username] = user
        admin, _ = User.objects.get_or_create(username="admin", defaults={"is_staff": True, "is_superuser": True})
        admin.set_password(password)
        admin.save()

        cases_import(register=json.loads((DEMO_DIR / "register.json").read_text()), team=team)
        case = Case.objects.get(reference="DEMO-001")
        if not options["no_documents"] and not case.documents.exists():
            family = list(case.parties.filter(kind=Party.Kind.FAMILY, role="parent"))
            for title, file_name in DOCUMENTS:
                upload = SimpleUploadedFile(file_name, (DEMO_DIR / file_name).read_bytes(), "text/plain")
                version_upload(user=users["author"], case=case, uploaded_file=upload, recipients=family, title=title)

        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(f"  Logins (password for all: {password}):")
        for username, role, *_ in USERS:
            self.stdout.write(f"    {username:8} {role.value}")
        self.stdout.write("    admin    Django admin (users, teams, roles, reason codes)")
