"""The DPO reads everything and changes nothing; nobody else sees the reports."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.core import serializers
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from disclosure.models import AuditEvent, Case, Document, DocumentVersion, Party, Release, Team
from review.models import CheckDecision, Finding, ReasonCode
from tests.conftest import World, submit_for_check

REPORT_URLS = ["reports:dashboard", "reports:register", "reports:register_csv", "reports:trace"]
EXCLUDED = {"logout"}  # logging out changes nothing but the DPO's own session
# What a refused POST looks like: forbidden, not found, method not allowed, or sent to a login page.
REFUSED = {403, 404, 405}
# Audit events a read may write (a download is recorded); anything else would be a change.
READ_EVENTS = re.compile(r"^(download\.|report\.|export\.|auth\.)")


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, prefix + str(entry.pattern), ns)
        else:
            yield namespace, entry


def _kwargs_for(pattern: URLPattern, ids: dict[str, int]) -> dict[str, object]:
    """A value for each URL argument: a real object id where the route names one, else a plausible value."""
    route = str(pattern.pattern)
    values: dict[str, object] = {}
    for name in pattern.pattern.regex.groupindex:
        if name == "pk":
            kind = next((k for k in ids if route.startswith(f"{k}s/") or f"/{k}s/" in route), "version")
            values[name] = ids[kind]
        elif name == "app_label":
            values[name] = "disclosure"
        elif name in ("object_id", "content_type_id", "id"):
            values[name] = str(ids["case"])
        elif isinstance(pattern.pattern.converters.get(name), IntConverter):
            values[name] = 1  # e.g. a page number
        else:
            values[name] = "x"
    return values


def every_url(ids: dict[str, int]) -> list[str]:
    urls = []
    for namespace, pattern in _patterns(get_resolver()):
        if not pattern.name or pattern.name in EXCLUDED:
            continue
        urls.append(reverse(f"{namespace}{pattern.name}", kwargs=_kwargs_for(pattern, ids)))
    return urls


def _snapshot() -> str:
    """Every row the workflow can change, serialised: equal before and after means nothing changed."""
    models = [Team, Case, Party, Document, DocumentVersion, Release, Finding, CheckDecision, ReasonCode]
    rows = [serializers.serialize("json", m.objects.order_by("pk")) for m in models]
    from django.contrib.auth.models import Group, User

    rows += [serializers.serialize("json", User.objects.order_by("pk"), fields=["username", "groups", "is_active"])]
    rows += [serializers.serialize("json", Group.objects.order_by("pk"))]
    return "\n".join(rows)


def test_every_url_is_covered_by_the_sweep(world: World) -> None:
    urls = every_url({"case": 1, "version": 1, "finding": 1, "release": 1})
    assert any(u.startswith("/dpo/") for u in urls)
    assert any("/approve/" in u for u in urls) and any("/release/" in u for u in urls)
    assert len(urls) > 40  # the admin's too


@pytest.mark.parametrize("state", ["triage", "awaiting_check", "approved", "released"])
def test_dpo_cannot_change_anything_by_post_to_any_url(
    client: Client, world: World, release_doc, upload, state
) -> None:
    """Every POST to every URL in the URL conf, against a version in each state a POST could act on."""
    from review.services import check_approve

    release = release_doc()
    version = release.version
    if state != "released":
        version = upload(document=None, title="Second letter")
        if state in ("awaiting_check", "approved"):
            submit_for_check(world.author, version)
            version.refresh_from_db()
        if state == "approved":
            check_approve(user=world.checker, version=version, seen_sha256=version.output_sha256)
            version.refresh_from_db()
    finding = version.findings.first()
    ids = {"case": world.case.pk, "version": version.pk, "finding": finding.pk, "release": release.pk}
    client.force_login(world.dpo)
    # The last id, not the count: ids on PostgreSQL keep rising across flushed test databases.
    before, events = _snapshot(), AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    accepted = []
    for url in every_url(ids):
        response = client.post(
            url,
            {
                "decision": "redact",
                "reason_code": 1,
                "comments": "x",
                "output_sha256": version.output_sha256,
                "method": "post",
                "recipients": [world.mother.pk],
                "confirm": "on",
                "term": "Chidi",
                "start": 0,
                "end": 4,
                "name": "X",
                "kind": "family",
                "reference": "Z-1",
                "title": "Z",
                "team": world.team.pk,
            },
        )
        login_redirect = response.status_code == 302 and "login" in response.get("Location", "")
        if response.status_code not in REFUSED and not login_redirect:
            accepted.append((url, response.status_code))
    assert _snapshot() == before
    changes = AuditEvent.objects.filter(pk__gt=events).exclude(action__regex=READ_EVENTS.pattern)
    assert list(changes.values_list("action", flat=True)) == []
    # The DPO's own pages refuse POST outright; any other URL that answers a POST must be a plain read.
    assert not [u for u, _ in accepted if u.startswith("/dpo/")]
    for url, status in accepted:
        assert status in (200, 302), (url, status)


@pytest.mark.parametrize("who", ["author", "checker", "other_author", "other_checker", "nobody"])
def test_authors_and_checkers_cannot_see_the_reports(client: Client, world: World, release_doc, who: str) -> None:
    release = release_doc()
    client.force_login(getattr(world, who))
    for name in REPORT_URLS:
        assert client.get(reverse(name)).status_code == 403, name
    assert client.get(reverse("reports:register_pdf"), {"month": "2025-01"}).status_code == 403
    assert client.get(reverse("reports:trace"), {"name": "Gary Hollins"}).status_code == 403
    assert client.get(reverse("reports:history", args=[release.version_id])).status_code in (403, 404)
    assert not AuditEvent.objects.filter(action__startswith="export.").exists()
    assert not AuditEvent.objects.filter(action="report.trace").exists()


def test_reports_need_a_login(client: Client, world: World) -> None:
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_dpo_sees_the_reports_linked_from_the_navigation(client: Client, world: World) -> None:
    client.force_login(world.dpo)
    page = client.get(reverse("home")).content.decode()
    assert reverse("reports:dashboard") in page and reverse("reports:trace") in page
    for name in REPORT_URLS:
        assert client.get(reverse(name)).status_code == 200, name
