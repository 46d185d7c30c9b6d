"""Recall-first person candidates from the words themselves, for the names the model and the context rules
miss: a name the model has never seen, a name typed in lower case, a name that is also a word.

Every candidate here is a guess from the word alone, so one that resolves to nobody goes to review
(`GUESS_SOURCES`), never silently away and never redacted on the word's shape alone. The register, the
document's own introductions and professional context then resolve it like any other mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from redaction.detect.gazetteer import COMMON_ZIPF, EVERYDAY_ZIPF, RARE_ZIPF, NameWords, english_zipf, name_words
from redaction.detect.identifiers import POSTCODE, STREET_WORDS
from redaction.detect.lexicon import NOT_NAMES, ORG_WORDS, RELATION_WORDS, TITLES, TRADE_ACRONYMS
from redaction.detect.persons import _POSSESSIVE, GUESS_SOURCES, Mention, _sentence_initial
from redaction.detect.spanindex import SpanIndex
from redaction.detect.truecase import Vocabulary

__all__ = ["GUESS_SOURCES", "name_word_guesses", "outside_places", "place_words"]

# The model's labels for places, nationalities and languages: a word it reads so is left to it.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "LANGUAGE"})
_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+(?:['\u2019-][^\W\d_]+)*(?![\w'\u2019-])")
_SKIP = frozenset(w.lower() for w in (*RELATION_WORDS, *TITLES, *TRADE_ACRONYMS)) | NOT_NAMES | ORG_WORDS
# Before a capitalised word, these make it a thing or a time, not a person ("the Summer term", "a Hope
# Street flat"): determiners never stand before a bare name in English.
_DETERMINER = re.compile(r"\b(?:the|a|an|this|these|those|last|next|every|each|our|its)\s+$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|around|outside|inside|into|towards|across|through|via|from)\s+$")
_PREV_CAPITAL = re.compile(r"(?<![\w'\u2019-])([A-Z][\w'\u2019-]*) $")
_IN_ADDRESS = re.compile(r"\.[A-Za-z]|[\w.]*@")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'\u2019-]*)")


_ORG_STEMS = ORG_WORDS | {w.rstrip("s") for w in ORG_WORDS}


def _surname_after(text: str, end: int, words: NameWords) -> bool:
    """A surname follows ("Winifred Ward"), and not a street's kind ("Moss Lane", "Holly Green")."""
    nxt = _NEXT_WORD.match(text, end)
    return (
        nxt is not None
        and nxt.group(1)[:1].isupper()
        and nxt.group(1) not in STREET_WORDS
        and words.is_surname(nxt.group(1))
    )


def _org_after(text: str, end: int) -> bool:
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1).lower().rstrip("s") in _ORG_STEMS


# Around a word, what only people do: go with someone, say or tell, own ("'s"). The small model calls many
# unfamiliar names places; this context overrules it.
_PERSON_BEFORE = re.compile(
    r"\b(?:with|and|told|asked|by|for|saw|met|called|texted|rang|phoned|emailed|(?:spoke|speak|talked|talk) to)\s+$",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(r"^(?:['\u2019]s\b|\s+(?:said|says|told|asked|was|is|has|had|and\s+(?:I|he|she|they))\b)")


def _person_context(text: str, start: int, end: int) -> bool:
    return bool(_PERSON_BEFORE.search(text[max(0, start - 10) : start]) or _PERSON_AFTER.match(text[end : end + 12]))


# Messages typed in lower case: a word opening a sentence, a line or a speaker's turn ("[21:52] mama: ")
# and followed straight away by what a subject does ("darek is outside", "rocky got nicked").
_TURN_START = re.compile(r"(?:^|\n|[.!?]\s+)[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?(?:[^:\n]{1,30}:[ \t]+)?$")
_SUBJECT_VERB = re.compile(
    r"(?:['\u2019]s\b|s?[ \t]+(?:said|says|told|asked|was|is|has|had|got|gets|sent|sends|came|comes|went|goes|"
    r"kept|keeps|sells|sold|owes|owed|wants|wanted|knows|knew|lives|lived|did|does|will|would|can|could)\b)"
)


def _lower_case_subject(text: str, start: int, end: int, english: Vocabulary, words: NameWords) -> bool:
    """A lower-case word doing what people do in a message, that English would not use so: not a noun or
    a closed-class word, and a listed name or no English word at all ("darek", "rocky"; not "mum", "he")."""
    # The position first: it is cheap, and rules out almost every word.
    if not _SUBJECT_VERB.match(text, end) or not _TURN_START.search(text, max(0, start - 60), start):
        return False
    word = text[start:end]
    if not word.islower() or word in english.nouns or word in english.stop:
        return False
    return words.is_given(word) or (not english.is_word(word) and english_zipf(word) < RARE_ZIPF)


# A month written next to a day or a year is a date: "Sat 1 Mar", "Jan 2025", "May 3rd". ("Jan" and "May"
# are first names too; beside a number they are not.)
_MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"january", "february", "march", "april", "june", "july", "august", "september", "october"}
    | {"november", "december"}
)
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?[ \t]+$")
_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,4}(?:st|nd|rd|th)?\b")


def _date_part(text: str, start: int, end: int) -> bool:
    return text[start:end].lower() in _MONTHS and bool(
        _DAY_BEFORE.search(text, max(0, start - 6), start) or _NUMBER_AFTER.match(text, end)
    )


def _plainly_name(word: str, words: NameWords | None = None) -> bool:
    """A listed name that is rarely an English word: the small model's "place" reading of it is a guess."""
    return (words or name_words()).is_name(word) and english_zipf(word) < RARE_ZIPF


def _unheard_of_name(word: str, zipf: float) -> bool:
    """A word in capitals never seen in English, long and voiced like a name, not an acronym: "PIETRZAK"
    against "CAMHS" or "MARAC" (acronyms are short, consonant-heavy, or seen in English text)."""
    vowels = sum(ch in "AEIOUYĄĘÓ" for ch in word.upper())
    return zipf == 0 and len(word) >= 5 and vowels >= 2 and vowels / len(word) >= 0.25


def _run_start(text: str, start: int) -> int:
    """Where the run of capitalised words holding `start` begins: "Small Heath" is judged from "Small"."""
    while (prev := _PREV_CAPITAL.search(text, max(0, start - 40), start)) is not None:
        start = prev.start(1)
    return start


def _shouted_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    letters = [ch for ch in text[line_start : line_end if line_end != -1 else len(text)] if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def _heading_line(text: str, start: int) -> bool:
    """A line whose every word is capitalised is a heading or a title, where capitals say nothing."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = _WORD.findall(text[line_start : line_end if line_end != -1 else len(text)])
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def outside_places(
    text: str, guesses: Sequence[Mention], ents: Sequence[tuple[int, int, str]], words: NameWords | None = None
) -> list[Mention]:
    """The guesses the model does not read as places, unless what is around them says person."""
    words = words or name_words()
    places = SpanIndex((s, e) for s, e, label in ents if label in _PLACE_LABELS)
    named_places = place_words(text)
    return [
        m
        for m in guesses
        if text[m.start : m.end] not in named_places
        and (
            not places.overlaps(m.start, m.end)
            or _person_context(text, m.start, m.end)
            or _plainly_name(text[m.start : m.end], words)
        )
    ]


_BEFORE_POSTCODE = re.compile(rf"([A-Z][\w'\u2019-]+)[ \t]+{POSTCODE}")


@lru_cache(maxsize=4)  # asked for by three stages of the same document
def place_words(text: str) -> frozenset[str]:
    """Words the document itself uses as the name of a place or an organisation: before an organisation
    word ("Westerleigh County Council", "Brackley Academy"), or as the town before a postcode. A guess
    at the same word elsewhere is that place again, not a person."""
    words = name_words()
    found: set[str] = set()
    for hit in _WORD.finditer(text):
        word = hit.group(0)
        if word[:1].isupper() and _org_after(text, hit.end()) and not _surname_after(text, hit.end(), words):
            found.add(word)
    found.update(m.group(1) for m in _BEFORE_POSTCODE.finditer(text))
    # A listed name stays a possible person: "Brennan Social Work Team" is Ms Brennan's team as often as not.
    return frozenset(w for w in found if not words.is_name(w))


def name_word_guesses(text: str, english: Vocabulary | None, words: NameWords | None = None) -> list[Mention]:
    """Every guess from the words alone; needs nothing from the model, so it can run while the model does."""
    words = words or name_words()
    out: list[Mention] = []
    for hit in _WORD.finditer(text):
        start, end = hit.span()
        if text[start - 1 : start] in ("@", ".") or text[end : end + 1] == "@" or _IN_ADDRESS.match(text, end):
            continue  # a piece of an e-mail address, a web address or a handle: found whole elsewhere
        possessive = _POSSESSIVE.search(hit.group(0))
        if possessive:
            end = start + possessive.start()
        word = text[start:end]
        if len(word) < 3 or word.lower() in _SKIP or _date_part(text, start, end):
            continue
        if word[0].isupper():
            mention = _capitalised_guess(text, start, end, english, words)
        elif words.is_given(word) and english_zipf(word) < RARE_ZIPF and not (english and english.is_word(word)):
            # Notes typed in lower case: "spoke to mum and jayden".
            mention = Mention(start, end, "lower_name", confidence=0.45)
        elif english is not None and _lower_case_subject(text, start, end, english, words):
            mention = Mention(start, end, "shape", confidence=0.4)
        else:
            continue
        if mention is not None:
            out.append(mention)
    return out


def _capitalised_guess(
    text: str, start: int, end: int, english: Vocabulary | None, words: NameWords
) -> Mention | None:
    word = text[start:end]
    zipf = english_zipf(word)
    if zipf >= EVERYDAY_ZIPF:
        return None
    named = words.is_name(word)
    english_word = english is not None and english.is_word(word)
    if word.isupper() and (
        len(word) < 4
        or zipf >= RARE_ZIPF
        or english_word
        or _shouted_line(text, start)
        or not (named or _unheard_of_name(word, zipf))
    ):
        return None  # acronyms and shouted headings; a SURNAME in capitals is a listed or a name-shaped word
    run = _run_start(text, start)
    before = text[max(0, run - 12) : run]
    if _DETERMINER.search(before) or _PLACE_BEFORE.search(before):
        return None
    if _org_after(text, end) and not _surname_after(text, end, words):
        return None  # "Brindley Academy", but not "Winifred Ward": a name and a surname
    initial = _sentence_initial(text, run)
    if named and zipf < COMMON_ZIPF:
        # A listed name that is not common English: "Kaydence", "Okonkwo", "STĂNESCU".
        if initial and zipf >= RARE_ZIPF:
            return None  # "Bishop ...", "Chance ...": at a sentence start the word is as likely
        # Rarely an English word and in the middle of a sentence: a name, whoever's it is.
        strong = zipf < RARE_ZIPF and not initial and not word.isupper()
        return Mention(start, end, "listed_name" if strong else "gazetteer", confidence=0.6)
    if named and not initial and not _heading_line(text, start):
        # A listed name that is also a common word, capitalised mid-sentence: "Storm", "Harmony".
        return Mention(start, end, "word_name", confidence=0.45)
    if (
        not named
        and zipf < 2.0
        and not initial
        and not text[max(0, run - 2) : run].startswith(":")  # a form's field value
        and not english_word
        and not _heading_line(text, start)
    ):
        # A capitalised word that is neither English nor listed: a name from anywhere ("Żaneta").
        return Mention(start, end, "shape", confidence=0.45)
    return None
