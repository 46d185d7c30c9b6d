"""Detection rules on small invented documents: parties, actions, identifiers, allegations."""

from __future__ import annotations

import itertools

import pytest

from redaction.detect import detect
from redaction.types import REASON_CRIMINAL_OFFENCE, REASON_NONE, REASON_THIRD_PARTY, Finding


def _at(findings: list[Finding], text: str, category: str = "person") -> Finding:
    matches = [f for f in findings if f.text == text and f.category == category]
    assert matches, f"no {category} finding for {text!r}: {[(f.text, f.category) for f in findings]}"
    return matches[0]


def test_neighbour_named_in_minutes_is_redacted(context):
    text = "A neighbour, Mrs Patricia Doyle, rang the office. Mrs Okafor was upset."
    findings = detect(text, context)
    neighbour = _at(findings, "Patricia Doyle")
    assert (neighbour.action, neighbour.party, neighbour.reason_code) == (
        "redact",
        "third_party",
        REASON_THIRD_PARTY,
    )
    mother = _at(findings, "Okafor")
    assert (mother.action, mother.party, mother.reason_code) == ("keep", "family", REASON_NONE)


def test_short_forms_of_a_third_party_are_redacted_throughout(context):
    text = "Patricia Doyle called at 9am.\nLater Mrs Doyle said more. Patricia was worried. PD left."
    findings = detect(text, context)
    for short in ("Doyle", "Patricia", "PD"):
        assert _at(findings, short).action == "redact"


def test_family_members_in_capitals_and_by_alias_are_kept(context):
    text = "Children: TOBI OKAFOR and Hope Okafor.\nHope said she was happy. Chioma agreed."
    findings = detect(text, context)
    assert _at(findings, "TOBI OKAFOR").party == "family"
    assert all(f.action == "keep" for f in findings if f.category == "person")


def test_member_of_another_case_is_other_case_and_redacted(context):
    text = "Tobi has been spending time with Kenzie Whitlock, who lives next door."
    finding = _at(detect(text, context), "Kenzie Whitlock")
    assert (finding.party, finding.action) == ("other_case", "redact")
    assert "T-2002" in finding.reason
    assert finding.confidence >= 0.9


def test_professionals_known_from_register_and_titles_are_kept(context):
    text = "Present: Rhiannon Pryce (Social Worker); DS Mark Tolley, Police; Dr Anita Rao, GP."
    findings = detect(text, context)
    for name in ("Rhiannon Pryce", "Mark Tolley", "Anita Rao"):
        finding = _at(findings, name)
        assert (finding.party, finding.action) == ("professional", "keep"), name


@pytest.mark.parametrize(
    "text",
    [
        "Her class teacher, Simon Ashdown, has no concerns.",
        "Simon Ashdown (Family Support Worker) visited.",
        "Recorded by: Simon Ashdown",
        "Simon Ashdown\nIndependent Reviewing Officer",
    ],
)
def test_professional_recognised_from_role_context(context, text):
    assert _at(detect(text, context), "Simon Ashdown").party == "professional"


def test_relative_with_family_surname_is_still_a_third_party(context):
    text = "Mrs Okafor said her brother, Emeka Okafor, lives in Leeds."
    assert _at(detect(text, context), "Emeka Okafor").action == "redact"


def test_small_misspelling_of_a_family_name_is_still_family(context):
    text = "Chioma Okafur attended the meeting."
    assert _at(detect(text, context), "Chioma Okafur").party == "family"


def test_third_party_phone_and_address_are_redacted_but_familys_are_kept(context):
    text = (
        "Mother: Chioma Okafor, 12 Larkspur Avenue, Leeds LS6 2AB, mobile 07700 900123\n\n"
        "The referrer, Mrs Patricia Doyle of 14 Larkspur Avenue, Leeds LS6 2AB (tel. 07700 900456), "
        "asked not to be named."
    )
    findings = detect(text, context)
    assert _at(findings, "12 Larkspur Avenue, Leeds LS6 2AB", "address").action == "keep"
    assert _at(findings, "07700 900123", "phone").action == "keep"
    assert _at(findings, "14 Larkspur Avenue, Leeds LS6 2AB", "address").action == "redact"
    assert _at(findings, "07700 900456", "phone").action == "redact"


def test_email_of_a_professional_is_kept_and_a_third_partys_redacted(context):
    text = "Rhiannon Pryce <rhiannon.pryce@example.org> forwarded a message from patricia.doyle@example.net."
    findings = detect(text, context)
    assert _at(findings, "rhiannon.pryce@example.org", "email").action == "keep"
    assert _at(findings, "patricia.doyle@example.net", "email").action == "redact"


def test_identity_numbers_are_found_and_attributed(context):
    text = (
        "Patricia Doyle, DOB 03/04/1970, NHS number 943 476 5919, NI number QQ 12 34 56 C.\n"
        "Reference 123 456 7890 is not an NHS number."
    )
    findings = detect(text, context)
    assert _at(findings, "03/04/1970", "date_of_birth").action == "redact"
    assert _at(findings, "943 476 5919", "nhs_number").action == "redact"
    assert _at(findings, "QQ 12 34 56 C", "ni_number").action == "redact"
    assert not [f for f in findings if f.text == "123 456 7890" and f.category == "nhs_number"]


def test_arrest_of_a_third_party_is_redacted_as_criminal_offence_data(context):
    text = "Tobi was seen with a man. Gary Pell was arrested on suspicion of supplying cannabis."
    allegation = _at(
        detect(text, context),
        "Gary Pell was arrested on suspicion of supplying cannabis.",
        "criminal_allegation",
    )
    assert (allegation.action, allegation.reason_code) == ("redact", REASON_CRIMINAL_OFFENCE)


def test_pronoun_led_conviction_sentence_follows_the_previous_third_party(context):
    text = "Police identified the driver as Gary Pell. He has a conviction for robbery."
    allegation = _at(detect(text, context), "He has a conviction for robbery.", "criminal_allegation")
    assert allegation.party == "third_party" and allegation.action == "redact"


def test_allegation_about_the_family_is_sent_for_review_not_redacted(context):
    text = "Mrs Okafor received a police caution for shoplifting in 2022."
    allegation = _at(detect(text, context), text, "criminal_allegation")
    assert (allegation.action, allegation.party) == ("review", "family")


def test_ordinary_sentences_are_not_allegations(context):
    text = "Tobi enjoys football and is doing well at school. Mrs Okafor hopes for the best."
    assert not [f for f in detect(text, context) if f.category == "criminal_allegation"]


def test_findings_are_sorted_and_persons_do_not_overlap(context):
    text = "Patricia Doyle of 14 Larkspur Avenue, Leeds LS6 2AB was arrested. Tobi Okafor was at home."
    findings = detect(text, context)
    assert findings == sorted(findings, key=lambda f: (f.start, -f.end))
    flat = [f for f in findings if f.category != "criminal_allegation"]
    for a, b in itertools.pairwise(flat):
        assert a.end <= b.start


def test_empty_text_has_no_findings(context):
    assert detect("  \n", context) == []
