"""Where person names may be: spaCy entities, the register, titles and name-shaped context rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.detect.gazetteer import COMMON_ZIPF, RARE_ZIPF, common_word, english_zipf, name_words
from redaction.detect.lexicon import (
    COMMON_WORD_NAMES,
    NAME_TOKEN,
    NOT_NAMES,
    ORG_WORDS,
    PROFESSIONAL_TITLES,
    RELATION_WORDS,
    ROLE_WORDS,
    TITLE_RE,
    TRADE_ACRONYMS,
    UPPER,
)
from redaction.detect.name_words import name_word_guesses, outside_places, place_words
from redaction.detect.people import Register
from redaction.detect.persons import (
    Mention,
    _capitalised,
    _clean,
    _sentence_initial,
    caps_names,
    register_for,
    starts_a_role,
    surname_after_first_name,
)
from redaction.detect.spanindex import SpanIndex
from redaction.detect.truecase import Vocabulary
from redaction.types import CaseContext

_NAME = rf"{NAME_TOKEN}(?: {NAME_TOKEN}){{0,2}}"
# A capitalised name after a title: "Mrs Kelly", "DS Claire JENNINGS", "Mr and Mrs HUSSAIN".
# A police rank may carry a collar number: "PC 3391 Demelza Rowse".
_TITLED = re.compile(rf"\b(?P<title>{TITLE_RE})\.?(?: and (?:{TITLE_RE})\.?)? (?:\d{{2,6}} )?(?P<name>{_NAME})")
# "gave the name "Kam"", "known as 'Dre'", "someone called "Fizzy"": nicknames in quotes.
_NICKNAME = re.compile(
    r"\b(?:(?:known|knows|know|knew) (?:him |her |them )?as|called|named|name as|the name|nicknamed|"
    r"calls? (?:himself|herself)|calls|goes by|also|aka|a\.k\.a\.?)"
    rf"\s+[\"\u201c\u2018'](?P<name>{_NAME})[\"\u201d\u2019']"
    # A second name for the same person: "who he called "D" or "Darek"".
    rf"(?: or [\"\u201c\u2018'](?P<other>{_NAME})[\"\u201d\u2019'])?"
)
# The same without quotes, where only a name can follow: "a 17-year-old known as Sydney", "a Year 11 boy at
# the academy called Jordan" (a person word first: "a group called Parents First" is not one).
_KNOWN_AS = re.compile(
    rf"\b(?:(?:known|knows|knew) (?:him |her |them )?as|calls? (?:himself|herself)|goes by|nicknamed|"
    rf"(?:boy|girl|man|woman|lad|lass|bloke|guy|someone|somebody|friend|person|kid|teenager|youth|male|female)"
    rf"(?: [\w'\u2019-]+){{0,4}}? (?:called|named)) (?P<name>{_NAME})"
)
# A name with its date of birth: "REBIN KAYA (DOB 12/06/1996)", "Tyler Duffy, DOB 03/04/2010".
_WITH_DOB = re.compile(rf"(?<![\w'\u2019-])(?P<name>{_NAME})\s*[(,]?\s*(?:DOB|D\.O\.B\.?|(?i:date of birth|born))\b")
# A nickname inside a name: 'Kwabena "Kojo" Mensah' is one person.
_NICKNAME_INSIDE = re.compile(
    rf"(?<![\w'\u2019-])(?P<name>{NAME_TOKEN} [\"\u201c'\u2018]{NAME_TOKEN}[\"\u201d'\u2019] {NAME_TOKEN})"
)
# A form's field for a person's name: "Referrer name: ", "Surname: ", "Forename(s): ", "Known as: ". The
# field says it is a person, so an unresolved value is redacted, not guessed at.
_NAME_FIELD = re.compile(
    rf"(?:^|\n|\t|\s{{2,}}|\|)[ \t]*(?:[A-Za-z'\u2019]+[ \t]+){{0,2}}"
    rf"(?i:name|surname|forenames?|forename\(s\)|first names?|family name|known as|alias|aka)[ \t]*:[ \t]*"
    # The label in any case; the value a capitalised name ("Name: see above" is not one).
    rf"(?:(?:{TITLE_RE})\.?[ \t]+)?(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,3}})",
)
# An initial and a surname, or a first name and an initial: "Ł. Wróbel", "P. Hartigan", "Zofia N.".
_INITIALLED = re.compile(rf"(?<![\w.'\u2019-])(?P<name>[{UPPER}]\. {NAME_TOKEN})(?![\w'\u2019-])")
_NAME_THEN_INITIAL = re.compile(
    rf"(?<![\w'\u2019-])(?P<name>(?P<first>{NAME_TOKEN}) (?!I\b)[{UPPER}](?:\.|(?![\w'\u2019-])))"
)
# "Liban Egal (16)", "Tyler Duffy, aged 13", "Hope Leighton (15)": an age marks a person.
_AGED = re.compile(rf"(?<![\w'\u2019-])(?P<name>{_NAME})(?:\s*\((?:aged\s+)?\d{{1,2}}\)|,\s+aged\s+\d{{1,2}}\b)")
_RELATION_RE = "|".join(sorted(map(re.escape, RELATION_WORDS), key=len, reverse=True))
# "her friend, Leah Baxter", "a close friend in Year 9, Leah Baxter", "his brother Shahid".
# "Brigid Ward (maternal great-aunt)", "Leon Price (Kayla's boyfriend)": a relationship in brackets.
_RELATION_AFTER = re.compile(
    rf"(?<![\w'\u2019-])(?P<name>{_NAME})\s*\((?:[\w'\u2019-]+\s+){{0,3}}?(?:great-|step-?)?(?:{_RELATION_RE})\b"
)
_RELATION = re.compile(rf"\b(?:{_RELATION_RE})s?\b(?:[^.;:\n,]{{0,25}},)?[ ,]+(?:(?:{TITLE_RE})\.? )?(?P<name>{_NAME})")
# Someone's relatives make them a person: "River's parents were told", "Kacey's mum rang".
_HAS_RELATIVE = re.compile(
    rf"(?<![\w'\u2019-])(?P<name>{NAME_TOKEN})['\u2019]s (?:(?:new|ex|step|older|younger|little|big) )?"
    rf"(?:{_RELATION_RE}|parents|family|carers?)\b"
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")
# "Hyun-woo Park, who lives at ...": "who" follows people, never organisations or places.
_WHO = re.compile(rf"(?<![\w'\u2019-])(?P<name>{_NAME}),? who\b")


def _name_like(text: str, start: int, end: int, *, strict: bool = True) -> bool:
    """A span that could be a person's name rather than an organisation, place or heading.

    strict=False when a relationship word already marks a person: "Ward" or "Park" is then a surname.
    """
    words = text[start:end].split()
    if not words or len(words) > 4 or any(ch.isdigit() for ch in text[start:end]):
        return False
    if strict and any(
        (w.lower() in NOT_NAMES and not (i and surname_after_first_name(words[i - 1], w)))
        or w.lower() in ORG_WORDS
        for i, w in enumerate(words)
    ):
        return False
    if words[0].lower() in NOT_NAMES:
        return False
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return False
    following = re.match(r" ([A-Z][\w-]*)", text[end : end + 30])
    return not (following and following.group(1).lower() in ORG_WORDS)


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|around|outside|inside|into|towards|across|through|via|supports?)\s+$")


def _place_context(text: str, start: int, end: int) -> bool:
    """ "in Hereford", "near Small Heath": a preposition of place before, and no possessive after."""
    return bool(_PLACE_BEFORE.search(text[max(0, start - 12) : start])) and not text.startswith(("'s", "\u2019s"), end)


# Initials standing for a person: capitals followed by what people do, or joined to other initials
# ("TK and RB were also in the group", "D was given a warning", "Staff asked JM to leave").
_INITIALS = re.compile(
    r"(?<![\w'\u2019&/-])(?P<initials>[A-Z]{1,3})(?![\w'\u2019&/-])"
    r"(?=(?:\s+and\s+[A-Z]{1,3}\b)|\s+(?:was|were|is|are|has|had|said|says|told|did|does|went|came|"
    r"hit|kicked|punched|pushed|threatened|gave|asked|got|will|would|could|may|might|left|arrived|"
    r"shouted|admitted|denied|lives|lived)\b|['\u2019]s\b|\s*\(\d{1,2}\b)"
    r"|\b(?:and|with|by|asked|told|saw|warned|met|between)\s+(?P<after>[A-Z]{1,3})(?=[\s,.;:)])",
)


_NAME_NEXT = re.compile(r"\.?[ \t]+(?:\d{2,6}[ \t]+)?[A-Z]")


def initials_mentions(text: str, register: Register) -> list[Mention]:
    """Initials standing for people; weak evidence, so what they resolve to decides little alone.
    An abbreviation of the trade ("GP", "TM") counts only when it is the initials of someone the case knows."""
    out: list[Mention] = []
    for m in _INITIALS.finditer(text):
        group = "initials" if m.group("initials") else "after"
        word = m.group(group)
        if word in TRADE_ACRONYMS and (len(word) == 1 or register.initials(word) is None):
            continue
        if word in PROFESSIONAL_TITLES and _NAME_NEXT.match(text, m.end(group)):
            continue  # "with PC Adeyemi", "met DS 1408 Khan": a rank before a name, not initials
        out.append(Mention(m.start(group), m.end(group), "initials", confidence=0.45))
    return out


# A table's header cell that says its column holds people.
_PEOPLE_COLUMN = re.compile(
    r"^(?:full |child'?s? |young person'?s? |parent'?s? )?(?:name|names|person|people|attendee|attendees|present|"
    r"child|children|young person|parent|carer|family member|member|who|referrer|victim|suspect|alleged|"
    r"associate|associates|peer|peers|contact|contacts|individual)s?\b",
    re.IGNORECASE,
)
_CELL_NAME = re.compile(r"^[A-Z][\w'\u2019-]*(?:\.)?(?: [A-Z][\w'\u2019-]*){0,2}$")


# Who speaks in a transcript of messages or posts: "[16:05] kayz: ...", "21:49 Oli - ...", and at a line's
# start without a time, a name that is no common word ("Carol Pike: ...", not "Outcome: ...").
_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:[\[(]?\d{1,2}[:.]\d{2}(?::\d{2})?[\])]?[ \t]*"
    r"(?P<timed>[^\W\d_][\w'\u2019.-]*(?: [^\W\d_][\w'\u2019.-]*){0,2})"
    r"|(?P<plain>[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2}))"
    r"[^\w\n:]{0,6}(?:\([^)\n]{1,30}\))?[ \t]*[:\-\u2013][ \t]"
)
# A social media handle: "@kayzz_07", "lilbabyj on snap", "snap: lilbabyj", "insta - rui.f.lx".
_HANDLE = re.compile(
    r"(?<![\w@.])(?P<at>@[A-Za-z0-9_][\w.]{1,29}[A-Za-z0-9_])"
    r"|\b(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|tik tok|twitter|x|facebook|fb)(?: name| handle| username)?"
    r"[ \t]*[:\-][ \t]*(?P<after>[A-Za-z0-9_][\w.]{1,29})"
    r"|(?P<before>\b[A-Za-z0-9_][\w.]{1,29}) on (?:snap(?:chat)?|insta(?:gram)?|tiktok|twitter|facebook)\b",
    re.IGNORECASE,
)


def _name_or_unknown(word: str) -> bool:
    zipf = english_zipf(word)
    return not word.isupper() and ((name_words().is_name(word) and zipf < COMMON_ZIPF) or zipf < 2.0)


def speaker_mentions(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _SPEAKER.finditer(text):
        group = "timed" if m.group("timed") else "plain"
        start, end = _clean(text, m.start(group), m.end(group))
        words = text[start:end].split()
        if not words or text[start:end].isupper():
            continue  # "WL21", "ETA", "PNC": call signs and codes of a log, not speakers
        if group == "plain" and not all(_name_or_unknown(w) for w in words):
            continue  # "Outcome:", "Sibling:", "PNC:": labels of a record, not speakers
        if any(w.lower() in NOT_NAMES or w.lower() in _ROLE_OR_RELATION for w in words):
            continue
        out.append(Mention(start, end, "speaker", confidence=0.8))
    return out


# A transcript's "who is who": an alias explained by the name it stands for. In quotes anywhere
# ('"darek" is Dariusz Nowak', '"Mama" is Agnieszka'), or opening a legend line in lower case or with a
# handle ("dallas (@dallas.k_) - Dallas Kerrigan, 16").
_ALIAS_QUOTED = re.compile(
    rf"[\"\u201c](?P<alias>[^\W\d_][\w.'\u2019-]{{0,19}})(?:\s+\S{{1,3}})?[\"\u201d]\s+(?:is|was|=)\s+(?P<name>{_NAME})"
)
_ALIAS_LEGEND = re.compile(
    rf"(?m)^[ \t]*(?P<alias>[a-z][\w.'\u2019-]{{0,19}}|[^\W\d_][\w.'\u2019-]{{0,19}}(?=[ \t]*\(@))"
    rf"(?:[ \t]*\([^)\n]{{0,40}}\))?[ \t]+(?:-|\u2013|=|is)[ \t]+(?P<name>{_NAME})"
)


def alias_mentions(text: str) -> list[Mention]:
    """Aliases a document explains, each tied to the name it stands for, so it resolves as that name does."""
    out: list[Mention] = []
    for pattern in (_ALIAS_QUOTED, _ALIAS_LEGEND):
        for m in pattern.finditer(text):
            alias = m.group("alias")
            if alias.lower() in _ROLE_OR_RELATION and pattern is _ALIAS_LEGEND:
                continue
            out.append(
                Mention(m.start("alias"), m.end("alias"), "nickname", confidence=0.8, same_as=m.span("name"))
            )
    return out


def handle_mentions(text: str) -> list[Mention]:
    """A handle names one person as surely as a name does: redacted whoever's it is, unless resolved."""
    out: list[Mention] = []
    for m in _HANDLE.finditer(text):
        group = next(g for g in ("at", "after", "before") if m.group(g))
        handle = m.group(group)
        if group != "at" and (common_word(handle) or handle.lower() in NOT_NAMES):
            continue
        out.append(Mention(m.start(group), m.end(group), "handle", confidence=0.85))
    return out


_ROLE_OR_RELATION = frozenset(w.lower() for w in (*RELATION_WORDS, *ROLE_WORDS))
_NO_PERSON_WORDS = _ROLE_OR_RELATION | NOT_NAMES | ORG_WORDS


def header_cells(text: str) -> SpanIndex:
    """The cells of each table's first row ("Name | Role | Contact"): labels of columns, never people."""
    spans: list[tuple[int, int]] = []
    offset = 0
    previous_was_row = False
    for line in text.split("\n"):
        cells = _cells(line)
        if cells and not previous_was_row and all(_label(line[a:b]) for a, b in cells):
            spans.extend((offset + a, offset + b) for a, b in cells)
        previous_was_row = bool(cells) or (previous_was_row and set(line.strip()) <= set("-|: +"))
        offset += len(line) + 1
    return SpanIndex(spans)


def _label(cell: str) -> bool:
    """A column label is made of common English words ("Name", "Date of birth", "Relationship to child");
    a first row holding a name is data in a table without a header."""
    words = re.findall(r"[^\W\d_]+", cell)
    return bool(words) and all(common_word(w) or w.lower() in _ROLE_OR_RELATION for w in words)


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row typed with tabs or pipes; [] for a line that is not one."""
    if "\t" not in line and "|" not in line:
        return []
    found = []
    for m in re.finditer(r"[^\t|]+", line):
        inner = m.group(0)
        if inner.strip():
            lead = len(inner) - len(inner.lstrip())
            found.append((m.start() + lead, m.start() + lead + len(inner.strip())))
    return found if len(found) >= 2 else []


def _organisation_cell(words: list[str]) -> bool:
    """ "Wellgate Medical Practice" in a contact column; not "Martin Ward", a first name and a surname."""
    return (
        len(words) > 1
        and words[-1].lower() in ORG_WORDS
        and not surname_after_first_name(words[-2], words[-1])
    )


def column_names(text: str) -> list[Mention]:
    """Names in a table column whose header says it holds people ("Name | Role", "Present"): a cell has
    no sentence around it for the model, but its header says what it is."""
    out: list[Mention] = []
    header: list[str] | None = None
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line)
        if not cells:
            header = None
        elif header is None or len(cells) != len(header):
            header = [line[a:b] for a, b in cells]
        else:
            for (a, b), title in zip(cells, header, strict=True):
                value = line[a:b]
                words = value.split()
                if (
                    _PEOPLE_COLUMN.match(title.strip())
                    and _CELL_NAME.match(value)
                    and not all(w.lower().strip(".") in NOT_NAMES for w in words)
                    and not _organisation_cell(words)
                ):
                    out.append(Mention(offset + a, offset + b, "cell", confidence=0.75))
        offset += len(line) + 1
    return out


def candidate_mentions(
    text: str,
    ents: list[tuple[int, int, str]],
    context: CaseContext,
    propn: frozenset[int] = frozenset(),
    english: Vocabulary | None = None,
    guesses: Sequence[Mention] | None = None,
    found: Sequence[Mention] | None = None,
) -> list[Mention]:
    """Every candidate. `guesses` (name_word_guesses) and `found` (text_mentions) when already made from the
    text alone while the model ran; the rest needs the model's entities and proper-noun tags."""
    mentions = model_mentions(text, ents, context, propn)
    mentions.extend(found if found is not None else text_mentions(text, context, english))
    if guesses is None:
        guesses = name_word_guesses(text, english)
    mentions.extend(outside_places(text, guesses, ents))
    # "Foster carer's log", "Youth Justice Worker": the first words of a role are no one's name.
    return [m for m in mentions if not starts_a_role(text, m.start, m.end)]



def model_mentions(
    text: str, ents: list[tuple[int, int, str]], context: CaseContext, propn: frozenset[int] = frozenset()
) -> list[Mention]:
    """Candidates from the model: its entities, and capitalised names in minutes' SURNAME style."""
    register = register_for(context)
    headers = header_cells(text)
    places = place_words(text)
    mentions: list[Mention] = []
    for start, end, label in ents:
        s, e = _clean(text, start, end)
        span = text[s:e]
        if e <= s or any(ch.isdigit() for ch in span) or headers.overlaps(s, e):
            continue
        words = [w for w in re.split(r"\s+", span) if w]
        if not any(_capitalised(w) for w in words) or all(w.lower().strip(".,") in NOT_NAMES for w in words):
            continue
        if len(words) == 1 and (words[0].lower() in _ROLE_OR_RELATION or words[0] in places):
            continue  # "Neighbour" alone in a cell, or the town the document names its council after
        if register.lookup(span) is not None:
            # spaCy often calls names in CAPITALS an ORG or GPE; the register knows better.
            mentions.append(Mention(s, e, "register", confidence=0.85))
        elif _place_context(text, s, e):
            continue
        elif label == "PERSON" and _name_like(text, s, e):
            mentions.append(Mention(s, e, "ner", confidence=0.7))
        elif (
            label == "ORG"
            and _name_like(text, s, e)
            and all(_capitalised(w) and not w.isupper() for w in words)
            and not _sentence_initial(text, s)
            and not text.startswith(":", e)
            and (not propn or s in propn)
        ):
            # The small model tags many unfamiliar names ORG; an ORG without an organisation word is
            # more often a person in these records.
            mentions.append(Mention(s, e, "ner_org", confidence=0.55))
    mentions.extend(m for m in caps_names(text, propn) if not _place_context(text, m.start, m.end))
    return mentions


def text_mentions(text: str, context: CaseContext, english: Vocabulary | None = None) -> list[Mention]:
    """Candidates from the text and the register alone: no model needed, so they are found while it runs."""
    register = register_for(context)
    mentions: list[Mention] = []
    for start, end, single in register.mentions(text):
        word = text[start:end]
        ordinary = word.lower() in COMMON_WORD_NAMES and _sentence_initial(text, start)
        # Notes typed in lower case ("spoke to mum and jayden"): a register name in lower case counts
        # when it is not also an English word ("will", "rose" stay words).
        lower_case_name = (
            english is not None
            and len(word) > 2
            and word.lower() not in COMMON_WORD_NAMES
            and not english.is_word(word)
        )
        if single and ((not _capitalised(word) and not lower_case_name) or ordinary):
            continue
        mentions.append(Mention(start, end, "register", confidence=0.9))
    mentions.extend(initials_mentions(text, register))
    mentions.extend(column_names(text))
    mentions.extend(speaker_mentions(text))
    mentions.extend(handle_mentions(text))
    mentions.extend(alias_mentions(text))
    for m in _TITLED.finditer(text):
        s, e = _clean(text, m.start("name"), m.end("name"))
        if e > s and text[s:e].lower() not in NOT_NAMES:
            mentions.append(Mention(s, e, "title", confidence=0.8))
    for m in _WHO.finditer(text):
        s, e = _clean(text, m.start("name"), m.end("name"))
        words = text[s:e].split()
        while words and (words[0].lower() in NOT_NAMES or (_sentence_initial(text, s) and len(words) > 2)):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        if words and all(w.lower() not in NOT_NAMES for w in words) and not _ACRONYM.match(words[0]):
            mentions.append(Mention(s, e, "who", confidence=0.65))
    for m in _NICKNAME.finditer(text):
        if m.group("other"):
            mentions.append(Mention(m.start("other"), m.end("other"), "nickname", confidence=0.7))
    for m in _NAME_FIELD.finditer(text):
        s, e = _clean(text, m.start("name"), m.end("name"))
        words = text[s:e].split()
        if e > s and not any(w.lower() in NOT_NAMES or w.lower() in ORG_WORDS for w in words):
            mentions.append(Mention(s, e, "field", confidence=0.8))
    for pattern in (_INITIALLED, _NAME_THEN_INITIAL):
        for m in pattern.finditer(text):
            s, e = m.start("name"), m.end("name")
            words = text[s:e].replace(".", "").split()
            if any(w.lower() in NOT_NAMES or w.lower() in ORG_WORDS or w in TRADE_ACRONYMS for w in words):
                continue
            first = m.group("first") if pattern is _NAME_THEN_INITIAL else ""
            if first and not (
                name_words().is_given(first) or english_zipf(first) < RARE_ZIPF or register.lookup(first)
            ):
                continue  # "Plan A", "Group B": only a first name takes a surname's initial
            mentions.append(Mention(s, e, "initialled", confidence=0.7))
    patterns = (
        (_NICKNAME, "nickname"),
        (_AGED, "aged"),
        (_RELATION, "relation"),
        (_RELATION_AFTER, "relation"),
        (_KNOWN_AS, "nickname"),
        (_WITH_DOB, "aged"),
        (_NICKNAME_INSIDE, "nickname"),
    )
    for m in _HAS_RELATIVE.finditer(text):
        word = m.group("name")
        if word.lower() in _NO_PERSON_WORDS or (english and english.everyday_word(word)):
            continue  # "Mum's partner", "Today's family time"
        # A common noun with relatives is still a person ("River's parents"), but only a person decides.
        source = "relation" if english_zipf(word) < COMMON_ZIPF else "word_name"
        mentions.append(Mention(m.start("name"), m.end("name"), source, confidence=0.7))
    for pattern, source in patterns:
        for m in pattern.finditer(text):
            s, e = _clean(text, m.start("name"), m.end("name"))
            if e > s and (source == "nickname" or _name_like(text, s, e, strict=source == "aged")):
                mentions.append(Mention(s, e, source, confidence=0.7))
    return mentions
