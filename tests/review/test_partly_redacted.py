"""A name redacted in one place and left in another is pointed out in triage, with a way to redact it all."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from disclosure.models import DocumentVersion
from review import services
from review.models import Finding, ReasonCode
from review.selectors import partly_redacted
from tests.conftest import World

TEXT = (
    "Dear Ms Okafor,\n\n"
    "Your neighbour Gary Hollins called the office on Monday.\n"
    "We told Gary Hollins that we cannot discuss your family.\n"
)


def test_a_name_kept_once_is_listed_until_every_occurrence_is_redacted(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload(TEXT)
    found = [f for f in version.findings.all() if " ".join(f.text.split()) == "Gary Hollins"]
    assert len(found) == 2 and all(f.is_redacted for f in found)
    assert partly_redacted(version) == []
    services.decision_record(
        user=world.author,
        finding=found[1],
        decision=Finding.Decision.KEEP,
        reason_code=None,
        note="checking the listing",
        every_occurrence=False,
    )
    assert partly_redacted(version) == [("Gary Hollins", 1)]
    client.force_login(world.author)
    page = client.get(reverse("triage", args=[version.pk])).content.decode()
    assert "Redacted in one place, still in the text elsewhere" in page and "“Gary Hollins”" in page
    reason = ReasonCode.objects.get(code="third_party_personal_data")
    services.term_redaction_add(user=world.author, version=version, term="Gary Hollins", reason_code=reason)
    assert partly_redacted(version) == []
