"""A finding covers what was found and nothing more: never a field label, a heading or a cell beside it.

The class: a name or identifier that follows a label ("Referrer:", "Name of neighbour", a table
header cell) or precedes another cell. Sentences written for this test, not taken from any corpus.
"""

from __future__ import annotations

import re

import pytest

from redaction.detect import detect

LABELS = re.compile(r"(?i)\b(referrer|name|neighbour|address|telephone|phone|contact|relationship|present|person)\b")

DOCUMENTS = [
    "REFERRER: Marcus Pellow\nRelationship: neighbour\n",
    "Name of neighbour:\tSandra Quayle\nTelephone:\t07700 900871\n",
    "Person\tRelationship\tContact\nOwen Trevaskis\tFormer partner\t07700 900123\n",
    "Present: Keira Lomax (neighbour), Adaeze Okafor (mother)\n",
    "Address:\t22 Heron Way, Tilbury, RM18 7QA\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_no_finding_swallows_a_label_or_a_neighbouring_cell(text: str, context) -> None:
    for finding in detect(text, context):
        if finding.category in ("person", "address", "phone", "postcode", "email"):
            assert not LABELS.search(finding.text), f"{finding.category} {finding.text!r} swallowed a label"
            assert "\t" not in finding.text, f"{finding.text!r} runs across table cells"


def test_a_referrer_is_not_a_professional_for_being_a_referrer(context) -> None:
    """A referral's "Referrer:" field names whoever rang: a neighbour as often as a teacher."""
    text = "REFERRER: Marcus Pellow\nRelationship to child: neighbour\n"
    (finding,) = [f for f in detect(text, context) if f.category == "person"]
    assert finding.text == "Marcus Pellow" and finding.action == "redact"


def test_names_in_a_column_whose_header_holds_people_are_found_and_others_not(context) -> None:
    text = (
        "Name\tRelationship\tContact\n"
        "Dean Foster\tNeighbour\t07700 900441\n"
        "Family Support\tService\t01632 960000\n"
        "\n"
        "Date | Event | Source\n"
        "14/05 | Home Visit | Social Care\n"
    )
    persons = {f.text: f for f in detect(text, context) if f.category == "person"}
    assert persons["Dean Foster"].action == "redact"
    assert "Family Support" not in persons and "Home Visit" not in persons and "Social Care" not in persons
