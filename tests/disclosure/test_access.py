"""Team isolation and roles: one entry point decides, and every view goes through it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from disclosure.models import DocumentVersion
from tests.conftest import World, submit_for_check


def test_anonymous_users_are_sent_to_login(client, world: World) -> None:
    for url in (
        reverse("home"),
        reverse("case_list"),
        reverse("case_detail", args=[world.case.pk]),
        reverse("check_queue"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert client.get(reverse("login")).status_code == 200


def test_case_of_another_team_is_not_found(client, world: World) -> None:
    client.force_login(world.other_author)
    assert client.get(reverse("case_detail", args=[world.case.pk])).status_code == 404
    assert client.get(reverse("upload", args=[world.case.pk])).status_code == 404
    listing = client.get(reverse("case_list"))
    assert world.case.reference.encode() not in listing.content


def test_version_of_another_team_is_not_found_for_every_route(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    client.force_login(world.other_author)
    for name in (
        "version_detail",
        "version_status",
        "triage",
        "preview",
        "download_original",
        "check_review",
        "release",
        "audit_trail",
    ):
        assert client.get(reverse(name, args=[version.pk])).status_code == 404, name
    for name in ("submit", "manual_add", "term_add", "approve", "return", "analysis_retry"):
        assert client.post(reverse(name, args=[version.pk])).status_code == 404, name
    finding = version.findings.first()
    assert finding is not None
    assert client.post(reverse("decide", args=[finding.pk]), {"decision": "keep"}).status_code == 404


def test_dpo_sees_every_case_but_cannot_change_anything(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    client.force_login(world.dpo)
    assert client.get(reverse("case_detail", args=[world.case.pk])).status_code == 200
    assert client.get(reverse("case_detail", args=[world.other_case.pk])).status_code == 200
    assert client.get(reverse("audit_trail", args=[version.pk])).status_code == 200
    assert client.get(reverse("upload", args=[world.case.pk])).status_code == 403
    assert client.get(reverse("triage", args=[version.pk])).status_code == 403
    assert client.post(reverse("submit", args=[version.pk])).status_code == 403
    assert client.post(reverse("party_add", args=[world.case.pk]), {"name": "X", "kind": "family"}).status_code == 403
    version.refresh_from_db()
    assert version.status == DocumentVersion.Status.TRIAGE


def test_authors_and_checkers_cannot_open_audit_trails(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    for user in (world.author, world.checker):
        client.force_login(user)
        assert client.get(reverse("audit_trail", args=[version.pk])).status_code == 403


def test_user_without_role_sees_nothing(client, world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    client.force_login(world.nobody)
    assert client.get(reverse("case_detail", args=[world.case.pk])).status_code == 404
    assert client.get(reverse("version_detail", args=[version.pk])).status_code == 404


def test_checker_cannot_triage(client, world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    client.force_login(world.checker)
    assert client.get(reverse("triage", args=[version.pk])).status_code == 403


def test_check_queue_lists_only_own_teams(client, world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    submit_for_check(world.author, version)
    client.force_login(world.other_checker)
    assert version.document.title.encode() not in client.get(reverse("check_queue")).content
    client.force_login(world.checker)
    assert version.document.title.encode() in client.get(reverse("check_queue")).content


@pytest.mark.parametrize("path", ["/media/", "/var/media/originals/"])
def test_documents_are_not_served_from_a_public_url(client, world: World, path: str) -> None:
    client.force_login(world.author)
    assert client.get(path).status_code == 404


def test_downloads_are_attachments_with_nosniff(client, world: World, upload: Callable[..., DocumentVersion]) -> None:
    version = upload()
    client.force_login(world.author)
    response = client.get(reverse("download_original", args=[version.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert version.audit_events.filter(action="download.original", actor=world.author).exists()
