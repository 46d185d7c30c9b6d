"""The matcher finds a redacted string however a file spells it, and counts it."""

from __future__ import annotations

import base64
import gzip
import io
import zipfile

import pytest

from redaction.verify.decode import TooDeep, texts
from redaction.verify.matching import Matcher, fold


def _count(term: str, text: str) -> int:
    return max(Matcher([term]).counts(text).values(), default=0)


@pytest.mark.parametrize(
    "disguised",
    [
        "patricia_doyle",
        "Patricia.Doyle",
        "PATRICIA-DOYLE",
        "PatriciaDoyle",
        "Patri\u200ecia Doyle",  # left-to-right mark inside a word
        "Patricia\u2063Doyle",  # invisible separator instead of the space
        "Pat\u034fricia Doyle",  # combining grapheme joiner
        "\u202eelyoD aicirtaP\u202c",  # stored backwards under a right-to-left override
        "P a t r i c i a  D o y l e",  # glyphs drawn one by one
    ],
)
def test_a_name_is_found_however_it_is_disguised(disguised: str) -> None:
    assert _count("Patricia Doyle", f"Notes: {disguised}.") == 1


def test_accents_fold_both_ways() -> None:
    assert _count("Żaneta Dąbrowska", "ZANETA DABROWSKA called") == 1
    assert _count("Zaneta Dabrowska", "Z\u0307aneta Da\u0328browska called") == 1
    assert fold("Łukasz Ørsted") == "lukasz orsted"


def test_word_bounds_keep_short_names_out_of_ordinary_words() -> None:
    assert _count("Al", "also Alan; Al said") == 1
    assert _count("Mr", "Mrs Okafor and Mr Reed") == 1


def test_counts_are_counts_not_presence() -> None:
    assert _count("Foster", "Foster carer; the foster carer; Mr Foster") == 3
    assert _count("Foster", "nothing here") == 0


def test_labels_clearance_writes_are_not_text() -> None:
    assert _count("third party", "REDACTED: third_party_personal_data and a third party box") == 0


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"<p>Patr&#105;cia Do&#x79;le</p>", ""),
        (b"https://example.org/people/Patricia%20Doyle", ""),
        (b"Content-Transfer-Encoding: quoted-printable\r\n\r\nPatri=\r\ncia Doyle=3D", ""),
        (b"{\\rtf1 Patr\\'69cia Doyle}", ""),
        (b"x " + base64.b64encode(b"a note about Patricia Doyle and more") + b" y", "base64"),
        ("Patricia Doyle".encode("utf-16-le"), ""),
        (b"\x00" + "Patricia Doyle".encode("utf-16-le"), ""),
        (gzip.compress(b"EMF ... Patricia Doyle ..."), "gzip"),
    ],
)
def test_every_spelling_of_a_part_is_read(data: bytes, where: str) -> None:
    matcher = Matcher(["Patricia Doyle"])
    hits = [member for member, text in texts(data) if matcher.counts(text)]
    assert hits and hits[0] == where


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_nested_packages_are_opened_and_named() -> None:
    inner = _zip({"xl/sharedStrings.xml": b"<sst><si><t>Patricia Doyle</t></si></sst>"})
    outer = _zip({"word/embeddings/book1.xlsx": inner})
    matcher = Matcher(["Patricia Doyle"])
    hits = [member for member, text in texts(outer) if matcher.counts(text)]
    assert "word/embeddings/book1.xlsx/xl/sharedStrings.xml" in hits


def test_a_member_name_is_text_too() -> None:
    matcher = Matcher(["Patricia Doyle"])
    assert any(matcher.counts(text) for _, text in texts(_zip({"media/Patricia_Doyle.png": b"\x89PNG"})))


def test_containers_nested_without_end_cannot_be_vouched_for() -> None:
    data = b"Patricia"
    for _ in range(7):
        data = _zip({"inner.zip": data})
    with pytest.raises(TooDeep):
        list(texts(data))
