"""Names found from the words themselves (name lists and English word frequencies), where neither the
model nor a context rule finds them. Each such guess that resolves to nobody goes to review; one that
resolves to the family or a professional is kept; a place or an ordinary word is left alone.

Sentences and people invented for these tests.
"""

from __future__ import annotations

import re

import pytest

from redaction.detect import detect
from redaction.detect.gazetteer import common_word, name_words
from redaction.types import CaseContext, Person

CONTEXT = CaseContext(
    reference="NW-1",
    family=(Person("Tamsin Greaves", "mother"), Person("Oakley Greaves", "child")),
    professionals=(Person("Folake Adeyinka", "Social Worker"),),
)


def _findings(text: str, word: str) -> list[tuple[str, str]]:
    return [(f.action, f.party) for f in detect(text, CONTEXT) if f.category == "person" and word in f.text]


def test_the_name_lists_know_names_from_many_communities_and_the_word_list_knows_english() -> None:
    words = name_words()
    for name in ("Kaydence", "Alicja", "Okonkwo", "Nguyen", "Hartigan", "STĂNESCU"):
        assert words.is_name(name), name
    # Surnames built from a stem and an ending that no list holds in that form.
    for name in ("Wiśniewska", "Jankauskienė", "Popescu", "Kovalenko"):
        assert words.is_surname(name), name
    assert common_word("storm") and common_word("summer")
    assert not common_word("kaydence") and not common_word("okonkwo")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Notes typed in lower case.
        ("home visit, spoke to mum and brayden about the weekend.", "brayden"),
        ("tamsin said that kacper had been round again on sunday.", "kacper"),
        # A name the model may not know, mid-sentence, with no title or role around it.
        ("On Tuesday the boys went to the park with Oyelaran and his cousin.", "Oyelaran"),
        ("Tamsin said the flat was quiet until Radoslawa moved in upstairs.", "Radoslawa"),
        # A surname in capitals, as minutes and police notes write it.
        ("Also present at the address was a male named as PIETRZAK.", "PIETRZAK"),
    ],
)
def test_a_name_nobody_introduced_is_sent_for_review(text: str, word: str) -> None:
    found = _findings(text, word)
    assert found, detect(text, CONTEXT)
    assert all(action in ("review", "redact") for action, _party in found)


def test_a_name_that_is_also_a_word_is_a_name_only_where_capitals_say_so() -> None:
    assert _findings("Oakley went to the shop with Storm and came back late.", "Storm")
    assert not _findings("The Summer term starts on Monday and the Autumn fair is next.", "Summer")
    assert not _findings("The storm brought the fence down at the back.", "storm")


def test_places_and_organisations_are_left_to_the_model() -> None:
    text = "Oakley was seen in Walsall on Friday and then at Brindley Academy on Monday."
    assert not _findings(text, "Walsall")
    assert not _findings(text, "Brindley")


def test_a_guess_that_is_the_family_or_a_known_professional_is_kept() -> None:
    assert _findings("spoke to tamsin after school, she was tired.", "tamsin") == [("keep", "family")]
    found = _findings("Home visit today with Adeyinka; Tamsin was in.", "Adeyinka")
    assert found and all(action == "keep" for action, _party in found)


def test_a_guess_the_document_has_introduced_as_someone_else_is_redacted() -> None:
    text = 'Oakley says an older boy he knows as "Dezmond" gave him the phone. Dezmond told him to keep it.'
    found = _findings(text, "Dezmond")
    assert len(found) == 2 and all(action == "redact" for action, _party in found)


NOTES = (
    "12/05 hv. spoke to mum and oakley in the kitchen.\n"
    "mum says her ex, ruairi brennan, came round on friday and was shouting in the street.\n"
    "oakley says ruairi scares him. pc whitlow attended on saturday.\n"
    "next visit in two weeks.\n"
)


def test_in_notes_typed_in_lower_case_names_are_read_as_names() -> None:
    found = {f.text: f for f in detect(NOTES, CONTEXT) if f.category == "person"}
    assert found["ruairi brennan"].action == "redact"
    later = [f for f in detect(NOTES, CONTEXT) if f.category == "person" and f.text == "ruairi"]
    assert later and all(f.action in ("redact", "review") for f in later)
    assert all(f.action == "keep" for f in detect(NOTES, CONTEXT) if f.text in ("oakley", "whitlow"))


def test_formal_text_is_not_recased() -> None:
    from redaction.detect import get_nlp
    from redaction.detect.truecase import truecase, vocabulary

    formal = "Oakley attended school. He said he was happy. The plan was agreed. Mum agreed. It ended."
    assert truecase(formal, vocabulary(get_nlp())) == formal
    assert truecase(NOTES, vocabulary(get_nlp())).count("Ruairi Brennan") == 1


def test_the_shipped_name_lists_are_what_faker_gives() -> None:
    import gzip

    from redaction.detect.gazetteer import NAME_LISTS, faker_name_lists

    with gzip.open(NAME_LISTS, "rt", encoding="utf-8") as shipped:
        assert shipped.read() == "".join(f"{kind}\t{name}\n" for kind, name in faker_name_lists()), "make name-lists"


def test_double_first_names_and_streets_in_lower_case_notes() -> None:
    notes = (
        "hv. mum ok. oakley at school.\n"
        "mum says lacey-mae came round again. lacey-mae's mum lives on carr lane.\n"
        "spoke to tamsin. next visit friday.\n"
    )
    found = [f for f in detect(notes, CONTEXT) if f.category == "person"]
    assert {f.text for f in found if f.action in ("redact", "review")} >= {"lacey-mae"}
    assert not [f for f in found if f.text.lower() == "carr"]


def test_a_word_the_document_uses_as_a_place_is_not_a_person_anywhere_in_it() -> None:
    text = (
        "Pentrevah County Council, Children's Services\n"
        "Oakley was born at Pentrevah General Hospital and has lived in the town since.\n"
        "He said Pentrevah is boring and he wants to move.\n"
        "Address: 4 Quay Row, Pentrevah PR9 4XX\n"
    )
    assert not [f for f in detect(text, CONTEXT) if f.category == "person" and "Pentrevah" in f.text]


# Messages typed in lower case. Sentences invented for these tests.
def test_a_possessive_typed_without_its_apostrophe_is_still_the_name() -> None:
    # Class: "at lorraines", "kaydences mum": the possessive of a name, apostrophe dropped.
    context = CaseContext(reference="L-1", family=(Person("Reuben Tolland", "child"),))
    text = "went to kirstens after school. kirsten said i can stay. we stayed at kirstens all night.\n"
    found = [f for f in detect(text, context) if f.category == "person" and f.action in ("redact", "review")]
    assert sorted(f.start for f in found) == [t.start() for t in re.finditer("kirsten", text)], found


def test_a_lower_case_word_doing_what_people_do_at_a_turns_start_goes_to_review() -> None:
    # Class: a sender's message naming someone in lower case, by a name no list holds or a name that is
    # also an adjective ("rocky", "sunny"), straight before what a person does.
    context = CaseContext(reference="L-2", family=(Person("Reuben Tolland", "child"),))
    text = "[20:14] mum: zdenek is at the door again shouting\n[20:15] reuben: sunny got arrested last week\n"
    found = {f.text: f for f in detect(text, context) if f.category == "person"}
    assert found["zdenek"].action in ("review", "redact") and found["sunny"].action in ("review", "redact"), found
    assert "mum" not in found, found
    assert "reuben" not in found or found["reuben"].party == "family", found


def test_a_month_beside_a_number_is_a_date_not_a_name() -> None:
    # "Mar", "Jan" and "May" are listed first names; "Sat 1 Mar" and "Jan 2025" are dates.
    context = CaseContext(reference="L-3", family=(Person("Reuben Tolland", "child"),))
    text = "--- Sat 1 Mar ---\nreuben went out. Jan 2025 was the last review. Jan said hello.\n"
    found = {f.text for f in detect(text, context) if f.category == "person"}
    assert "Mar" not in found and text.count("Jan") == 2 and "Jan" in found, found


def test_names_after_a_relation_in_notes_typed_in_lower_case_are_names() -> None:
    # Class: "a son tyler", "her dad craig", "his brother lee" in quick notes: the relation says a person
    # follows, though the name is also a word ("tyler") or common ("lee").
    context = CaseContext(reference="L-4", family=(Person("Reuben Tolland", "child"), Person("Dean Tolland", "father")))
    text = (
        "sv today. reuben ok. dean has a son tyler (6) with his ex. reuben misses his uncle craig.\n"
        "dean says his ex's brother lee threatened him. dean went to work after.\n"
    )
    found = {f.text.lower(): f for f in detect(text, context) if f.category == "person"}
    assert all(found[name].action in ("redact", "review") for name in ("tyler", "craig", "lee")), found
    # The case's own name in lower case is the family's, even though "dean" is a common word.
    assert found["dean"].party == "family" and found["dean"].action == "keep", found
