"""Shared fixtures: a small world of two teams, the three roles and a case with a known family."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.celery import app as celery_app
from disclosure.models import Case, DocumentVersion, Party, Team
from disclosure.roles import Role
from disclosure.services import version_upload
from disclosure.twofactor import two_factor_required
from tests.factories import CaseFactory, PartyFactory, TeamFactory, UserFactory

REQUIRE_SERVICES = os.environ.get("CLEARANCE_REQUIRE_SERVICES") == "1"

LETTER = (
    "Dear Ms Okafor,\n\n"
    "Thank you for meeting me. Chidi is doing well at school and Ngozi is settled.\n"
    "Your neighbour Gary Hollins was arrested last month after police were called to his flat.\n"
    "Chidi has been spending time with Liam Doyle, who lives on the next street.\n\n"
    "Yours sincerely,\nRebecca Lowther\nSocial Worker\n"
)


@dataclass
class World:
    team: Team
    other_team: Team
    author: User
    author2: User
    checker: User
    checker2: User
    other_author: User
    other_checker: User
    dpo: User
    nobody: User
    case: Case
    other_case: Case
    mother: Party


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> Iterator[None]:
    """Tasks run in-process unless a test starts a real worker; files go to a per-test folder;
    a fast password hasher, since the real one is slow by design."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def _reference_data() -> None:
    """Roles and reason codes come from data migrations; a transactional test's flush removes them,
    so re-run the same migration functions rather than keep a second copy of the data."""
    from django.apps import apps

    for module, function in (
        ("disclosure.migrations.0002_roles", "create_roles"),
        ("review.migrations.0002_reason_codes", "create_codes"),
    ):
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def world(db: None) -> World:
    _reference_data()
    team, other_team = TeamFactory(name="South"), TeamFactory(name="North")
    author = UserFactory(username="author", roles=[Role.AUTHOR], teams=[team])
    author2 = UserFactory(username="author2", roles=[Role.AUTHOR], teams=[team])
    checker = UserFactory(username="checker", roles=[Role.CHECKER], teams=[team])
    checker2 = UserFactory(username="checker2", roles=[Role.CHECKER, Role.AUTHOR], teams=[team])
    other_author = UserFactory(username="north_author", roles=[Role.AUTHOR], teams=[other_team])
    other_checker = UserFactory(username="north_checker", roles=[Role.CHECKER], teams=[other_team])
    dpo = UserFactory(username="dpo", roles=[Role.DPO])
    nobody = UserFactory(username="nobody", teams=[team])
    case = CaseFactory(reference="T-1", title="Okafor children", team=team)
    mother = PartyFactory(case=case, name="Adaeze Okafor", role="parent", aliases=["Ms Okafor"])
    PartyFactory(case=case, name="Chidi Okafor", role="child", aliases=["Chidi"])
    PartyFactory(case=case, name="Ngozi Okafor", role="child", aliases=["Ngozi"])
    PartyFactory(case=case, kind=Party.Kind.PROFESSIONAL, name="Rebecca Lowther", role="Social Worker")
    other_case = CaseFactory(reference="T-2", title="Doyle family", team=other_team)
    PartyFactory(case=other_case, name="Liam Doyle", role="child", aliases=["Liam"])
    return World(
        team,
        other_team,
        author,
        author2,
        checker,
        checker2,
        other_author,
        other_checker,
        dpo,
        nobody,
        case,
        other_case,
        mother,
    )


class VerifiedClient(Client):
    """A test client whose force_login also gives the second factor for users who need one, as if they
    had typed a code; tests of the two-factor flow itself use the pages."""

    def force_login(self, user: Any, backend: str | None = None) -> None:
        super().force_login(user, backend)
        if two_factor_required(user):
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
                user=user, name="test", confirmed=True
            )
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client() -> VerifiedClient:
    return VerifiedClient()


@pytest.fixture
def real_broker() -> str:
    """The Redis broker of CELERY_BROKER_URL, for tests that start a real worker."""
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        if REQUIRE_SERVICES:
            pytest.fail("CELERY_BROKER_URL must point at Redis for the worker tests")
        pytest.skip("No Redis broker configured (set CELERY_BROKER_URL=redis://...)")
    return broker


@pytest.fixture
def upload(world: World, django_capture_on_commit_callbacks: Any) -> Callable[..., DocumentVersion]:
    """Uploads a document as the author and runs its analysis (eagerly, after commit)."""

    def _upload(
        text: str = LETTER,
        name: str = "letter.txt",
        user: User | None = None,
        case: Case | None = None,
        recipients: list[Party] | None = None,
        **kwargs: Any,
    ) -> DocumentVersion:
        data = text.encode() if isinstance(text, str) else text
        with django_capture_on_commit_callbacks(execute=True):
            version = version_upload(
                user=user or world.author,
                case=case or world.case,
                uploaded_file=SimpleUploadedFile(name, data),
                recipients=recipients or [world.mother],
                **kwargs,
            )
        version.refresh_from_db()
        return version

    return _upload


def submit_for_check(user: User, version: DocumentVersion) -> None:
    """Submits as the service does and runs the task that makes the files (eagerly, after commit)."""
    from django.test import TestCase

    from review.services import version_submit

    with TestCase.captureOnCommitCallbacks(execute=True):
        version_submit(user=user, version=version)
    version.refresh_from_db()
