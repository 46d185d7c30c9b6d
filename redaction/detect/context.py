"""Clues in the words around a name: is this person staff, or somebody's relative or contact?"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redaction.detect.lexicon import CARER_ROLES, PROFESSIONAL_TITLES, RELATION_WORDS, ROLE_RE, SERVICE_RE, TITLE_RE

_PRO_TITLE = re.compile(
    # "PC 2217 Nield", "Sgt 1408 P. Hargreaves": a police rank may carry the officer's collar number.
    r"(?:^|[^\w])(?:"
    + "|".join(sorted(map(re.escape, PROFESSIONAL_TITLES), key=len, reverse=True))
    + r")\.?\s+(?:\d{2,6}\s+)?$"
)
_ANY_TITLE = rf"(?:(?:{TITLE_RE})\.?\s+)?"
_RELATION_RE = "|".join(sorted(map(re.escape, RELATION_WORDS), key=len, reverse=True))

# "the school's DSL, " / "Health Visitor " / "interpreter " / "the ELSA (Mrs " / "his offender manager is "
# directly before the name.
_ROLE_BEFORE = re.compile(
    rf"\b(?:{ROLE_RE})(?:\s+\([^)\n]*\))?(?:\s+(?:is|was|will be))?\s*[,:(\-\u2013]?\s*{_ANY_TITLE}$", re.IGNORECASE
)
# "Chair: ", "Recorded by ", "From: " and similar labels of documents' metadata lines.
_LABEL_BEFORE = re.compile(
    r"(?:^|\n|\t|\s{2,})[\s>]*(?:chair|chaired by|minutes|minute taker|recorded by|compiled by|completed by|"
    r"record completed by|minutes taken by|prepared by|written by|author|interviewer|signed|countersigned|"
    r"authorised|authorised by|approved|approved by|decision by|from|to|cc|bcc|allocated worker|"
    r"allocated social worker|social worker|name and role|manager's authorisation|"
    r"team manager|practitioner|lead professional|key worker)\s*:\s*" + _ANY_TITLE + r"$",
    re.IGNORECASE,
)
# " (Social Worker)", ", Team Manager", "   Designated Safeguarding Lead", " | Social Worker", "\nGP".
_ROLE_AFTER = re.compile(
    rf"^(?:\s*\((?:[\w'\u2019&/.,-]+\s+){{0,4}}?(?:{ROLE_RE})\b"
    rf"|\s*(?:,|\||-|\u2013|:)\s*(?:(?:the|his|her|their|a|an|our|my|your)\s+)?(?:[\w'\u2019&/.-]+\s+){{0,4}}?(?:{ROLE_RE})\b"
    # "Mr Oakhurst the caretaker", "Sue the receptionist": a job in apposition, without a comma.
    rf"|\s+the\s+(?:[\w'\u2019&/.-]+\s+){{0,2}}?(?:{ROLE_RE})\b"
    # On the next line, also in a quoted e-mail ("> Head of Year 11").
    rf"|(?:[ \t]{{2,}}|\t|[ \t]*\n)[ \t>]*(?:[\w'\u2019&/.-]+\s+){{0,4}}?(?:{ROLE_RE})\b)",
    re.IGNORECASE,
)
# A name followed by the service it works for: "Sam Patel from CAMHS", "Priya Shah (Early Help)". Not
# "at" or "with": a child is seen at CAMHS, a neighbour is with the police.
# In brackets the service must stand alone: "(school)" is staff, "(school friend)" is not.
# A service's name may end in a generic word for a part of an organisation: "(Youth Justice Service)".
_SERVICE_AFTER = re.compile(
    rf"^(?:\s+from\s+(?:the\s+)?(?:{SERVICE_RE})\b"
    rf"|\s*\(\s*(?:the\s+)?(?:{SERVICE_RE})(?:\s+(?:service|team|unit|department|partnership|hub))?\s*[),/;])",
    re.IGNORECASE,
)
# A name and the organisation the person is part of: "Hannah Birch of the Kinship Team" (a team, service or
# unit is made of staff), "Mrs Lowther from Beechwood Primary" (an adult with a title from a school, a
# practice or a hospital; a child from a school has no title).
_WORK_UNIT_AFTER = re.compile(
    r"^\s+(?:of|from)\s+(?:the\s+|our\s+)?(?:[A-Z][\w'\u2019&-]*\s+){1,4}(?:Team|Service|Unit|Department|Hub)\b"
)
_WORKPLACE_AFTER = re.compile(
    r"^\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w'\u2019&-]*\s+){1,4}"
    r"(?:Academy|School|Primary|College|Practice|Surgery|Hospital|Nursery|Council|Police|Constabulary)\b"
)
_TOLD_BEFORE = re.compile(r"\b(?:told|tell|tells|asked|ask|informed|reminded|warned|said to)\s+$", re.IGNORECASE)
_PERSONAL_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+$")
_RELATION_BEFORE = re.compile(rf"\b(?:{_RELATION_RE})(?:'s)?\s*[,:]?\s*{_ANY_TITLE}$", re.IGNORECASE)
_RELATION_AFTER = re.compile(rf"^\s*[,(]\s*(?:(?:his|her|their|the|a)\s+)?(?:\w+\s+)?(?:{_RELATION_RE})\b", re.I)


def _line_before(text: str, start: int, limit: int = 60) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    return text[max(line_start, start - limit) : start]


def professional_title_before(text: str, start: int) -> bool:
    return bool(_PRO_TITLE.search(text[max(0, start - 12) : start]))


@dataclass(frozen=True)
class RoleClue:
    """Why the words around a name mark a professional ("" when they do not), and whether the role named
    is a carer's (CARER_ROLES): in role, but not staff."""

    reason: str = ""
    carer: bool = False


_CARER_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(CARER_ROLES, key=len, reverse=True))) + r")\b", re.I)


def _by_role(reason: str, matched: str) -> RoleClue:
    return RoleClue(reason, carer=bool(_CARER_RE.search(matched)))


def role_clue(text: str, start: int, end: int) -> RoleClue:
    """What the words around a name say of the person's role: a professional's, a carer's, or none."""
    before = _line_before(text, start)
    words = text[start:end].split()
    # "PC Adeyemi" as one mention (a table cell, a list): the rank is part of what was found.
    if professional_title_before(text, start) or (len(words) > 1 and _PRO_TITLE.search(f" {words[0]} ")):
        return RoleClue("named with a professional title")
    if _RELATION_BEFORE.search(before) or _RELATION_AFTER.search(text[end : end + 40]):
        return RoleClue()
    if role := _ROLE_BEFORE.search(before):
        return _by_role("introduced by a professional role", role.group(0))
    if _LABEL_BEFORE.search(text[max(0, start - 60) : start]):
        return RoleClue("named in a record's staff field")
    after = text[end : end + 80]
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end != -1 else len(text)]
    if "\t" in line or "|" in line:
        # A table row: the role must be in this row, not in the next row's cells.
        after = after.split("\n", 1)[0]
    if after.startswith(("'s", "\u2019s")):
        after = after[2:]
    if (role := _ROLE_AFTER.search(after)) and not (
        role.group(0).lstrip().startswith("the") and _TOLD_BEFORE.search(text[max(0, start - 14) : start])
    ):
        # Not "told Sarah the social worker was coming": there, the job is someone else's.
        return _by_role("followed by a professional role", role.group(0))
    if _SERVICE_AFTER.search(after) or _WORK_UNIT_AFTER.match(after):
        return RoleClue("named with the service they work for")
    if _WORKPLACE_AFTER.match(after) and _PERSONAL_TITLE_BEFORE.search(text[max(0, start - 6) : start]):
        return RoleClue("named with a title and the organisation they work for")
    return RoleClue()
