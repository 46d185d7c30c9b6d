"""factory-boy factories for the web app's models."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.models import Group, User

from disclosure.models import Case, Party, Team
from disclosure.roles import Role

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        for role in extracted or ():
            self.groups.add(Group.objects.get(name=Role(role).value))
        self.save()

    @factory.post_generation
    def teams(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        for team in extracted or ():
            team.members.add(self)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    reference = factory.Sequence(lambda n: f"T-{1000 + n}")
    title = "Test family"
    team = factory.SubFactory(TeamFactory)


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    case = factory.SubFactory(CaseFactory)
    kind = Party.Kind.FAMILY
    name = factory.Sequence(lambda n: f"Person {n}")
    role = ""
    aliases = factory.LazyFunction(list)
