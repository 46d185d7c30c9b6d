"""One small invented document per detection rule added for issue 3."""

from __future__ import annotations

from redaction.detect import detect, detect_many, get_nlp
from redaction.detect.allegations import find_allegations
from redaction.detect.pipeline import chunks
from redaction.detect.truecase import truecase, vocabulary
from redaction.types import Finding


def _person(findings: list[Finding], name: str) -> Finding:
    hits = [f for f in findings if f.category == "person" and f.text == name]
    assert hits, [(f.text, f.category, f.action) for f in findings]
    return hits[0]


def _allegation_covers(findings: list[Finding], sentence: str, text: str) -> bool:
    start = text.index(sentence)
    return any(
        f.category == "criminal_allegation" and f.action in ("redact", "review") and f.start <= start < f.end
        for f in findings
    )


def test_lines_in_capitals_are_recased_keeping_offsets():
    line = "DS BRADDOCK SAID THAT RASHID KHALIQ WAS REMANDED IN CUSTODY ON 2 OCTOBER."
    cased = truecase(line, vocabulary(get_nlp()))
    assert len(cased) == len(line)
    assert cased.startswith("DS Braddock said that Rashid Khaliq was remanded")


def test_third_party_in_capitalised_minutes_is_found_and_redacted(context):
    text = "1. POLICE UPDATE\nDS MORROW SAID THAT BARNABY QUILLFEATHER WAS ARRESTED ON 2 MAY FOR BURGLARY.\n"
    findings = detect(text, context)
    name = _person(findings, "BARNABY QUILLFEATHER")
    assert name.action == "redact"
    # Ordinary words in capitals ("WILL", "HOPE") are not taken for the family's Will or Hope.
    assert not [
        f for f in detect("THE PANEL WILL MEET AGAIN IN JUNE WITH HOPE OF PROGRESS.", context) if f.text == "HOPE"
    ]


def test_a_relationship_in_brackets_marks_a_person_even_with_a_place_like_surname(context):
    findings = detect("Notes\nMaeve Ward (maternal great-aunt) rang to offer help.", context)
    assert _person(findings, "Maeve Ward").action == "redact"


def test_a_who_clause_marks_a_person(context):
    findings = detect("Yoon-seo Park, who lives upstairs, heard shouting.", context)
    assert _person(findings, "Yoon-seo Park").action == "redact"


def test_greeting_is_not_part_of_the_name(context):
    findings = detect("To: Rhiannon Pryce\n\nHi Rhiannon, thanks for the update.", context)
    assert _person(findings, "Rhiannon").action == "keep"


def test_a_context_professional_given_with_a_home_address_is_a_third_party(context):
    text = "From the housing officer: Callum Brice of 4 Tern Way has been warned about noise."
    findings = detect(text, context)
    assert _person(findings, "Callum Brice").action == "redact"
    assert [f.action for f in findings if f.category == "address"] == ["redact"]


def test_an_account_runs_over_the_sentences_that_carry_it_on():
    text = (
        "Mrs Pell said that at night she heard banging on the door of number 4. She recognised him as Lee. "
        "She said he was kicking the door, so she rang 999.\nThe weather was fine."
    )
    passages = find_allegations(text)
    covered = "".join(text[a.start : a.end] for a in passages)
    assert "heard banging" in covered and "recognised him" in covered and "rang 999" in covered
    assert "weather" not in covered


def test_indirect_phrasing_is_an_allegation(context):
    for sentence in (
        "Mr Crane has previously served a sentence for robbery.",
        "Mr Crane told the police that Darren Whitlock pushed him.",
        "Police to continue the investigation in respect of Mr Crane.",
        "She said Gary Pell did time for burglary.",
        "He was picked up by police outside the shop.",
        "Mr Crane accepted a caution for the damage.",
        "Her father has taken her passport and she will be married in the summer.",
    ):
        assert _allegation_covers(detect(sentence, context), sentence, sentence), sentence


def test_a_continuation_naming_nobody_new_is_flagged_not_silently_dropped(context):
    text = "Gary Pell was arrested on 3 May. He showed me a photo of the car."
    findings = detect(text, context)
    second = [f for f in findings if f.category == "criminal_allegation" and f.text.startswith("He showed")]
    assert second and second[0].action in ("review", "redact")


def test_long_documents_are_chunked_without_changing_findings(context):
    block = "Patricia Doyle called about Tobi.\nGary Pell was arrested on 3 May.\n" * 400
    assert len(chunks(block)) > 1
    whole = detect(block, context)
    assert len([f for f in whole if f.text == "Patricia Doyle"]) == 400
    assert detect_many([(block, context), ("", context)]) == [whole, []]
