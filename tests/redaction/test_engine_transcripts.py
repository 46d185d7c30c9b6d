"""Messages, posts and logs copied into records: speakers, handles, lines typed without capitals, police
logs in capitals. Each test is a class of such text; the messages are invented for it."""

from __future__ import annotations

from redaction.detect import detect
from redaction.types import CaseContext, Person

CONTEXT = CaseContext(
    reference="T-1",
    family=(Person("Wenna Polglase", "mother"), Person("Jory Polglase", "child", aliases=("Jor",))),
    professionals=(Person("Kitto Bray", "Social Worker"),),
)


def _actions(text: str, name: str) -> list[str]:
    return [f.action for f in detect(text, CONTEXT) if f.category == "person" and f.text == name]


def test_the_speakers_of_a_message_transcript_are_people() -> None:
    chat = (
        "Messages from Jory's phone, copied by Kitto Bray:\n"
        "[19:02] Jor: where r u\n"
        "[19:03] zennor_b: at the park with the others\n"
        "[19:05] Ysella: dont tell ur mum\n"
    )
    assert _actions(chat, "zennor_b") == ["redact"]
    assert _actions(chat, "Ysella") == ["redact"]
    assert _actions(chat, "Jor") == ["keep"]


def test_a_post_signed_at_the_start_of_a_line_names_its_author_but_a_label_does_not() -> None:
    posts = "Outcome: post removed by the admins.\nMerryn Teague: everyone knows what goes on at that house\n"
    assert _actions(posts, "Merryn Teague") == ["redact"]
    assert not _actions(posts, "Outcome")


def test_social_media_handles_are_redacted() -> None:
    text = "Jory said the photos came from @tre_vellick99 and from someone called lowenna.x on snap."
    assert _actions(text, "@tre_vellick99") == ["redact"]
    assert _actions(text, "lowenna.x") == ["redact"]


def test_a_message_line_typed_without_capitals_has_its_names_read() -> None:
    text = "Summary of the messages.\n[22:10] Jor: tristan is coming round later with the stuff for lowenna\n"
    found = {f.text: f.action for f in detect(text, CONTEXT) if f.category == "person"}
    assert found.get("tristan") in ("redact", "review"), found


def test_a_similar_name_that_is_another_real_name_is_not_the_family() -> None:
    text = "The neighbour, Wendy Polglase, was spoken to on Friday."
    found = [f for f in detect(text, CONTEXT) if f.category == "person" and "Polglase" in f.text]
    assert found and all(f.action != "keep" for f in found)


def test_names_in_a_police_log_typed_in_capitals_are_found() -> None:
    log = (
        "19:40 UNIT 3 AT SCENE. ONE MALE (MICHAEL) WITH HEAD WOUND, SECOND MALE DETAINED.\n"
        "19:52 ELDERLY FEMALE MORWENNA WARD TAKING CHILDREN INTO HER CARAVAN.\n"
    )
    found = {f.text: f.action for f in detect(log, CONTEXT) if f.category == "person"}
    assert found.get("MICHAEL") in ("redact", "review"), found
    assert any("MORWENNA" in name and action in ("redact", "review") for name, action in found.items()), found


def test_initials_with_an_age_are_someone() -> None:
    text = "Also at the address: JT (15) and a younger boy."
    assert _actions(text, "JT") in (["review"], ["redact"])


def test_a_signature_in_a_quoted_email_is_staff_and_its_address_parts_are_not_people() -> None:
    text = (
        "> Thanks,\n> Mrs T. Angwin\n> Head of Year 9\n> Penwith Academy, Moss Lane, Pentreath PR4 7XX\n"
        "> Tel: 01632 960123 | t.angwin@penwith.example.org\n"
    )
    found = {f.text: (f.category, f.action) for f in detect(text, CONTEXT)}
    assert found.get("T. Angwin") == ("person", "keep")
    assert "Moss Lane" not in found and "org" not in found
    assert found.get("t.angwin@penwith.example.org", ("email", "keep"))[1] == "keep"


def test_a_logs_label_after_a_name_is_not_part_of_the_name() -> None:
    log = "19:47 2ND CALLER WENNA POLGLASE TEL 07700 900704. STATES A MALE CAME ONTO HER PITCH WITH A BAR.\n"
    found = [f for f in detect(log, CONTEXT) if f.category == "person" and "POLGLASE" in f.text]
    assert [(f.text, f.action) for f in found] == [("WENNA POLGLASE", "keep")]


def test_a_name_the_document_wrote_in_lower_case_is_found_again_in_lower_case() -> None:
    chat = "[20:01] pengelly_x: u coming\n[20:02] Jor: no. pengelly_x is always starting\n"
    assert _actions(chat, "pengelly_x") == ["redact", "redact"]


def test_the_same_initials_again_are_the_same_person() -> None:
    text = "Jory usually walks home with TR. Staff saw TR and her mum at the gate on Friday."
    assert _actions(text, "TR") == ["review", "review"]


def test_a_name_after_known_as_without_quotes() -> None:
    text = "One of the older boys, known as Tregenna, was arrested that night."
    assert _actions(text, "Tregenna") == ["redact"]


def test_a_house_number_does_not_end_a_sentence() -> None:
    from redaction.detect.sentences import split

    text = "Mrs Polglase (no. 16) said the van was keyed. She rang 101."
    assert [text[s:e] for s, e in split(text)] == ["Mrs Polglase (no. 16) said the van was keyed.", "She rang 101."]


def test_a_name_before_a_quotation_is_only_the_name() -> None:
    text = 'Wenna told Jory "Tristan says hi". Jory did not answer.'
    found = [f for f in detect(text, CONTEXT) if f.category == "person" and f.text.startswith("Jory")]
    assert found and all(f.text == "Jory" and f.action == "keep" for f in found)


def test_an_alias_a_transcript_explains_is_whoever_it_stands_for() -> None:
    # Class: the "who is who" of a typed-up chat: quoted aliases explained by a name, and legend lines
    # ("alias (@handle) - Full Name"). The alias resolves as the name does, family or not, and recurs.
    context = CaseContext(reference="T-9", family=(Person("Amara Quist", "mother"), Person("Tobi Quist", "child")))
    text = (
        'Typed up from Tobi\'s phone. "Mama" is Amara. "bear" is Zoltan Ferrante, a lad from the flats.\n'
        "chip (@chip_77) - Viktor Halloran, 16\n"
        "[20:01] Mama: where are u\n"
        "[20:02] Tobi: at bears with chip. bear says hi\n"
    )
    found: dict[str, list[str]] = {}
    for f in detect(text, context):
        if f.category == "person":
            found.setdefault(f.text, []).append(f.action)
    assert set(found.get("Mama", ["keep"])) == {"keep"}, found
    assert found.get("bear") == ["redact"] * 3, found
    assert found.get("chip") == ["redact"] * 2, found
