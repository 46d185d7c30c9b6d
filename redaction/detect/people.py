"""Who the case register says people are, and how a mention of a name resolves to a party."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from nicknames import NickNamer
from rapidfuzz import fuzz

from redaction.detect.lexicon import TITLE_RE, TITLES
from redaction.long_lived import built_to_last
from redaction.types import CaseContext, CaseRegister, OtherCase, Person

# Party precedence when one variant names several people: never let an outsider win over the family.
_RANK = {"family": 0, "professional": 1, "other_case": 2, "third_party": 3, "unknown": 4}


@dataclass(frozen=True)
class Known:
    """A person from the register with the party they have in this case."""

    name: str
    party: str
    role: str = ""
    case: str = ""


@dataclass(frozen=True)
class Match:
    person: Known
    how: str  # "full", "alias", "first", "surname", "fuzzy"


_TITLES = re.compile(rf"^(?:(?:{TITLE_RE})\.?\s+)+")
_SPACES = re.compile(r"\s+")
_TITLE_WORDS = frozenset(t.lower().rstrip(".") for t in TITLES)


# Letters with no decomposition, folded as a reader typing on an English keyboard would write them.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "\u0131": "i", "æ": "ae", "œ": "oe", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without accents: "Dąbrowska", "DABROWSKA" and "Dabrowska" are one name in a register
    typed by one person and a document typed by another."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_LETTERS)


def norm(text: str) -> str:
    """Case, accent, apostrophe and spacing insensitive key for a name."""
    text = text.strip()
    first = text.split(None, 1)[0].rstrip(".").lower() if text else ""
    if first in _TITLE_WORDS:  # the expression only when a title can be there: registers are long
        text = _TITLES.sub("", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return fold(_SPACES.sub(" ", text).strip())


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", norm(name)) if t]


_TOKEN = re.compile(r"[^\W_](?:[\w]|['\u2019-](?=\w))*")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


def _unpossessive(text: str, start: int, end: int) -> int:
    """The end of a word without a possessive 's ("Doyle's" ends after "Doyle")."""
    return end - 2 if _POSSESSIVE.search(text[start:end]) and end - start > 2 else end


class NameIndex:
    """Name variants of a set of people, as dictionaries: a mention is looked up, never matched against
    an expression of every name, so a register of 50,000 cases costs one dictionary probe per word."""

    def __init__(self, entries: Iterable[tuple[Person, str, str]], *, first_names_of_staff: bool = True) -> None:
        self.full: dict[str, list[Known]] = {}
        self.first: dict[str, list[Known]] = {}
        self.surname: dict[str, list[Known]] = {}
        self.people: list[Known] = []
        self.longest = 1  # words in the longest variant: how far a mention scan looks ahead
        self.starts: set[str] = set()  # first words of the variants of more than one word
        # Runs once per person of a register of tens of thousands of cases: plain loops, no generators.
        for person, party, case in entries:
            known = Known(person.name, party, person.role, case)
            self.people.append(known)
            name = norm(person.name)
            tokens = name.split(" ") if name else []
            variants = [name]
            if len(tokens) >= 3:
                variants.append(f"{tokens[0]} {tokens[-1]}")
            for alias in person.aliases:
                key = norm(alias)
                if key and key not in variants:
                    variants.append(key)
            for key in variants:
                self.full.setdefault(key, []).append(known)
                if " " in key:
                    self.longest = max(self.longest, key.count(" ") + 1)
                    self.starts.add(key.split(" ", 1)[0])
            # A bare first name is too weak to tie to staff of another case ("Daniel" may be anyone).
            if len(tokens) >= 2 and (first_names_of_staff or party != "professional"):
                self.first.setdefault(tokens[0], []).append(known)
                self.surname.setdefault(tokens[-1], []).append(known)
                if len(tokens) >= 3:
                    # "Jasleen Kaur Dhillon": middle names are surnames in some naming traditions.
                    for middle in tokens[1:-1]:
                        self.surname.setdefault(middle, []).append(known)

    def words(self) -> frozenset[str]:
        return frozenset(w for key in (*self.full, *self.first, *self.surname) for w in key.split() if len(w) > 1)


@lru_cache(maxsize=8)
def register_index(register: CaseRegister) -> NameIndex:
    """The index of a whole register, built once per process however many documents use it."""
    with built_to_last():
        return NameIndex(_of_cases(register.cases), first_names_of_staff=False)


@lru_cache(maxsize=64)
def _listed_index(cases: tuple[OtherCase, ...]) -> NameIndex:
    return NameIndex(_of_cases(cases), first_names_of_staff=False)


def _of_cases(cases: Iterable[OtherCase]) -> Iterable[tuple[Person, str, str]]:
    for other in cases:
        for person in other.people:
            yield person, "other_case", other.reference
        for person in other.professionals:
            yield person, "professional", other.reference


class Register:
    """Everyone the case context knows, with their party in this case: the case's own people, and the
    shared index of every other case (its own people left out, since here they are family or staff)."""

    def __init__(self, context: CaseContext) -> None:
        self.reference = context.reference
        own = [(p, "family", context.reference) for p in context.family]
        own += [(p, "professional", context.reference) for p in context.professionals]
        self.own = NameIndex(own)
        self.indexes = [self.own]
        if context.other_cases:
            self.indexes.append(_listed_index(context.other_cases))
        if context.register is not None:
            self.indexes.append(register_index(context.register))
        self.longest = max(index.longest for index in self.indexes)
        self.starts = set().union(*(index.starts for index in self.indexes))

    def _get(self, table: str, key: str) -> list[Known]:
        found: list[Known] = []
        for index in self.indexes:
            people = getattr(index, table).get(key)
            if people:
                found.extend(p for p in people if index is self.own or p.case != self.reference)
        return found

    def _listed(self, key: str) -> bool:
        """A cheap first test: is the word a key of any table at all (whoever it belongs to)?"""
        return any(key in index.full or key in index.first or key in index.surname for index in self.indexes)

    def initials(self, mention: str) -> Match | None:
        """Whom initials stand for among the case's own people ("TM" for Tyrese Mbeki; "D" for the one
        family member or professional whose first name starts with D); None when no one or several fit."""
        letters = mention.strip().upper()
        fits = []
        for known in self.own.people:
            tokens = [t for t in norm(known.name).split(" ") if t]
            full = "".join(t[0] for t in tokens).upper()
            short = (tokens[0][0] + tokens[-1][0]).upper() if len(tokens) >= 2 else ""
            if letters in (full, short) or (len(letters) == 1 and tokens and tokens[0][0].upper() == letters):
                fits.append(known)
        if fits and len({k.party for k in fits}) == 1:
            return Match(_best(fits), "initials")
        return None

    def knows_word(self, key: str) -> bool:
        return any(self._get(table, key) for table in ("full", "first", "surname"))

    def lookup(self, mention: str) -> Match | None:
        """Resolve a name mention (title allowed) against the register."""
        key = norm(mention)
        if not key:
            return None
        full = self._get("full", key)
        if full:
            return Match(_best(full), "full" if " " in key else "alias")
        tokens = key.split(" ")
        if len(tokens) >= 2:
            # First and last must both agree: "Shahid Hussain" is not family just for sharing a surname.
            firsts = {id(k): k for k in self._get("first", tokens[0])}
            both = [k for k in self._get("surname", tokens[-1]) if id(k) in firsts]
            if both:
                return Match(_best(both), "full")
            initial = tokens[0].rstrip(".")
            if len(tokens) == 2 and len(initial) == 1 and initial.isalpha():
                # "Z. Dabrowska", "P Hartigan": an initial and a surname name whoever both fit.
                fits = [k for k in self._get("surname", tokens[-1]) if norm(k.name).startswith(initial)]
                # Only when it names one kind of person: "B. O'Rourke" may be the mother or her sister-in-law.
                if fits and len({k.party for k in fits}) == 1:
                    return Match(_best(fits), "initial")
            if len(tokens) == 2 and len(tokens[1].rstrip(".")) == 1 and tokens[1][0].isalpha():
                # "Daniel A", "Zofia N.": a first name and the initial of the surname.
                letter = tokens[1][0]
                fits = [k for k in self._get("first", tokens[0]) if _surname_initial(k) == letter]
                if fits and len({k.party for k in fits}) == 1:
                    return Match(_best(fits), "initial")
            fuzzy = self._fuzzy(key)
            if fuzzy is not None:
                return Match(fuzzy, "fuzzy")
            return None
        surname = self._get("surname", key)
        if surname:
            return Match(_best(surname), "surname")
        first = self._get("first", key)
        if first:
            return Match(_best(first), "first")
        return self._own_variant(key)

    def _own_variant(self, key: str) -> Match | None:
        """One word that is a form of a name of the case's own people: "the McDonaghs" (a family by its
        surname), "Kacperek" (a diminutive), "Kaydance" (a typo). Only the case's own people, and a typo
        only when the word is not itself someone's name in the name lists: "Jayden" is never "Kayden"."""
        if key.endswith("s") and len(key) > 4 and (family := self.own.surname.get(key[:-1])):
            return Match(_best(family), "surname")
        for first, people in self.own.first.items():
            if len(first) >= 4 and key.startswith(first) and key[len(first) :] in _DIMINUTIVE_ENDINGS:
                return Match(_best(people), "first")
        if len(key) < 5:
            return None
        from redaction.detect.gazetteer import name_words

        if name_words().is_name(key):
            return None
        for table in (self.own.first, self.own.surname):
            for word, people in table.items():
                if len(word) >= 5 and fuzz.ratio(key, word) >= 85:
                    return Match(_best(people), "fuzzy")
        return None

    def _fuzzy(self, key: str) -> Known | None:
        # Small misspellings of this case's own people ("Nasreen Husain"); never fuzzy-match outsiders in.
        best: tuple[float, Known] | None = None
        for known in self.own.people:
            if " " not in known.name.strip():
                continue
            score = fuzz.ratio(key, norm(known.name))
            if score >= 90 and _same_words_or_typos(key, norm(known.name)) and (best is None or score > best[0]):
                best = (score, known)
        return best[1] if best else None

    def mentions(self, text: str) -> Iterator[tuple[int, int, bool]]:
        """(start, end, single word) of every register name in the text, longest first at each word:
        words joined by spaces are looked up as whole names, then each word alone."""
        words = [(m.start(), _unpossessive(text, m.start(), m.end())) for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(words):
            found = None
            first = fold(text[words[i][0] : words[i][1]])
            longest = min(self.longest, len(words) - i) if first in self.starts else 1
            for size in range(longest, 1, -1):
                chunk = words[i : i + size]
                if any(text[a[1] : b[0]].strip() for a, b in pairwise(chunk)):
                    continue  # a name's words are separated by spaces only
                start, end = chunk[0][0], chunk[-1][1]
                if self._get("full", " ".join(fold(text[start:end]).split())):
                    found = (start, end, False, size)
                    break
            if found is None:
                start, end = words[i]
                if first and self._listed(first) and self.knows_word(first):
                    found = (start, end, True, 1)
            if found is None:
                i += 1
                continue
            yield found[0], found[1], found[2]
            i += found[3]


# Endings that make a pet form of a first name in several languages: Kacper -> Kacperek, Ania -> Anka
# is not covered (a change inside the word), Jan -> Janek, Charl -> Charlie, Tom -> Tommy is (Tom is too short).
_DIMINUTIVE_ENDINGS = frozenset({"ek", "ka", "ie", "y", "o"})


def _same_words_or_typos(mention: str, name: str) -> bool:
    """Each differing word is a typo, not another real name: "Nasreen Husain" is Nasreen Hussain, but
    "Michael McDonagh" is never Michelle McDonagh."""
    from redaction.detect.gazetteer import name_words

    words = name_words()
    return all(
        a == b or not words.is_name(a) or same_first_name(a, b)
        for a, b in zip(mention.split(" "), name.split(" "), strict=False)
    )


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def same_first_name(a: str, b: str) -> bool:
    """ "johnny" and "john", "sandy" and "alexandra": a nickname and its name (the nicknames package's
    hand-curated English table, Apache-2.0)."""
    names = _nicknamer()
    return a in names.nicknames_of(b) or b in names.nicknames_of(a)


def _surname_initial(known: Known) -> str:
    tokens = norm(known.name).split(" ")
    return tokens[-1][0] if len(tokens) >= 2 and tokens[-1] else ""


def _best(people: list[Known]) -> Known:
    return min(people, key=lambda k: _RANK.get(k.party, 9))
