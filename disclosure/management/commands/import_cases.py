from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from disclosure.errors import ActionRefused
from disclosure.models import Team
from disclosure.services import cases_import


class Command(BaseCommand):
    help = "Import a case register (JSON, as in shared/corpus/README.md) into a team."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--team", default="Imported cases", help="Team that owns new cases (created if missing).")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            register = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {path}") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path} is not a valid JSON register: {error}") from error
        team, _ = Team.objects.get_or_create(name=options["team"])
        try:
            created, updated = cases_import(register=register, team=team)
        except ActionRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Imported {created} new and refreshed {updated} existing case(s) into {team.name}.")
        )
