"""Per-document history: versions, findings, decisions, checks, and the differences between them."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from disclosure.reports.history import diff_lines, released_text, suggested_text
from review.models import Finding
from review.services import check_return
from tests.conftest import LETTER, World, submit_for_check


def test_history_shows_versions_checks_and_what_changed(client: Client, world: World, upload, release_doc) -> None:
    first = upload()
    submit_for_check(world.author, first)
    first.refresh_from_db()
    check_return(user=world.checker, version=first, comments="Please take out the street")
    second_text = LETTER.replace("lives on the next street", "lives nearby")
    release = release_doc(second_text, document=first.document, keep=["Gary Hollins"])
    client.force_login(world.dpo)
    response = client.get(reverse("reports:history", args=[first.pk]))
    assert response.status_code == 200
    versions = response.context["versions"]
    assert [h.version.number for h in versions] == [2, 1]
    assert versions[0].release.pk == release.pk
    assert [f.text for f in versions[0].kept_suggestions] == ["Gary Hollins"]
    changes = versions[0].changes_from_previous
    assert any(line.kind == "removed" and "next street" in line.text for line in changes)
    assert any(line.kind == "added" and "lives nearby" in line.text for line in changes)
    page = response.content.decode()
    assert "Please take out the street" in page and "Returned to author" in page
    assert "Suggestions the author kept in (1)" in page
    assert "<del>" in page and "<ins>" in page and "Removed: " in page


def test_suggested_and_released_text_differ_where_the_author_changed_the_outcome(world: World, upload) -> None:
    version = upload()
    findings = list(version.findings.all())
    # Nothing changed by the author: the two texts are the same and the diff is empty.
    assert (
        diff_lines(suggested_text(version.extracted_text, findings), released_text(version.extracted_text, findings))
        == []
    )
    # Keeping the name alone changes nothing (the redacted allegation sentence still covers it) ...
    hollins = next(f for f in findings if f.text == "Gary Hollins")
    hollins.decision = Finding.Decision.KEEP
    assert (
        diff_lines(suggested_text(version.extracted_text, findings), released_text(version.extracted_text, findings))
        == []
    )
    # ... keeping the sentence too puts the name in the output, and the diff shows it.
    sentence = next(f for f in findings if f.category == "criminal_allegation")
    sentence.decision = Finding.Decision.KEEP
    suggested = suggested_text(version.extracted_text, findings)
    released = released_text(version.extracted_text, findings)
    assert "Gary Hollins" not in suggested and "[REDACTED: Criminal offence data]" in suggested
    lines = diff_lines(suggested, released)
    assert [line.text for line in lines if line.kind == "added"] == [
        "Your neighbour Gary Hollins was arrested last month after police were called to his flat."
    ]
    assert [line.text for line in lines if line.kind == "removed"] == ["[REDACTED: Criminal offence data]"]


def test_history_is_for_the_dpo_only(client: Client, world: World, release_doc) -> None:
    release = release_doc()
    client.force_login(world.author)
    assert client.get(reverse("reports:history", args=[release.version_id])).status_code == 403
    client.force_login(world.other_author)
    assert client.get(reverse("reports:history", args=[release.version_id])).status_code == 404
