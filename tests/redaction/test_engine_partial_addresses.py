"""Homes named without a street ("at number 14", "no.3", "flat 2", "plot 6") are addresses; other
numbers are not. Sentences written for this test."""

from __future__ import annotations

import re

import pytest

from redaction.detect import detect
from redaction.types import CaseContext, Person

CONTEXT = CaseContext(reference="P-1", family=(Person("Nell Ambrose", "mother"),))


@pytest.mark.parametrize(
    ("sentence", "home"),
    [
        ("The man who shouted lives at number 31 with his brother.", "number 31"),
        ("Nell said the boys from no.7 were throwing stones again.", "no.7"),
        ("Her ex-partner has moved into flat 4b above the launderette.", "flat 4b"),
        ("The family on plot 12 have complained about the noise.", "plot 12"),
        # Told by a landmark instead of a number.
        ("His uncle rents the room above the bookmakers on Fore Street, Nell thinks.", "the room above"),
        ("They met at the bungalow behind the garage on the corner.", "the bungalow behind the garage"),
        ("she stays at the house with the green gate by the bus stop when she runs off.", "the house with"),
    ],
)
def test_a_home_named_without_its_street_is_an_address_that_is_not_kept(sentence: str, home: str) -> None:
    findings = detect(sentence, CONTEXT)
    start = sentence.index(home)
    covering = [f for f in findings if f.start <= start < f.end and f.category == "address"]
    assert covering and all(f.action in ("redact", "review") for f in covering), findings


@pytest.mark.parametrize(
    "sentence",
    ["Item number 14 on the agenda was deferred.", "She scored 9 out of 10 and was number 2 in her class."],
)
def test_numbers_that_are_not_homes_are_not_addresses(sentence: str) -> None:
    assert not [f for f in detect(sentence, CONTEXT) if f.category == "address"]


def test_a_house_without_a_landmark_is_not_an_address() -> None:
    findings = detect("Nell went back to the house and made tea for everyone.", CONTEXT)
    assert not [f for f in findings if f.category == "address"]


def _covered(text: str, part: str, action: str = "redact") -> bool:
    start = text.index(part)
    found = detect(text, CONTEXT)
    return all(any(f.start <= i < f.end and f.action == action for f in found) for i in range(start, start + len(part)))


def test_a_flat_in_a_named_block_with_its_town_and_postcode_is_one_address() -> None:
    # Class: homes in blocks and estates, which carry no street word ("Flat 3, Linnet Court, ...").
    text = "SUSPECT\nName: Osric BELLWOOD\nAddress: Flat 3, Linnet Tower, Copse Estate, Marlow Vale MV2 8QT\n"
    assert _covered(text, "Flat 3, Linnet Tower, Copse Estate, Marlow Vale MV2 8QT")


def test_a_postcode_on_its_own_is_found_before_a_later_address_too() -> None:
    # A postcode alone is an identifier wherever it stands, not only after the last full address.
    text = "Osric Bellwood's postcode is MV2 8QT, Nell says.\nNell lives at 4 Tansy Road, Marlow Vale.\n"
    found = detect(text, CONTEXT)
    start = text.index("MV2 8QT")
    assert any(f.start <= start < f.end and f.action in ("redact", "review") for f in found), found


def test_in_a_table_row_a_number_belongs_to_the_person_the_row_is_about() -> None:
    # Class: "Name | Relationship | Contact" rows naming a family member in the middle cell.
    text = (
        "Name | Relationship to children | Contact\n"
        "--- | --- | ---\n"
        "Osric Bellwood | Ex-partner of Nell Ambrose; not in household | 07700 900452\n"
    )
    assert _covered(text, "07700 900452")


def test_an_organisation_in_a_contact_column_is_not_a_person() -> None:
    text = (
        "Name | Role | Contact\n"
        "--- | --- | ---\n"
        "Dr T. Okafor | GP | Linnet Family Practice\n"
        "Osric Bellwood | Neighbour | Ruth Ward\n"
    )
    found = {f.text: f for f in detect(text, CONTEXT) if f.category == "person"}
    assert "Linnet Family Practice" not in found, found
    assert found["Ruth Ward"].action in ("redact", "review"), found


def test_a_phone_number_after_a_time_of_day_is_found() -> None:
    # Class: message and call logs, where a time stamp stands right before a number ("22:40 07700 ...").
    text = "22:40 07700 900517: u owe me\n22:41 nell: who is this\n"
    assert _covered(text, "07700 900517")


def test_an_address_typed_in_lower_case_is_an_address_and_distances_are_not() -> None:
    # Class: quick notes without capitals ("lives 16 ferry lane"); "5 minutes up the road" is no address.
    text = "osric bellwood lives 16 tansy crescent, nell says. the shop is 5 minutes up the road.\n"
    found = detect(text, CONTEXT)
    start = text.index("16 tansy crescent")
    assert any(f.category == "address" and f.start <= start and start + 17 <= f.end for f in found), found
    start = text.index("5 minutes")
    assert not any(f.category == "address" and f.start <= start < f.end for f in found), found


@pytest.mark.parametrize("street", ["Canal Side", "Harbour Quay", "Station Approach", "Millers Bank"])
def test_streets_named_by_less_common_words_are_streets(street: str) -> None:
    text = f"Osric Bellwood moved to 47 {street}, Marlow Vale last week.\n"
    assert _covered(text, f"47 {street}")


def test_a_street_someone_lives_on_is_their_address_and_a_street_walked_down_is_not() -> None:
    # Class: a home told by its street alone ("lives on Pelham Road", "moved to Hawthorn Rise, Town").
    text = "Osric Bellwood lives on Quillet Road now. Nell walked down Quillet Road to the shop.\n"
    found = detect(text, CONTEXT)
    first, second = (m.start() for m in re.finditer("Quillet Road", text))
    assert any(f.category == "address" and f.start <= first < f.end and f.action != "keep" for f in found), found
    assert not any(f.category == "address" and f.start <= second < f.end for f in found), found


def test_a_home_named_by_its_number_after_of_is_an_address() -> None:
    # Class: "the landlord of no. 9", "the family of number 12".
    text = "Osric Bellwood is the landlord of no. 9 and lives elsewhere.\n"
    assert _covered(text, "no. 9", "redact") or _covered(text, "no. 9", "review")
