"""Allegations in plain or indirect words, one class per case: sentences written for this test.

Each class is general vocabulary of offending, policing, courts, youth justice, exploitation or a
victim's own account, not the wording of any corpus document.
"""

from __future__ import annotations

import pytest

from redaction.detect import detect
from redaction.types import CaseContext, Finding, Person

CONTEXT = CaseContext(reference="A-1", family=(Person("Rhys Caddick", "child"), Person("Mair Caddick", "mother")))

SENTENCES = {
    "custody in everyday words": "Her uncle Glyn Petts was locked up until last spring.",
    "time served": "Glyn Petts did two years for what happened at the garage.",
    "release from prison": "He was released from prison in March and is living with his brother.",
    "community sentence": "Darren Voyle is doing unpaid work as part of a community order.",
    "youth justice order": "Kieran Lusk was given a youth rehabilitation order at the hearing.",
    "police process": "The incident has a crime reference and Darren Voyle is wanted by police.",
    "joint investigation": "A joint visit with the police took place at the flat on Friday.",
    "evidence passed on": "Mrs Caddick handed the screenshots to PC Lorne the same evening.",
    "missing person": "Rhys was reported missing by his mother at 11pm.",
    "warning notice": "A harbourer's warning notice was served on Darren Voyle.",
    "exploitation": "Rhys said older boys had him carrying packages for them across town.",
    "offence named plainly": "Kieran Lusk has been stalking the girl from the bakery for weeks.",
    "victim's own account": "Rhys told me that Kieran punched me in the stomach twice, in his words.",
    "threat in messages": "She received threatening messages from Darren Voyle overnight.",
    "object thrown": "Someone threw a bottle through the front window after midnight.",
    "missing, reported by a parent": "Mair reported him missing when he did not come home from the park.",
    "evidence submitted": "The school submitted the photographs to the police that afternoon.",
    "violence named by its victim": "Her brother says Glyn hits women when he has been drinking.",
    "violence with an object": "The neighbour was struck twice with a wooden pole outside the flats.",
    "attacked by someone": "Rhys says his cousin was attacked by two lads from the estate.",
    "damage to property": "Someone keyed the car and let down the tyres on Sunday night.",
    "damage in a child's words": "daddy broke the door and mummy was crying",
    "police process in a log": "MALE DETAINED AT SCENE AND PLACED IN HANDCUFFS.",
    "warrant and failing to appear": "He is wanted on warrant after he failed to appear at court.",
    "returned by police": "Rhys was brought back by police at two in the morning.",
    "slang for the police": "did u see the feds outside ur house last nite",
    "smuggling": "The family paid a smuggler to bring them across the border.",
    "damage to someone's property": "He thinks the lad from the flats keyed Mr Petts's van last week.",
    "a suspect named": "The caller named Darren Voyle as the suspect.",
    "electronic tag in plain words": "Mair says Glyn got tagged after the last hearing.",
    "a call to 101": "She rang 101 when the shouting started again.",
    "passed to an officer": "I passed the messages, the photo and his number to Sgt Lorne today.",
    "threat to kill in everyday words": "Mair heard him shout that he'll kill her if she talks.",
    "police tactic": "A disruption visit was made to the address on Thursday.",
    "hate crime": "The neighbour has been shouting racist abuse at Mair over the fence.",
    "violence to children in dialect": "Mair says the man next door is beating them kids.",
    "violence to someone named": "Mair says Glyn used to hurt Bethan whenever he had been drinking.",
    "prosecution": "The council has warned that it may prosecute Mr Petts if the dog is not muzzled.",
    "drugs bought or sold": "Everyone knows the drugs round here come from Glyn, he sells them at the park.",
    "abuse naming a nationality": "The woman at number 4 called Mair's friend \"Romanian vermin\" at the bus stop.",
    "harassment at the home": "Her ex was banging on the back door at 2am until she let him in.",
    "threat to take a child": "He texted that he will take the baby if she goes to the refuge.",
    "police asked to act": "Rhys's teacher asked police to check on the flat after the call.",
    "passed to a PCSO": "Reported by Rhys at break. Passed to the PCSO and his head of year.",
    "a police reference": "Mair rang 101 and was given a police reference for the damage.",
    "charges dropped under pressure": "Glyn's sister told Mair to drop the charges or lose her friends.",
    "hit with an object": "Rhys said his stepdad smacks him with a wooden spoon when he is late.",
    "an emergency call advised": "If Glyn Petts comes to the school, staff are to call 999.",
    "drugs named by a short name": "Glyn Petts was excluded for selling THC vapes at the gates.",
    "dealing from a place": "Everyone says Glyn deals out of the garages behind the shops.",
    "licence conditions": "Glyn's licence requires him to live at the approved premises.",
    "probation warning": "He was given a formal warning for missing two appointments.",
    "searched, in a child's words": "me n jay got searched by the shop again today",
    "threat in slang": "bring the money 2nite or man will come ur yard",
    "threat to a relative": "pay up by friday or ur mum gets it",
    "threat of fire": "he rang her sayin he gonna burn the door down",
}


@pytest.mark.parametrize("sentence", list(SENTENCES.values()), ids=list(SENTENCES))
def test_the_sentence_is_flagged_as_an_allegation(sentence: str) -> None:
    text = f"Visit note.\n{sentence}\nNext visit in two weeks.\n"
    middle = text.index(sentence) + len(sentence) // 2  # a family name at its start is carved out, kept
    assert any(
        f.category == "criminal_allegation" and f.action in ("redact", "review") and f.start <= middle < f.end
        for f in detect(text, CONTEXT)
    ), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Rhys has a curfew of nine o'clock on school nights at home.",
        "Mair got two months of free swimming lessons from the leisure centre.",
        "The photo was tagged with the school's name.",
        "Mair is selling the old pram and has asked the school about uniform.",
        "Rhys hurt his knee at football and was asked to sit out.",
    ],
)
def test_the_same_words_in_ordinary_senses_are_not_allegations(sentence: str) -> None:
    text = f"Visit note.\n{sentence}\n"
    middle = text.index(sentence) + len(sentence) // 2
    assert not any(f.category == "criminal_allegation" and f.start <= middle < f.end for f in detect(text, CONTEXT))


@pytest.mark.parametrize(
    "sentence",
    [
        "Glyn Petts says the window in his back bedroom is broken and the landlord has been told.",
        "Glyn Petts was detained at school for twenty minutes for not doing his homework.",
    ],
)
def test_near_misses_stay_plain(sentence: str) -> None:
    text = f"Visit note.\n{sentence}\nNext visit in two weeks.\n"
    found = [f for f in detect(text, CONTEXT) if f.category == "criminal_allegation" and f.action == "redact"]
    assert not found


@pytest.mark.parametrize(
    "sentence",
    [
        # Denied, or only a possibility: still shown, but a person decides.
        "Glyn Petts says he has never hit her and never would.",
        "Mair has not told the police about Glyn Petts because she is frightened.",
        "Mair said she would call the police if Glyn Petts came back.",
        # Conduct that may or may not be an offence.
        "Glyn Petts was banging on the front door at midnight.",
        "Mair is frightened that he will take the children to his sister's in Glyn Petts's van.",
    ],
)
def test_a_denied_possible_or_borderline_account_goes_to_review_not_redaction(sentence: str) -> None:
    found = _allegations_over(sentence)
    assert found and all(f.action == "review" for f in found), found


def test_an_account_with_one_plain_cue_is_redacted_though_another_cue_is_denied() -> None:
    found = _allegations_over("Glyn Petts was not charged but he was arrested at the flat for assault.")
    assert found and any(f.action == "redact" for f in found), found


def _allegations_over(sentence: str) -> list[Finding]:
    """The allegation findings over the middle of the sentence, set in a short visit note."""
    text = f"Visit note.\n{sentence}\nNext visit in two weeks.\n"
    middle = text.index(sentence) + len(sentence) // 2
    return [f for f in detect(text, CONTEXT) if f.category == "criminal_allegation" and f.start <= middle < f.end]
