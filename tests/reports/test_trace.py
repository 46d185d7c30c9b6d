"""Trace a person: where a name went out, and where every mention of it was redacted."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from disclosure.models import AuditEvent
from disclosure.reports.trace import find_mentions, trace, variants_for
from tests.conftest import World
from tests.reports.conftest import NORTH_LETTER

# The letter names Gary Hollins inside an allegation sentence too: both must be kept for the name to show.
KEEP_HOLLINS = [
    "Gary Hollins",
    "Your neighbour Gary Hollins was arrested last month after police were called to his flat.",
]


def test_trace_finds_a_name_released_and_not_one_that_was_redacted(world: World, release_doc) -> None:
    kept = release_doc(title="Hollins kept", keep=KEEP_HOLLINS)
    redacted = release_doc(title="Hollins redacted")
    name_only = release_doc(title="Name kept, sentence redacted", keep=["Gary Hollins"])
    result = trace("Gary Hollins")
    assert [h.release.pk for h in result.released_hits] == [kept.pk]
    # Keeping the name alone is not enough: the redacted allegation sentence around it still covers it.
    assert [h.release.pk for h in result.redacted_hits] == [name_only.pk, redacted.pk]
    hit = result.released_hits[0]
    assert hit.released_count >= 1 and hit.mentions[0].text == "Gary Hollins"
    assert all(not m.released for m in result.redacted_hits[0].mentions)
    # Liam Doyle was redacted in both letters: found, but nowhere released.
    liam = trace("Liam Doyle")
    assert liam.released_hits == [] and len(liam.redacted_hits) == 3


def test_trace_finds_aliases_from_any_case_and_close_spellings(world: World, release_doc) -> None:
    north = release_doc(NORTH_LETTER, case=world.other_case, title="North letter")
    south = release_doc(title="South letter")
    # "Ms Okafor" is an alias of Adaeze Okafor on the south case; the letter opens "Dear Ms Okafor".
    names = {v.text: v.kind for v in variants_for("Adaeze Okafor")}
    assert names["Ms Okafor"] == "alias"
    result = trace("Adaeze Okafor")
    hit = next(h for h in result.hits if h.release.pk == south.pk)
    assert any(m.text == "Ms Okafor" and m.kind == "alias" and m.released for m in hit.mentions)
    # A misspelling still finds the name, and says it was a fuzzy match.
    fuzzy = trace("Gary Holins")
    assert {h.release.pk for h in fuzzy.hits} == {north.pk, south.pk}
    assert all(m.kind == "fuzzy" for h in fuzzy.hits for m in h.mentions)
    # The north letter names Chidi Okafor, a south family member, and redacts him (another case's family).
    chidi = trace("Chidi Okafor")
    north_hit = next(h for h in chidi.hits if h.release.pk == north.pk)
    assert north_hit.name_released is False


def test_a_partly_redacted_mention_counts_as_released() -> None:
    text = "Gary Hollins called."
    [mention] = find_mentions(text, variants_for_text("Gary Hollins"), [(0, 4)])
    assert mention.released  # "Hollins" could be read
    [mention] = find_mentions(text, variants_for_text("Gary Hollins"), [(0, 4), (5, 12)])
    assert not mention.released  # only the space between two boxes showed


def variants_for_text(name: str) -> list:
    from disclosure.reports.trace import Variant

    return [Variant(name, "exact")]


def test_trace_page_records_each_search_in_the_audit_log(client: Client, world: World, release_doc) -> None:
    kept = release_doc(keep=KEEP_HOLLINS)
    client.force_login(world.dpo)
    page = client.get(reverse("reports:trace"))
    assert page.status_code == 200 and not AuditEvent.objects.filter(action="report.trace").exists()
    page = client.get(reverse("reports:trace"), {"name": "Gary Hollins"}).content.decode()
    assert "Where the name was released" in page and kept.version.document.title in page
    assert "VISIBLE" in page and kept.recipients_text in page
    event = AuditEvent.objects.get(action="report.trace")
    assert event.actor == world.dpo and event.data["name"] == "Gary Hollins"
    assert event.data["released"] == [kept.pk]
    client.get(reverse("reports:trace"), {"name": "x"})  # too short: refused, nothing traced
    assert AuditEvent.objects.filter(action="report.trace").count() == 1
