"""Find person names and decide whose they are: family, professional, another case, or a third party."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redaction.detect.context import role_clue
from redaction.detect.gazetteer import english_zipf, name_words
from redaction.detect.identifiers import STREET_WORDS
from redaction.detect.lexicon import (
    COMMON_WORD_NAMES,
    KIN_TITLES,
    NAME_TOKEN,
    NOT_NAMES,
    ROLE_RE,
    TITLE_RE,
    TRADE_ACRONYMS,
)
from redaction.detect.people import Register, norm
from redaction.detect.spanindex import SpanIndex
from redaction.types import CaseContext


@dataclass
class Mention:
    start: int
    end: int
    source: str  # "ner", "register", "title", "doc", "initials"
    party: str = ""
    why: str = ""
    confidence: float = 0.5
    # Resolved, but a person should confirm it before anything is redacted (why, in words).
    doubt: str = ""
    # An alias explained in the text ('"Mama" is Agnieszka'): the span of the name it stands for.
    same_as: tuple[int, int] | None = None


# A capitalised name after a title: "Mrs Kelly", "DS Claire JENNINGS", "Mr and Mrs HUSSAIN".
_LEAD_WORDS = (
    "hi",
    "hello",
    "dear",
    "thanks",
    "visitor",
    "worker",
    "nurse",
    "teacher",
    "officer",
    "manager",
    "chair",
    "interpreter",
    "midwife",
    "advocate",
    "practitioner",
    "coordinator",
    "lead",
    "sergeant",
    "constable",
    "detective",
    "consultant",
    "paediatrician",
    "clinician",
    "therapist",
    "mentor",
    "tutor",
    "advise",
    "serve",
    "see",
    "ask",
    "tell",
    "call",
    "contact",
    "visit",
    "email",
)
_LEAD_RE = "|".join(_LEAD_WORDS)
_KIN_RE = "|".join(KIN_TITLES)
# Titles, greetings, roles and kinship words in front of a name ("Health Visitor Karen Finch", "Aunty Kathy").
_LEAD = re.compile(rf"(?:(?:{TITLE_RE}|{_LEAD_RE}|{_KIN_RE})\.?\s+)+", re.IGNORECASE)
# (party, why, doubt) of someone resolved; the names a document has introduced, each with its resolution.
Resolution = tuple[str, str, str]
DocNames = dict[str, Resolution]
_POSSESSIVE = re.compile(r"['\u2019]s?$")


# Mention sources that guess from the word alone (see name_words): unresolved, they go to review.
GUESS_SOURCES = frozenset({"gazetteer", "word_name", "shape", "lower_name"})


@lru_cache(maxsize=64)
def register_for(context: CaseContext) -> Register:
    """The register of a case context, built once per context (the shared index of a whole register is
    built once per process)."""
    return Register(context)


_UNCLOSED_QUOTE = re.compile(r" [\"\u201c][^\"\u201c\u201d]*$")


_VERY_COMMON_ZIPF = 4.5  # "reports" 4.9, "said" 6.0; "dong" 3.8
_SPACE_THEN_WORD = re.compile(r" ([^\W\d_][\w'\u2019-]*)")
# Small words inside names in many languages: "Ana de Souza", "Jan van Dijk", "Omar bin Laden".
_NAME_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "ten"}
    | {"la", "le", "bin", "binti", "bint", "al", "el", "ibn", "y", "e", "mac", "ap", "ó", "o'"}
)


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim titles, possessives and punctuation so the span covers the name only."""
    gap = re.search(r"\s{2,}|[\t\n(,;:|/<]| [-\u2013] ", text[start:end])
    if gap is not None and gap.start() > 0:
        end = start + gap.start()
    # A capitalised name runs on into a sentence's verb only by the model's mistake: "Okafor reports Minh".
    # Only a very common word is cut there; a name left in lower case ("Anh dong") is not.
    if text[start : start + 1].isupper():
        for word in _SPACE_THEN_WORD.finditer(text, start, end):
            lower = word.group(1)
            if lower.islower() and lower not in _NAME_PARTICLES and english_zipf(lower) >= _VERY_COMMON_ZIPF:
                end = word.start()
                break
    # A quotation opened inside the span and not closed is what someone said next: 'Jayden "Marley says hi"'
    # is Jayden, though 'Kwabena "Kojo" Mensah' is one name.
    opening = _UNCLOSED_QUOTE.search(text, start, end)
    if opening is not None and opening.start() > start:
        end = opening.start()
    while start < end and not text[start].isalnum():
        start += 1  # "> Mrs Angwin" in a quoted e-mail: the quote mark first, then the title
    span = text[start:end]
    # Drop greetings, role words and titles in front of the name ("Health Visitor Karen Finch").
    lead = _LEAD.match(span)
    if lead and lead.end() < len(span):
        start += lead.end()
    # The model runs a name on into a log's next label: "BRIDGET MCDONAGH TEL 07700 ...", "Mary's NI number".
    while (last := text.rfind(" ", start, end)) > start and text[last + 1 : end].upper() in TRADE_ACRONYMS:
        end = last
    span = text[start:end]
    possessive = _POSSESSIVE.search(span)
    if possessive and possessive.start() > 0:
        end = start + possessive.start()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# A list's bullet opens a line as a sentence start does: "- Telephoned Nadia", "* Rang Owen", "2. Met".
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]+$")


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return (
        start == 0
        or before.endswith(("\n", ". ", "! ", "? ", '" ', "\t"))
        or before.strip() == ""
        or bool(_BULLET_BEFORE.search(text, max(0, start - 8), start))
    )


_NEXT_NAME = re.compile(rf" ({NAME_TOKEN})(?![\w'\u2019-])")
_PREV_NAME = re.compile(rf"(?<![\w'\u2019-])({NAME_TOKEN}) $")
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "when",
        "while",
        "if",
        "then",
        "that",
        "this",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "it",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "its",
        "there",
        "here",
        # Greetings and sign-offs run into the name after them ("Hi Owen", "Thanks Priya").
        "hi",
        "hello",
        "hiya",
        "thanks",
        "cheers",
        "morning",
        "afternoon",
        "regards",
    ]
)
# Two or more words in capitals, or a capitalised word then a SURNAME in capitals (minutes style).
_CAPS_NAME = re.compile(rf"(?<![\w'\u2019-])({NAME_TOKEN}) ([A-Z][A-Z'\u2019-]+[A-Z])(?![\w'\u2019-])")


def _joinable(word: str) -> bool:
    bare = word.lower()
    return (
        len(word) > 1
        and bare not in NOT_NAMES
        and bare not in _FUNCTION_WORDS
        and bare not in KIN_TITLES  # "Aunty Kathy" is Kathy
        and word.upper() not in TRADE_ACRONYMS  # "BRIDGET MCDONAGH TEL 07700 ...": a label, not a name
        and not re.fullmatch(rf"(?:{TITLE_RE})", word)
    )


def surname_after_first_name(name: str, word: str) -> bool:
    """ "Winifred Ward", "Lucy Hall": a surname that is also a word, straight after a listed first name.
    Not a street or a building ("Victoria Street", "Hope House"): those words stay places."""
    first = name.strip()
    words = name_words()
    return (
        " " not in first
        and words.is_given(first)
        and words.is_surname(word)
        and word.lower() not in _PLACE_NOUNS
        and word.capitalize() not in STREET_WORDS
    )


_PLACE_NOUNS = frozenset({"house", "hall", "court", "centre", "park", "school", "academy", "unit", "lodge"})


def extend(text: str, mentions: list[Mention], propn: frozenset[int] = frozenset()) -> list[Mention]:
    """Grow mentions over adjacent capitalised name words ("Chioma" + "Okafur"), then re-merge."""
    for m in mentions:
        while True:
            nxt = _NEXT_NAME.match(text, m.end)
            if nxt is None or m.end - m.start > 40:
                break
            if not _joinable(nxt.group(1)) and not surname_after_first_name(text[m.start : m.end], nxt.group(1)):
                break
            m.end = nxt.end(1)
        span = text[m.start : m.end]
        prev = _PREV_NAME.search(text, max(0, m.start - 30), m.start)
        if (
            prev is not None
            and _joinable(prev.group(1))
            and (span.split()[0].isupper() or prev.start(1) in propn)
            and (not _sentence_initial(text, prev.start(1)) or prev.group(1).isupper() or prev.start(1) in propn)
            # "Visited Marta", "Called Joy": a verb opening a case note is not a first name.
            and not (_sentence_initial(text, prev.start(1)) and prev.group(1).lower().endswith(("ed", "ing")))
        ):
            m.start = prev.start(1)
    return merge(mentions)


def caps_names(text: str, propn: frozenset[int] = frozenset()) -> list[Mention]:
    """ "Kamran ALI": the surname-in-capitals convention of minutes, which spaCy often misses."""
    out: list[Mention] = []
    for m in _CAPS_NAME.finditer(text):
        first, surname = m.group(1), m.group(2)
        if first.isupper() or (propn and m.start(1) not in propn):
            continue  # "PRIVATE AND CONFIDENTIAL", "Serve CAWN": headings and verbs, not names
        if _joinable(first) and _joinable(surname) and len(surname) >= 2:
            out.append(Mention(m.start(), m.end(), "caps", confidence=0.7))
    return out


def merge(mentions: list[Mention]) -> list[Mention]:
    """Union overlapping mentions; the earliest-starting one's source is kept."""
    merged: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if merged and m.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, m.end)
            last.confidence = max(last.confidence, m.confidence)
            if m.source == "register" or (last.source in GUESS_SOURCES and m.source not in GUESS_SOURCES):
                last.source = m.source
        else:
            merged.append(Mention(m.start, m.end, m.source, m.party, m.why, m.confidence, same_as=m.same_as))
    return merged


def resolve(text: str, mentions: list[Mention], context: CaseContext) -> list[Mention]:
    """Give every mention a party: register first, then the document's own introductions, then context."""
    register = register_for(context)
    doc_names: DocNames = {}
    # Multi-word mentions first: they introduce people, whose short forms follow later in the text.
    order = sorted(mentions, key=lambda m: (" " not in text[m.start : m.end], m.start))
    for m in order:
        name = text[m.start : m.end]
        if (trimmed := _leading_word_off(text, m, register, doc_names)) is not None:
            m.start, name = trimmed, text[trimmed : m.end]
        if (cut := _trailing_words_off(text, m, register, doc_names)) is not None:
            m.end, name = cut, text[m.start : cut]
        # "@Blessing M": a handle written as the person's display name is looked up as that name.
        looked_up = name[1:] if name.startswith("@") and " " in name else name
        match = register.initials(name) if m.source == "initials" else register.lookup(looked_up)
        if match is None and m.same_as is not None:
            # An alias is whoever the name it stands for is: "Mama" of the family is the family's.
            match = register.lookup(text[m.same_as[0] : m.same_as[1]])
        if match is not None and match.person.party == "family" and match.how != "full" and _outsider(text, m):
            # "Their neighbour Mr Whitby (no relation)": the family's surname on someone else.
            m.party = "third_party"
            m.why = "Shares a family member's name but is introduced as someone else: a third party."
        elif match is not None:
            m.source = "register" if m.source in GUESS_SOURCES else m.source
            m.party = match.person.party
            m.why = _register_reason(match.person.party, match.person.role, match.person.case, match.how)
            m.confidence = max(m.confidence, 0.95 if match.how == "full" else 0.85)
        elif norm(name) in doc_names:
            m.party, m.why, m.doubt = doc_names[norm(name)]
            m.source = "doc" if m.source in GUESS_SOURCES else m.source
        elif (introduced := _titled_initial(text, m, name, doc_names)) is not None:
            # "Miss K" after "her TA, Miss Kowalczyk": a title and the first letter of someone introduced.
            m.party, m.why, m.doubt = introduced
            m.source = "doc"
        elif m.source == "initials" and (introduced := _introduced_initials(name, doc_names)) is not None:
            # "PD" after "Patricia Doyle" was introduced: the same person, not a guess.
            m.party, m.why, m.doubt = introduced
            m.source = "doc"
        else:
            clue = role_clue(text, m.start, m.end)
            if clue.carer:
                m.party, m.why = "third_party", f"A carer, not staff: {clue.reason}."
                m.doubt = "Whether the family may read a carer's name is a judgement."
            elif clue.reason:
                m.party, m.why = "professional", f"Professional: {clue.reason}."
                if " " not in name.strip() and m.source not in GUESS_SOURCES and len(name) > 2:
                    # "PC Adeyemi" once, then "Adeyemi" alone in a later row: the same officer.
                    doc_names.setdefault(norm(name), (m.party, m.why, m.doubt))
            else:
                m.party = "third_party"
                m.why = _NOBODY_KNOWN
        if " " in name.strip() and match is None and m.source not in GUESS_SOURCES:
            for part in norm(name).split(" "):
                if len(part) > 1 and part not in doc_names and register.lookup(part) is None:
                    doc_names[part] = (m.party, m.why, m.doubt)
            doc_names.setdefault(norm(name), (m.party, m.why, m.doubt))
    # An e-mail chain quotes the earlier message below the later one: someone introduced in role further
    # down ("her TA, Miss Kowalczyk") is the same person when named bare above.
    for m in mentions:
        later = doc_names.get(norm(text[m.start : m.end]))
        if m.why == _NOBODY_KNOWN and later is not None and later[0] == "professional":
            m.party, m.why, m.doubt = later
    return mentions


_NOBODY_KNOWN = "Not the family or a known professional: a third party."


# Seen in English at all ("telephoned" 2.6): with the rest of the span resolved, enough to cut the word.
_KNOWN_WORD_ZIPF = 2.0


def _leading_word_off(
    text: str, m: Mention, register: Register, doc_names: DocNames
) -> int | None:
    """Where the name starts when the model ran a sentence's first word into it ("Rang Owen straight
    away", "Emailed Sunita"): the first word is ordinary English and no listed name, and the rest is
    someone the case or the document already knows. Without that resolution the whole span stays: a name
    is never cut short."""
    name = text[m.start : m.end]
    first, _, rest = name.partition(" ")
    if not rest or m.source == "initials" or not _sentence_initial(text, m.start):
        return None
    if (
        not first.isalpha()
        or len(first) < 3
        or name_words().is_name(first)
        or english_zipf(first) < _KNOWN_WORD_ZIPF
        or register.lookup(name) is not None
    ):
        return None
    if not _known(rest.strip(), register, doc_names):
        return None
    return m.start + len(name) - len(rest.lstrip())


def _trailing_words_off(
    text: str, m: Mention, register: Register, doc_names: DocNames
) -> int | None:
    """Where the name ends when the model ran it on into the verb after it ("Adaeze rang"): the words
    before the first word in lower case are someone the case or the document knows, and the whole is
    not. Without that resolution the span stays whole."""
    name = text[m.start : m.end]
    words = list(_SPACE_THEN_WORD.finditer(name))
    lower = next((w for w in words if w.group(1).islower() and w.group(1) not in _NAME_PARTICLES), None)
    if lower is None or not name[:1].isupper() or register.lookup(name) is not None:
        return None
    if not _known(name[: lower.start()], register, doc_names):
        return None
    return m.start + lower.start()


def _known(name: str, register: Register, doc_names: DocNames) -> bool:
    """Someone the case's register or the document itself already knows."""
    return register.lookup(name) is not None or norm(name) in doc_names


# Words introducing someone outside the household, right before a name ("the neighbour Mr Whitby"), and
# disclaimers right after it ("Mr Whitby (no relation)").
_OUTSIDER_BEFORE = re.compile(
    r"\b(?:neighbou?rs?|next[- ]door|friends?|boyfriend|girlfriend|ex-partner|ex|landlord|landlady|lodger|"
    r"associates?|stranger|man|woman)(?:['\u2019]s)?\s*,?\s*(?:(?:" + TITLE_RE + r")\.?\s+)?$",
    re.IGNORECASE,
)
# "Mr Whitby (no relation)", "is called Doğan too but he's not our family": a disclaimer of kinship in the
# same clause, a few words on.
_NO_RELATION = re.compile(
    r"^[^.\n]{0,30}?\b(?:no relation|not related|unrelated|not (?:our|their|her|his|my) family)\b",
    re.IGNORECASE,
)


def _outsider(text: str, m: Mention) -> bool:
    return bool(_OUTSIDER_BEFORE.search(text[max(0, m.start - 40) : m.start])) or bool(
        _NO_RELATION.match(text[m.end : m.end + 30])
    )


_TITLE_BEFORE = re.compile(rf"\b(?:{TITLE_RE})\.?\s+$")


def _titled_initial(
    text: str, m: Mention, name: str, doc_names: DocNames
) -> Resolution | None:
    """Whom "Miss K" stands for: the one surname the document introduced with that first letter."""
    letter = name.rstrip(".")
    if len(letter) != 1 or not letter.isupper() or not _TITLE_BEFORE.search(text, max(0, m.start - 8), m.start):
        return None
    fits = {found for key, found in doc_names.items() if " " not in key and key[:1] == letter.lower()}
    return fits.pop() if len(fits) == 1 else None


def _introduced_initials(initials: str, doc_names: DocNames) -> Resolution | None:
    wanted = initials.strip().lower()
    for name, found in doc_names.items():
        words = name.split(" ")
        if len(words) >= 2 and "".join(w[0] for w in words if w) == wanted:
            return found
    return None


def propagate(text: str, mentions: list[Mention], context: CaseContext) -> list[Mention]:
    """Find later short forms ("Mrs Doyle", "Patricia", "PD") of people the document introduced."""
    register = register_for(context)
    taken = SpanIndex((m.start, m.end) for m in mentions)
    guesses = {m.start: m for m in mentions if m.source in GUESS_SOURCES}
    extra: list[Mention] = []
    forms: dict[str, Mention] = {}
    for m in mentions:
        name = text[m.start : m.end]
        parts = [p for p in re.split(r"\s+", name) if p]
        if m.party == "family":
            continue
        if len(parts) == 1:
            # A lone name found by a strong clue ("known as "Dre"") recurs bare later in the text.
            word = parts[0]
            if (
                m.party in ("third_party", "other_case")
                and m.source != "doc"
                and m.source not in GUESS_SOURCES  # each guess is judged where it stands
                and (len(word) > 2 or (m.source == "initials" and word.isupper()))
                and register.lookup(word) is None
                and word.lower() not in NOT_NAMES
            ):
                # Initials recur exactly, in capitals ("CK ... CK and her mum"); a name in any case.
                forms.setdefault(word if m.source == "initials" and word.isupper() else word.lower(), m)
            continue
        for part in (parts[0], parts[-1]):
            if len(part) > 1 and register.lookup(part) is None and part.lower() not in NOT_NAMES:
                forms.setdefault(part.lower(), m)
        # The whole name recurs too: "Carol Pike:" at a line's start is a name, though "Carol" alone
        # there might be the word.
        if m.source not in GUESS_SOURCES and all(register.lookup(part) is None for part in parts):
            forms.setdefault(" ".join(parts).lower(), m)
        initials = "".join(p[0] for p in parts if p[:1].isupper())
        if len(initials) >= 2:
            forms.setdefault(initials, m)
    # A word the document uses as a place ("Harrowfield Academy", "Harrowfield HF1 6NN") is never spread as
    # someone's name, even when a longer "name" began with it.
    from redaction.detect.name_words import place_words

    for place in place_words(text):
        forms.pop(place.lower(), None)
    if not forms:
        return mentions
    words = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # A possessive may come without its apostrophe in messages ("at lorraines", "rockys boys").
    pattern = re.compile(
        rf"(?<![\w'\u2019-])(?:{words})(?=s(?![\w'\u2019-])|(?![\w-]|['\u2019][^\Ws]))", re.IGNORECASE
    )
    for hit in pattern.finditer(text):
        word = hit.group(0)
        source = forms.get(word) or forms.get(word.lower())
        if source is None:
            continue
        if not _capitalised(word) and not text[source.start : source.end].islower():
            continue  # lower case only for a name the document itself wrote so ("kayz", "lilbabyj")
        # The guess may be longer than the form ("Martin Ward" guessed, "Martin" introduced before).
        guessed = guesses.get(hit.start())
        if guessed is not None and guessed.end < hit.end():
            guessed = None
        if guessed is not None and source.source not in GUESS_SOURCES:
            # The word alone only looked like a name; the document has since introduced whose it is.
            guessed.source, guessed.party, guessed.why = "doc", source.party, source.why
            guessed.doubt = source.doubt
            continue
        if taken.overlaps(hit.start(), hit.end()) or starts_a_role(text, hit.start(), hit.end()):
            continue
        if word.isupper() and len(word) <= 3 and word not in forms:
            continue  # initials must match exactly, in capitals
        if word.lower() in COMMON_WORD_NAMES and _sentence_initial(text, hit.start()):
            continue
        # A short form inherits the doubt of a guessed full name: both go to review together.
        how = source.source if source.source in GUESS_SOURCES or source.source == "initials" else "doc"
        extra.append(Mention(hit.start(), hit.end(), how, source.party, source.why, 0.75, source.doubt))
    return sorted(mentions + extra, key=lambda m: m.start)


_ROLE_AT = re.compile(rf"(?:{ROLE_RE})\b", re.IGNORECASE)


def starts_a_role(text: str, start: int, end: int) -> bool:
    """ "Foster carer's log", "Youth Justice Worker": the first words of a role, no one's name."""
    role = _ROLE_AT.match(text, start)
    return role is not None and role.end() > end and " " in role.group(0)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _register_reason(party: str, role: str, case: str, how: str) -> str:
    if party == "family":
        return f"Family member ({role})." if role else "Family member."
    if party == "professional":
        return f"Professional ({role})." if role else "Professional."
    return f"Member of another case ({case}): must never be disclosed to this family."
