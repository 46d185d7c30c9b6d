"""Who the case register says people are, and how a mention of a name resolves to a party."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from redaction.detect.lexicon import TITLE_RE
from redaction.types import CaseContext, Person

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


def norm(text: str) -> str:
    """Case, apostrophe and spacing insensitive key for a name."""
    text = re.sub(rf"^(?:(?:{TITLE_RE})\.?\s+)+", "", text.strip())
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", norm(name)) if t]


class Register:
    """Name variants of everyone the case context knows, with their party in this case."""

    def __init__(self, context: CaseContext) -> None:
        self.full: dict[str, list[Known]] = {}
        self.first: dict[str, list[Known]] = {}
        self.surname: dict[str, list[Known]] = {}
        self.people: list[Known] = []
        self.reference = context.reference
        for person, party, case in self._everyone(context):
            known = Known(person.name, party, person.role, case)
            self.people.append(known)
            tokens = _tokens(person.name)
            variants = {norm(person.name)}
            if len(tokens) >= 3:
                variants.add(f"{tokens[0]} {tokens[-1]}")
            for alias in person.aliases:
                key = norm(alias)
                if key:
                    variants.add(key)
            for key in variants:
                self.full.setdefault(key, []).append(known)
            # A bare first name is too weak to tie to staff of another case ("Daniel" may be anyone).
            if len(tokens) >= 2 and not (party == "professional" and case != context.reference):
                self.first.setdefault(tokens[0], []).append(known)
                self.surname.setdefault(tokens[-1], []).append(known)
                if len(tokens) >= 3:
                    # "Jasleen Kaur Dhillon": middle names are surnames in some naming traditions.
                    for middle in tokens[1:-1]:
                        self.surname.setdefault(middle, []).append(known)

    @staticmethod
    def _everyone(context: CaseContext) -> Iterable[tuple[Person, str, str]]:
        for person in context.family:
            yield person, "family", context.reference
        for person in context.professionals:
            yield person, "professional", context.reference
        for other in context.other_cases:
            for person in other.people:
                yield person, "other_case", other.reference
            for person in other.professionals:
                yield person, "professional", other.reference

    def variants(self) -> list[tuple[str, str]]:
        """(variant, party) pairs for building the register matcher."""
        out: list[tuple[str, str]] = []
        for table in (self.full, self.first, self.surname):
            for key, people in table.items():
                out.append((key, _best(people).party))
        return out

    def lookup(self, mention: str) -> Match | None:
        """Resolve a name mention (title allowed) against the register."""
        key = norm(mention)
        if not key:
            return None
        if key in self.full:
            return Match(_best(self.full[key]), "full" if " " in key else "alias")
        tokens = key.split(" ")
        if len(tokens) >= 2:
            # First and last must both agree: "Shahid Hussain" is not family just for sharing a surname.
            firsts = {id(k): k for k in self.first.get(tokens[0], [])}
            both = [k for k in self.surname.get(tokens[-1], []) if id(k) in firsts]
            if both:
                return Match(_best(both), "full")
            fuzzy = self._fuzzy(key)
            if fuzzy is not None:
                return Match(fuzzy, "fuzzy")
            return None
        if key in self.surname:
            return Match(_best(self.surname[key]), "surname")
        if key in self.first:
            return Match(_best(self.first[key]), "first")
        return None

    def _fuzzy(self, key: str) -> Known | None:
        # Small misspellings of this case's own people ("Nasreen Husain"); never fuzzy-match outsiders in.
        best: tuple[float, Known] | None = None
        for known in self.people:
            if known.case != self.reference or " " not in known.name.strip():
                continue
            score = fuzz.ratio(key, norm(known.name))
            if score >= 90 and (best is None or score > best[0]):
                best = (score, known)
        return best[1] if best else None


def _best(people: list[Known]) -> Known:
    return min(people, key=lambda k: _RANK.get(k.party, 9))
