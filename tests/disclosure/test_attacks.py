"""IDOR, CSRF and path traversal attempts on the download and upload routes, and an all-or-nothing release."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from disclosure import services
from disclosure.models import AuditEvent, DocumentVersion, Release
from review import services as review_services
from tests.conftest import World, submit_for_check

Status = DocumentVersion.Status


@pytest.mark.parametrize(
    ("route", "extra"),
    [("download_original", []), ("download_output", ["pdf"]), ("version_status", []), ("download_schedule", [])],
)
def test_other_team_cannot_fetch_by_guessing_ids(
    client: Client, world: World, upload: Callable[..., DocumentVersion], route: str, extra: list[str]
) -> None:
    version = upload()
    submit_for_check(world.author, version)
    client.force_login(world.other_author)
    for pk in (version.pk, version.pk + 1, 0, 999_999):
        assert client.get(reverse(route, args=[pk, *extra])).status_code == 404


def test_other_team_cannot_fetch_a_release_file(client: Client, world: World, upload) -> None:
    version = upload()
    submit_for_check(world.author, version)
    version.refresh_from_db()
    review_services.check_approve(user=world.checker, version=version, seen_sha256=version.output_sha256)
    version.refresh_from_db()
    release = services.release_create(user=world.author, version=version, method="post", recipients=[world.mother])
    client.force_login(world.other_author)
    assert client.get(reverse("download_release", args=[release.pk])).status_code == 404


def test_state_changing_posts_need_a_csrf_token(world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.author)
    assert client.post(reverse("submit", args=[version.pk])).status_code == 403
    upload_response = client.post(
        reverse("upload", args=[world.case.pk]),
        {"file": SimpleUploadedFile("a.txt", b"Hello Gary Hollins"), "recipients": [world.mother.pk]},
    )
    assert upload_response.status_code == 403
    version.refresh_from_db()
    assert version.status == Status.TRIAGE
    assert DocumentVersion.objects.count() == 1


@pytest.mark.parametrize(
    "name", ["../../../etc/passwd.txt", "..\\..\\windows\\win.ini.txt", "/etc/shadow.txt", "nul\x00.txt", "a/b/c.txt"]
)
def test_uploaded_file_names_are_never_used_as_paths(world: World, upload, settings, name: str) -> None:
    version = upload("Dear Ms Okafor,\nHello.\n", name=name)
    stored = Path(settings.MEDIA_ROOT) / version.original.name
    assert stored.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert ".." not in version.original.name and "etc" not in version.original.name
    assert "/" not in version.original_name and "\\" not in version.original_name
    assert "\x00" not in version.original_name


def test_traversal_in_download_urls_is_not_routed(client: Client, world: World) -> None:
    client.force_login(world.author)
    for path in (
        "/versions/..%2F..%2Fvar/original/",
        "/versions/1/original/..%2F..%2Fsecret_key",
        "/media/../var/secret_key",
    ):
        assert client.get(path).status_code == 404


def test_release_is_all_or_nothing(world: World, upload, monkeypatch: pytest.MonkeyPatch, settings) -> None:
    version = upload()
    submit_for_check(world.author, version)
    version.refresh_from_db()
    review_services.check_approve(user=world.checker, version=version, seen_sha256=version.output_sha256)
    version.refresh_from_db()
    releases_dir = Path(settings.MEDIA_ROOT) / "releases"
    events_before = AuditEvent.objects.count()

    def broken_audit(**kwargs: object) -> None:
        raise RuntimeError("the audit write failed")

    monkeypatch.setattr(services, "audit_record", broken_audit)
    with pytest.raises(RuntimeError):
        services.release_create(user=world.author, version=version, method="post", recipients=[world.mother])
    version.refresh_from_db()
    assert version.status == Status.APPROVED
    assert not Release.objects.exists()
    assert AuditEvent.objects.count() == events_before
    assert not any(p.is_file() for p in releases_dir.rglob("*")) if releases_dir.exists() else True
