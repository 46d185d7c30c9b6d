"""Recase lines written in CAPITALS before NER, so formal minutes' names are found like any others.

The small spaCy model reads "DS BRADDOCK SAID THAT RASHID KHALIQ WAS REMANDED" as one organisation.
Lines that are mostly capitals are rewritten (same length, same offsets) with English words in lower
case and everything else as a name ("DS Braddock said that Rashid Khaliq was remanded"). The English
vocabulary is the lemmatizer's own word index that ships inside the pinned model: nothing to download.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from redaction.detect.lexicon import COMMON_WORD_NAMES, ORG_WORDS, RELATION_WORDS, TITLES, TRADE_ACRONYMS

if TYPE_CHECKING:
    from spacy.language import Language

_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+(?:['\u2019-][^\W\d_]+)*(?![\w'\u2019-]*\d)")
_TITLE_CASE = {t.upper(): t for t in TITLES}
# Acronyms of the trade that are longer than four letters: never a name, whatever their shape.
_ACRONYMS = frozenset(
    {"MARAC", "MAPPA", "CAMHS", "SENCO", "SENDCO", "EHCP", "PCSO", "MASH", "IDVA", "ISVA"}
    | {"CSPR", "LADO", "NSPCC", "CAFCASS", "OFSTED", "DWP", "HMRC"}
)
_CALENDAR = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday"}
)
_MIN_LETTERS = 8
# Common first names are frequent words in any corpus ("michael" 5.1): only above this is a noun-only
# listed name taken for an ordinary noun.
_NAME_ZIPF = 6.0
_CAPS_SHARE = 0.7


class Vocabulary:
    def __init__(
        self,
        words: Iterable[str],
        nouns: Iterable[str],
        stop: Iterable[str],
        rules: list[list[str]],
        non_nouns: Iterable[str] = (),
    ):
        self.words = frozenset(words)
        self.nouns = frozenset(nouns)
        self.stop = frozenset(stop)
        self.rules = rules
        # Verbs, adjectives and adverbs: WordNet (the lemmatizer's index) lists "michael", "patrick" and
        # "lorraine" as nouns only (an archangel, a saint, a region), but "hope", "will" and "summer" also as
        # verbs. A listed first name that is only a noun there is a name first.
        self.non_nouns = frozenset(non_nouns)

    def everyday_word(self, word: str) -> bool:
        """Used as a verb, adjective or adverb, or one of English's closed-class words."""
        w = word.lower()
        return w in self.non_nouns or w in self.stop

    def is_word(self, word: str) -> bool:
        w = word.lower().replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if "-" in w:
            return all(self.is_word(part) for part in w.split("-") if part)
        if w in self.words or w in self.stop:
            return True
        return any(w.endswith(old) and w[: len(w) - len(old)] + new in self.words for old, new in self.rules if old)


@lru_cache(maxsize=4)
def vocabulary(nlp: Language) -> Vocabulary:
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    nouns: list[str] = []
    non_nouns: set[str] = set()
    for key in index:
        words.update(index[key])
        if key in nlp.vocab.strings and nlp.vocab.strings[key] == "noun":
            nouns = list(index[key])
        else:
            non_nouns.update(index[key])
    exceptions = lookups.get_table("lemma_exc")
    for key in exceptions:
        noun_table = key in nlp.vocab.strings and nlp.vocab.strings[key] == "noun"
        for form, lemmas in exceptions[key].items():
            words.add(form)
            words.update(lemmas)
            if not noun_table:
                non_nouns.add(form)
    rules: list[list[str]] = []
    table = lookups.get_table("lemma_rules")
    for key in table:
        rules.extend(r for r in table[key] if r[0].isalpha())
    words -= {w for w in COMMON_WORD_NAMES}  # never let "Grace" count as only a word: decided by context below
    return Vocabulary(words, nouns, nlp.Defaults.stop_words, rules, non_nouns)


def _name_case(word: str) -> str:
    out = []
    upper_next = True
    for ch in word:
        out.append(ch.upper() if upper_next else ch.lower())
        upper_next = ch in "'\u2019-"
    cased = "".join(out)
    if cased[-2:] in ("'S", "\u2019S"):
        cased = cased[:-1] + "s"  # "KHALIQ'S" is "Khaliq's", not "Khaliq'S"
    return cased if len(cased) == len(word) else word


def _same_length_lower(word: str) -> str:
    lowered = word.lower()
    return lowered if len(lowered) == len(word) else word


def _listed_name_first(word: str, vocab: Vocabulary) -> bool:
    """A listed first name that English uses only as a noun, and not an everyday one ("MICHAEL", "TRISTAN";
    not "HOPE", "SUMMER", "SKY")."""
    from redaction.detect.gazetteer import english_zipf, name_words

    return (
        len(word) >= 4  # "TEL", "REF", "DOB": a log's abbreviations are kept as they are
        and name_words().is_given(word)
        and not vocab.everyday_word(word)
        and english_zipf(word) < _NAME_ZIPF
    )


def _caps_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= _MIN_LETTERS and sum(ch.isupper() for ch in letters) >= _CAPS_SHARE * len(letters)


def _recase_line(line: str, vocab: Vocabulary, known: frozenset[str]) -> str:
    tokens = list(_WORD.finditer(line))
    kinds: list[str] = []
    for m in tokens:
        word = m.group(0)
        lower = word.lower()
        if word in _TITLE_CASE:
            kinds.append("title")
        elif word in _ACRONYMS or word in TRADE_ACRONYMS:
            kinds.append("keep")
        elif lower in _CALENDAR:
            kinds.append("calendar")
        elif lower in COMMON_WORD_NAMES:
            kinds.append("maybe")  # "WILL", "HOPE": a name only next to another name or after a title
        elif (lower in known and not vocab.is_word(word)) or _listed_name_first(word, vocab):
            kinds.append("name")  # "MICHAEL", "JOHNNY": the lemmatizer's index knows some names as nouns
        elif len(word) <= 4 and not vocab.is_word(word):
            kinds.append("keep")  # DOB, NHS, IDVA, MARAC-style acronyms stay as they are
        elif vocab.is_word(word):
            kinds.append("word")
        else:
            kinds.append("name")
    for i, m in enumerate(tokens):
        if kinds[i] not in ("maybe", "word"):
            continue
        prev_kind = kinds[i - 1] if i > 0 and _adjacent(line, tokens[i - 1], m) else ""
        next_kind = kinds[i + 1] if i + 1 < len(tokens) and _adjacent(line, m, tokens[i + 1]) else ""
        lower = m.group(0).lower()
        if kinds[i] == "maybe" and (next_kind == "name" or prev_kind == "title"):
            kinds[i] = "name"  # "WILL O'BRIEN", "MR GRACE"
        elif kinds[i] == "word" and lower in vocab.nouns and lower not in vocab.stop and prev_kind in ("name", "title"):
            kinds[i] = "name"  # "BETHAN MORGAN", "MRS FOX": surnames that are also nouns
        elif kinds[i] == "maybe":
            kinds[i] = "word"
    pieces: list[str] = []
    pos = 0
    for m, kind in zip(tokens, kinds, strict=True):
        pieces.append(line[pos : m.start()])
        word = m.group(0)
        if kind == "title":
            pieces.append(_TITLE_CASE[word] if len(_TITLE_CASE[word]) == len(word) else word)
        elif kind in ("name", "calendar"):
            pieces.append(_name_case(word))
        elif kind == "word":
            pieces.append(_same_length_lower(word))
        else:
            pieces.append(word)
        pos = m.end()
    pieces.append(line[pos:])
    return "".join(pieces)


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[\"'(\u201c-]*\s*([^\W\d_])", re.MULTILINE)
_LOWER_SHARE = 0.5


# A message line of a transcript: "[16:05] kayz: ...", "21:49 Oli - ...". What follows is typed as sent.
_MESSAGE_PREFIX = re.compile(r"^\s*[\[(]?\d{1,2}[:.]\d{2}(?::\d{2})?[\])]?\s*")


def _lower_line(line: str) -> bool:
    """A line typed without capitals, like a text message: at least four words, no capital letter after
    a transcript's time stamp and speaker."""
    body = _MESSAGE_PREFIX.sub("", line)
    body = body.split(":", 1)[1] if _MESSAGE_PREFIX.match(line) and ":" in body[:30] else body
    letters = [ch for ch in body if ch.isalpha()]
    return len(body.split()) >= 4 and bool(letters) and not any(ch.isupper() for ch in letters)


def _typed_in_lower_case(text: str) -> bool:
    """Quick notes typed without capitals ("hv to mum. spoke to mum and kaydence"): at least half of the
    sentences start with a small letter."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text)]
    return len(starts) >= 5 and sum(ch.islower() for ch in starts) >= _LOWER_SHARE * len(starts)


def _capitalise_names(line: str, vocab: Vocabulary, known: frozenset[str]) -> str:
    """In a note typed in lower case, give names their capitals so the model and the rules see them: a
    register name or a listed given name or surname that is not an English word ("liam", "kerry-ann",
    "declan walsh"); a listed surname that is also a word only right after such a given name."""
    from redaction.detect.gazetteer import COMMON_ZIPF, EVERYDAY_ZIPF, english_zipf, name_words

    words = name_words()
    tokens = list(_WORD.finditer(line))
    names = [False] * len(tokens)
    for i, m in enumerate(tokens):
        word = m.group(0)
        after_kin = bool(i and _KIN_BEFORE.fullmatch(line, tokens[i - 1].start(), m.start()))
        if not word.islower() or len(word) < 3 or (word in COMMON_WORD_NAMES and word not in known and not after_kin):
            continue
        if not (word in known or words.is_name(word)) and word.endswith("s") and words.is_name(word[:-1]):
            word = word[:-1]  # a possessive typed without its apostrophe: "at lorraines", "kaydences mum"
        plain = not vocab.everyday_word(word) and english_zipf(word) < COMMON_ZIPF
        following = tokens[i + 1].group(0).lower() if i + 1 < len(tokens) else ""
        if following in ORG_WORDS and _adjacent(line, m, tokens[i + 1]):
            continue  # "carr lane", "brindley academy": a street or a place, named after someone long ago
        # The case's own names get a higher bar of commonness than names from the lists: "dean" in a note
        # about Dean is Dean, though "dean" is a common enough word elsewhere.
        own = word in known and not vocab.everyday_word(word) and english_zipf(word) < EVERYDAY_ZIPF
        if own or (plain and words.is_name(word)):
            names[i] = True
        elif (
            i
            and names[i - 1]
            and _adjacent(line, tokens[i - 1], m)
            and words.is_surname(word)
            and english_zipf(word) < COMMON_ZIPF
        ):
            names[i] = True  # "declan walsh", "kerry-ann doyle"
        elif i and tokens[i - 1].group(0).upper() in _TITLE_CASE and _adjacent(line, tokens[i - 1], m):
            names[i] = english_zipf(word) < COMMON_ZIPF  # "pc adeyemi", "mrs o'hara": a title names who follows
        elif after_kin:
            # "a son tyler", "her dad craig", "nan (mags)": a relative's name straight after the relation,
            # when it is a listed name short of an everyday word, or no English word ("his brother went").
            listed = words.is_name(word) and english_zipf(word) < EVERYDAY_ZIPF
            names[i] = word not in vocab.stop and (listed or not (vocab.is_word(word) or vocab.everyday_word(word)))
    pieces: list[str] = []
    pos = 0
    for i, (m, name) in enumerate(zip(tokens, names, strict=True)):
        pieces.append(line[pos : m.start()])
        title = _TITLE_CASE.get(m.group(0).upper(), "")
        if name:
            pieces.append(_name_case(m.group(0)))
        elif title and len(title) == len(m.group(0)) and i + 1 < len(names) and names[i + 1]:
            pieces.append(title)  # "pc adeyemi" is "PC Adeyemi": the title tells a professional
        else:
            pieces.append(m.group(0))
        pos = m.end()
    pieces.append(line[pos:])
    return "".join(pieces)


_KIN_BEFORE = re.compile(
    r"(?:"
    + "|".join(sorted({re.escape(w) for w in (*RELATION_WORDS, "son", "ex", "partner")}, key=len, reverse=True))
    + r")(?: \(| )",
    re.IGNORECASE,
)


def _adjacent(line: str, a: re.Match[str], b: re.Match[str]) -> bool:
    return line[a.end() : b.start()] == " "


def truecase(text: str, vocab: Vocabulary, known: frozenset[str] = frozenset()) -> str:
    """`text` with lines in capitals recased, and in notes typed in lower case the names capitalised; same
    length, so every offset still points at the original.

    `known` holds lower-cased words of the case register's names: always treated as names.
    """
    lower_case = _typed_in_lower_case(text)
    if not lower_case and not any(_caps_line(line) or _lower_line(line) for line in text.splitlines()):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if _caps_line(line):
            line = _recase_line(line, vocab, known)
        elif lower_case or _lower_line(line):
            line = _capitalise_names(line, vocab, known)
        out.append(line)
    recased = "\n".join(out)
    return recased if len(recased) == len(text) else text
