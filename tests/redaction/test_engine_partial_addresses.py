"""Homes named without a street ("at number 14", "no.3", "flat 2", "plot 6") are addresses; other
numbers are not. Sentences written for this test."""

from __future__ import annotations

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
