"""Names with little sentence around them: form fields, initialled names, a second quoted nickname,
informal relation words. Each is a class of how records write people; sentences invented for the test.
"""

from __future__ import annotations

import pytest

from redaction.detect import detect
from redaction.types import CaseContext, Person

CONTEXT = CaseContext(
    reference="NS-1",
    family=(Person("Morwenna Tregear", "mother"), Person("Jago Tregear", "child")),
    professionals=(Person("Hollie Brennan", "Social Worker"),),
)


def _actions(text: str, name: str) -> list[str]:
    return [f.action for f in detect(text, CONTEXT) if f.category == "person" and name in f.text]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("REFERRER\nReferrer name: Gwenllian Pascoe\nRelationship to child: neighbour\n", "Gwenllian Pascoe"),
        ("SUBJECT\nSurname: KERNICK      Forename(s): Tomas\n", "KERNICK"),
        ("Alias: Roscoe Penhale\nDate of birth: not known\n", "Roscoe Penhale"),
    ],
)
def test_a_name_in_a_persons_field_is_redacted(text: str, name: str) -> None:
    assert _actions(text, name) == ["redact"]


def test_initialled_names_are_redacted_whole() -> None:
    text = "Jago said the car belongs to Ł. Wróbel and that Kerenza P. drives it most nights."
    assert _actions(text, "Wróbel") == ["redact"]
    found = [f for f in detect(text, CONTEXT) if f.category == "person" and "Kerenza" in f.text]
    assert found and found[0].text == "Kerenza P." and found[0].action == "redact"


def test_both_quoted_names_of_one_person_are_found() -> None:
    text = 'Jago said a man he called "T" or "Tremayne" gave him the phone.'
    assert _actions(text, "Tremayne") == ["redact"]


def test_an_informal_relation_word_introduces_a_relative() -> None:
    text = "Jago is staying with his auntie Loveday Hocking until Friday."
    assert _actions(text, "Loveday Hocking") == ["redact"]


def test_a_field_naming_the_worker_is_a_professional_not_a_third_party() -> None:
    text = "Allocated worker: Hollie Brennan (Social Worker)\nChild's name: Jago Tregear\n"
    assert _actions(text, "Hollie Brennan") == ["keep"]
    assert _actions(text, "Jago Tregear") == ["keep"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officer: PC 3391 Demelza Rowse      Station: Truro\n", "Demelza Rowse"),
        ("Jago spent the lunch hour with the ELSA (Mrs Angove) and calmed down.", "Angove"),
        ("His offender manager is Peder Trevail at the probation office.", "Peder Trevail"),
        ("Rang EDT at 8pm (spoke to Ysolde, duty SW) to pass this on.", "Ysolde"),
    ],
)
def test_a_professional_named_in_role_is_kept(text: str, name: str) -> None:
    assert _actions(text, name) == ["keep"]


def test_in_lower_case_notes_a_title_names_the_professional() -> None:
    text = "hv today. mum ok. pc trevithick attended with me. jago at school.\nnext visit friday. all fine.\n" * 2
    assert set(_actions(text, "trevithick")) == {"keep"}


def test_a_tables_header_and_a_role_alone_in_a_cell_are_not_people() -> None:
    table = "Name | Role | Contact\nMorwenna Tregear | Mother | at home\nDigory Nance | Neighbour | next door\n"
    found = {f.text: f.action for f in detect(table, CONTEXT) if f.category == "person"}
    assert found.get("Digory Nance") == "redact" and found.get("Morwenna Tregear") == "keep"
    assert not {"Name", "Role", "Contact", "Mother", "Neighbour"} & set(found)


def test_a_table_without_a_header_keeps_its_first_row() -> None:
    table = "Digory Nance | Neighbour | next door\nMorwenna Tregear | Mother | at home\n"
    assert _actions(table, "Digory Nance") == ["redact"]


def test_someone_with_relatives_is_a_person() -> None:
    assert _actions("Jago's friend Tegen went home. Tegen's mum rang the school later.", "Tegen") == [
        "redact",
        "redact",
    ]
    # A common noun with relatives still goes to a person: "River's parents" may be a child called River.
    assert _actions("The boys were spoken to. River's parents were told by phone.", "River") == ["review"]
    assert not _actions("Yesterday's family time went well.", "Yesterday")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jago said it was a Year 10 boy from the leisure centre called Kerensa's brother Jory.", "Jory"),
        ("- Male 2 = PEDER NANCARROW (DOB 04/09/1999 per BTP)", "PEDER NANCARROW"),
        ('Loveday "Lovey" Trewin | Maternal aunt | 07700 900123', 'Loveday "Lovey" Trewin'),
    ],
)
def test_names_marked_by_naming_words_a_date_of_birth_or_a_nickname_inside(text: str, name: str) -> None:
    assert _actions(text, name) == ["redact"]


def test_a_field_value_or_a_date_of_birth_label_in_lower_case_is_not_a_name() -> None:
    text = "Name: see above\nDate of birth: not known\nthe date of birth was given by mum.\n"
    assert not [f for f in detect(text, CONTEXT) if f.category == "person"]
