"""Every URL x every role x own team / other team: the status each must get.

The list of URLs comes from the URL conf, so a new view without a rule here fails the test."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from disclosure.models import DocumentVersion
from disclosure.services import release_create
from review import services as review_services
from tests.conftest import LETTER, VerifiedClient, World, submit_for_check

ROLES = ("anonymous", "author", "checker", "dpo", "nobody")
EXCLUDED = {"logout"}  # POST-only by Django's design, and harmless

# name: (method, object kind, {role: (status for own team, status for other team)})
# Roles not listed expect 404 for objects of either team; anonymous always expects the login redirect.
EDIT = {"author": (302, 404), "checker": (403, 404), "dpo": (403, 403)}
VIEW = {"author": (200, 404), "checker": (200, 404), "dpo": (200, 200)}
AUDIT = {"author": (403, 404), "checker": (403, 404), "dpo": (200, 200)}
REPORT = {"author": (403, 403), "checker": (403, 403), "dpo": (200, 200), "nobody": (403, 403)}
EVERYONE = {"author": (200, 200), "checker": (200, 200), "dpo": (200, 200), "nobody": (200, 200)}
RULES: dict[str, tuple[str, str, dict[str, tuple[int, int]]]] = {
    "login": ("get", "none", {"author": (302, 302), "checker": (302, 302), "dpo": (302, 302), "nobody": (302, 302)}),
    "two_factor_setup": ("get", "none", EVERYONE),
    "two_factor_verify": ("get", "none", EVERYONE),
    "home": ("get", "none", EVERYONE),
    "case_list": ("get", "none", EVERYONE),
    "case_create": (
        "get",
        "none",
        {"author": (200, 200), "checker": (403, 403), "dpo": (403, 403), "nobody": (403, 403)},
    ),
    "case_detail": ("get", "case", VIEW),
    "party_add": ("post", "case", EDIT),
    "upload": ("get", "case", {**EDIT, "author": (200, 404)}),
    "version_detail": ("get", "version", VIEW),
    "version_status": ("get", "version", VIEW),
    "analysis_retry": ("post", "version", EDIT),
    "release": ("get", "version", {**EDIT, "author": (200, 404)}),
    "audit_trail": ("get", "version", AUDIT),
    "download_original": ("get", "version", VIEW),
    "download_output": ("get", "output", VIEW),
    "output_page": ("get", "page", VIEW),
    "download_schedule": ("get", "version", VIEW),
    "schedule": ("get", "version", VIEW),
    "download_release": ("get", "release", VIEW),
    "triage": ("get", "version", {**EDIT, "author": (200, 404)}),
    "preview": ("get", "version", VIEW),
    "manual_add": ("post", "version", EDIT),
    "term_add": ("post", "version", EDIT),
    "submit": ("post", "version", EDIT),
    "attest_pages": ("post", "version", EDIT),
    "decide": ("post", "finding", EDIT),
    "picture_decide": ("post", "picture", EDIT),
    "picture_preview": ("get", "picture", VIEW),
    "check_queue": (
        "get",
        "none",
        {"author": (403, 403), "checker": (200, 200), "dpo": (403, 403), "nobody": (403, 403)},
    ),
    "check_review": ("get", "version", {"author": (403, 404), "checker": (200, 404), "dpo": (403, 403)}),
    "approve": ("post", "version", {"author": (403, 404), "checker": (302, 404), "dpo": (403, 403)}),
    "return": ("post", "version", {"author": (403, 404), "checker": (302, 404), "dpo": (403, 403)}),
    "reports:dashboard": ("get", "none", REPORT),
    "reports:register": ("get", "none", REPORT),
    "reports:register_csv": ("get", "none", REPORT),
    "reports:register_pdf": ("get", "none", {**REPORT, "dpo": (400, 400)}),  # needs ?month=
    "reports:trace": ("get", "none", REPORT),
    "reports:history": ("get", "version", AUDIT),
}


def _url_names() -> list[str]:
    names: list[str] = []

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue  # Django admin: staff only, tested by Django
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.append(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return [name for name in names if name not in EXCLUDED]


def test_every_url_has_a_rule() -> None:
    missing = sorted(set(_url_names()) - set(RULES))
    assert missing == [], f"add an access rule for {missing}"


def _letter_pdf_with_picture() -> bytes:
    import pymupdf
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (120, 60), (200, 80, 40)).save(picture, "PNG")
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_textbox(pymupdf.Rect(72, 72, 520, 400), LETTER, fontsize=11)
    page.insert_image(pymupdf.Rect(72, 420, 312, 540), stream=picture.getvalue())
    return doc.tobytes()


def _released(world: World, upload: Any, *, case: Any, author: Any, checker: Any) -> DocumentVersion:
    version = upload(
        _letter_pdf_with_picture(),
        name="letter.pdf",
        user=author,
        case=case,
        recipients=[case.parties.filter(kind="family").first()],
    )
    review_services.picture_decide(user=author, picture=version.pictures.get(), withhold=False)
    submit_for_check(author, version)
    version.refresh_from_db()
    review_services.check_approve(user=checker, version=version, seen_sha256=version.output_sha256)
    version.refresh_from_db()
    release_create(user=author, version=version, method="post", recipients=list(version.recipients.all()))
    version.refresh_from_db()
    return version


@pytest.fixture
def targets(world: World, upload: Any) -> dict[str, dict[str, int]]:
    world.other_case.parties.create(kind="family", name="Patricia Doyle")
    own = _released(world, upload, case=world.case, author=world.author, checker=world.checker)
    other = _released(world, upload, case=world.other_case, author=world.other_author, checker=world.other_checker)

    def objects(version: DocumentVersion) -> dict[str, int]:
        return {
            "case": version.document.case_id,
            "version": version.pk,
            "release": version.release.pk,
            "finding": version.findings.first().pk,
            "picture": version.pictures.get().pk,
        }

    return {"own": objects(own), "other": objects(other)}


def _expected(name: str, role: str, expected: dict[str, tuple[int, int]], column: int) -> int:
    if role == "anonymous":
        return 200 if name == "login" else 302  # everything else sends them to log in
    return expected.get(role, (404, 404))[column]


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(world: World, targets: dict[str, dict[str, int]], role: str) -> None:
    users = {"author": world.author, "checker": world.checker, "dpo": world.dpo, "nobody": world.nobody}
    failures = []
    for name in _url_names():
        method, kind, expected = RULES[name]
        for column, team in enumerate(("own", "other")):
            client: Client = VerifiedClient()
            if role != "anonymous":
                client.force_login(users[role])
            args = (
                []
                if kind == "none"
                else [targets[team]["version"], "pdf"]
                if kind == "output"
                else [targets[team]["version"], 1]
                if kind == "page"
                else [targets[team][kind]]
            )
            url = reverse(name, args=args)
            status = getattr(client, method)(url).status_code
            want = _expected(name, role, expected, column)
            if status != want:
                failures.append(f"{role} {method.upper()} {name} ({team} team): {status}, expected {want}")
    assert failures == []
