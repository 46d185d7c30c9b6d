"""Identifiers: emails, UK phones, postcodes, addresses, dates of birth, NHS and NI numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers

POSTCODE = r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b"
_POSTCODE_RE = re.compile(POSTCODE)
_EMAIL_RE = re.compile(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b")
STREET_WORDS = (
    "Road",
    "Rd",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Lane",
    "Ln",
    "Close",
    "Drive",
    "Dr",
    "Way",
    "Walk",
    "Grove",
    "Crescent",
    "Place",
    "Gardens",
    "Court",
    "Terrace",
    "Square",
    "Hill",
    "Row",
    "Mews",
    "View",
    "Park",
    "Rise",
    "Green",
    "Parade",
    "Mount",
    "Vale",
    "Croft",
    "Fold",
    "Gate",
    "Meadow",
    "Meadows",
    "Wharf",
    "Yard",
    "Boulevard",
    "Broadway",
    "Circus",
    "Chase",
    "End",
    "Field",
    "Fields",
    "Heights",
    "Side",
    "Bank",
    "Quay",
    "Approach",
    "Wynd",
    "Cl",
)
_STREET = "|".join(STREET_WORDS)
_CAP = r"[A-Z][a-z][\w'\u2019-]*"
_COMPASS = frozenset({"North", "South", "East", "West", "Upper", "Lower", "Central"})
# "Flat 4, 210 Coventry Road" / "Flat 6, Ashdene House, Frederick Road" / "41 Kirkwood Road".
_ADDRESS_HEAD = re.compile(
    rf"\b(?:(?:Flat|Apartment|Unit|Room)\s+\d+[A-Za-z]?,?\s+(?:{_CAP}(?:\s+{_CAP})*\s+(?:House|Court|Lodge|"
    rf"Buildings|Tower|Point|Mansions),?\s+)?(?:\d+[A-Za-z]?\s+)?|\d+[A-Za-z]?(?:-\d+)?,?\s+)"
    rf"(?:{_CAP}[ ]+){{1,3}}(?:{_STREET})\b"
)
# Street words that are not also everyday words ("walk", "view", "park" are): only these mark an address
# typed in lower case.
_LOWER_STREET_WORDS = (
    "road",
    "rd",
    "street",
    "lane",
    "avenue",
    "ave",
    "crescent",
    "grove",
    "terrace",
    "gardens",
    "mews",
    "close",
    "cl",
    "parade",
    "boulevard",
)
# The same typed in lower case, as quick notes are ("lives 16 ferry lane"): the street's own words are no
# function words ("5 minutes up the road" is not an address).
_FUNCTION = r"(?:the|a|an|up|down|to|of|from|in|on|at|by|round|along|across|near|minutes?|mins?|doors?|houses?)"
_LOWER_ADDRESS_HEAD = re.compile(
    rf"\b\d+[a-z]?,?[ \t]+(?:(?!{_FUNCTION}\b)[a-z][a-z'\u2019-]+[ \t]+){{1,3}}"
    rf"(?:{'|'.join(_LOWER_STREET_WORDS)})\b"
)
# Continuation of an address: ", Town", "\nCity", " B11 4QT" - capitalised place words or a postcode.
_ADDRESS_TAIL = re.compile(rf"(?:,?[ \t]*\n?[ \t]*(?:{POSTCODE}|{_CAP}(?:[ ]+{_CAP}){{0,2}}))")
_DOB_RE = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?|birth date)\b[\s:,()-]{0,6}"
    r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})",
    re.IGNORECASE,
)
_NHS_RE = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_NHS_LABEL = re.compile(r"\bNHS\b[^\n\d]{0,20}$", re.IGNORECASE)
# Any two letters: specimen prefixes (QQ) appear in training material and must still be caught.
_NI_RE = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_NOT_PLACE = frozenset({"On", "At", "In", "The", "And", "Tel", "Telephone", "Mobile", "Email", "DOB", "Who"})


@dataclass
class Identifier:
    start: int
    end: int
    category: str
    confidence: float = 0.9
    # For an address: where its "number + street" head ends; the rest is town and postcode parts.
    head_end: int = -1


def emails(text: str) -> Iterator[Identifier]:
    for m in _EMAIL_RE.finditer(text):
        yield Identifier(m.start(), m.end(), "email", 0.99)


# A time of day ("22:40") right before a number makes the matcher read "40 07700 900863" as one run of
# digits and give up: times are blanked (same length, so offsets hold) before matching.
_TIME_OF_DAY = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")


def phones(text: str) -> Iterator[Identifier]:
    blanked = _TIME_OF_DAY.sub(lambda m: " " * len(m.group(0)), text)
    for match in phonenumbers.PhoneNumberMatcher(blanked, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        # POSSIBLE, not VALID: the Ofcom drama ranges (07700 900xxx) used in examples are not "valid".
        if sum(ch.isdigit() for ch in match.raw_string) < 10:
            continue
        yield Identifier(match.start, match.end, "phone", 0.95)


def nhs_numbers(text: str) -> Iterator[Identifier]:
    for m in _NHS_RE.finditer(text):
        digits = "".join(m.groups())
        if _nhs_check_digit_ok(digits):
            yield Identifier(m.start(), m.end(), "nhs_number", 0.95)
        elif _NHS_LABEL.search(text[max(0, m.start() - 30) : m.start()]):
            # Labelled but failing the check digit: a typo still identifies a child, so flag it anyway.
            yield Identifier(m.start(), m.end(), "nhs_number", 0.8)


def _nhs_check_digit_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def ni_numbers(text: str) -> Iterator[Identifier]:
    for m in _NI_RE.finditer(text):
        if m.group(0)[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            yield Identifier(m.start(), m.end(), "ni_number", 0.9)


def dates_of_birth(text: str) -> Iterator[Identifier]:
    for m in _DOB_RE.finditer(text):
        yield Identifier(m.start("date"), m.end("date"), "date_of_birth", 0.9)


def addresses(text: str) -> Iterator[Identifier]:
    """Street addresses with a house or flat number, extended over town and postcode lines."""
    covered_until = -1
    spans: list[tuple[int, int]] = []
    for m in _ADDRESS_HEAD.finditer(text):
        if m.start() < covered_until:
            continue
        end = _extend(text, m.end())
        covered_until = end
        spans.append((m.start(), end))
        yield Identifier(m.start(), end, "address", 0.85, head_end=m.end())
    for m in _LOWER_ADDRESS_HEAD.finditer(text):
        if not any(start <= m.start() < end for start, end in spans):
            spans.append((m.start(), m.end()))
            yield Identifier(m.start(), m.end(), "address", 0.75, head_end=m.end())
    # A postcode outside every address found is an identifier of its own, wherever it stands.
    for m in _POSTCODE_RE.finditer(text):
        if not any(start <= m.start() and m.end() <= end for start, end in spans):
            yield Identifier(m.start(), m.end(), "postcode", 0.8)


# A home named without its street: "at number 14", "lives at no.3", "flat 2", "plot 6 on the site".
# A bare "number 14" needs a place word before it ("at", "lives", "next door to"): "item number 14" is not
# a home. Flats, plots and pitches are homes by name.
_PARTIAL_ADDRESS = re.compile(
    r"(?:(?:\b(?:at|from|to|of|into|outside|opposite|near|round to|next door to|lives|living|lived|stays|staying)"
    r",?\s+(?:the house at\s+)?|\(\s*|(?:^|(?<=[.!?]\s))(?=No\.?\s*\d+[a-z]?\s+(?:is|was|has|had)\b))"
    # ... or in brackets after a person, "Mrs Pike (no. 16)", or opening a sentence about it, "No. 9 is a let".
    r"(?P<number>(?:number|no\.?|num\.?)\s*\d+[a-z]?)\b)"
    r"|\b(?P<home>(?:flat|apartment|plot|pitch|caravan)\s+(?:no\.?\s*)?\d+[a-z]?)\b"
    # A home told by a landmark: "the flat above the chip shop on Carr Lane", "the house with the blue door
    # next to the car wash". Runs to the end of the clause, at most a dozen words.
    r"|\b(?P<landmark>(?:the|a)\s+(?:end\s+)?(?:flat|house|maisonette|bedsit|caravan|room|bungalow|terrace|cottage|"
    r"trailer)\s+(?:above|over|behind|below|next\s+to|opposite|beside|by|near|with|at\s+the\s+back\s+of|"
    r"round\s+the\s+back\s+of)"
    r"\s+[\w'\u2019-]+(?:[ \t]+[\w'\u2019-]+){0,11}?)(?=\s*[.,;:!?)\n]|\s+(?:and|but|where|which|who|when|because)\b)",
    re.IGNORECASE,
)


# A home told by its street alone, where someone lives: "lives on Pelham Road", "moved to Hawthorn Rise,
# Kestlebridge". A street merely passed through ("walked down Pelham Road") is not a home.
_HOME_STREET = re.compile(
    r"\b(?:live[sd]?|living|moved|moving|stay(?:s|ed|ing)?|resides?|residing|housed)\s+(?:on|in|at|to|round)\s+"
    rf"(?:the\s+)?(?P<street>(?:{_CAP}[ ]+){{1,3}}(?:{_STREET})\b(?:,[ ]*{_CAP}(?=[ ]*[.,;\n]))?)"
)


def partial_addresses(text: str, taken: list[Identifier]) -> Iterator[Identifier]:
    """Homes named by a number or a flat or plot without a street, outside any full address found."""
    for m in _HOME_STREET.finditer(text):
        if not any(i.start <= m.start("street") < i.end for i in taken):
            yield Identifier(m.start("street"), m.end("street"), "address", 0.6, head_end=m.end("street"))
    for m in _PARTIAL_ADDRESS.finditer(text):
        group = next(g for g in ("number", "home", "landmark") if m.group(g))
        start, end = m.start(group), m.end(group)
        if not any(i.start <= start < i.end for i in taken):
            # "Flat 11, Kestrel House, Wellgate Estate, Harrowfield HF1 6NN": a flat in a named block, with
            # its town and postcode, is a whole address.
            full = _extend(text, end) if group == "home" else end
            yield Identifier(start, full, "address", 0.85 if full > end else 0.6, head_end=end)


def _extend(text: str, end: int) -> int:
    """Swallow ", Town" parts and address lines; lines only count when a postcode closes them."""
    probe = end
    best = end
    for _ in range(6):
        tail = _ADDRESS_TAIL.match(text, probe)
        if not tail or tail.end() == probe:
            break
        raw = tail.group(0)
        part = raw.strip(" ,\t\n")
        if not part or part.split()[0] in _NOT_PLACE:
            break
        if _POSTCODE_RE.fullmatch(part):
            return tail.end()
        comma = raw.lstrip(" \t").startswith(",")
        newline = "\n" in raw
        if not (comma or newline or part in _COMPASS):
            break
        probe = tail.end()
        if not newline and best == probe - len(raw):
            best = probe
    return best


def find_all(text: str) -> list[Identifier]:
    found: list[Identifier] = []
    for finder in (emails, phones, nhs_numbers, ni_numbers, dates_of_birth, addresses):
        found.extend(finder(text))
    found.extend(list(partial_addresses(text, [i for i in found if i.category == "address"])))
    return found
