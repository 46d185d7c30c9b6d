"""Sentences that state or allege criminal conduct or police action, and whom they are about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from redaction.detect.sentences import split

# Triggers are general criminal-justice vocabulary. "strong" ones make a sentence an allegation alone.
_STRONG = re.compile(
    r"\b(?:arrest(?:ed|ing|s)?|re-?arrested|cautioned|(?:police |youth |conditional )caution|"
    r"charged|charging decision|charge of|convict(?:ed|ion|ions)|custod(?:y|ial)|remand(?:ed)?|"
    r"sentenc(?:ed|ing)|(?:suspended|prison|custodial) sentence|served (?:a|his|her) (?:prison )?sentence|"
    r"bail(?:ed)?|re-bailed|released under investigation|under investigation|"
    r"police (?:were |was |had been |have been )?(?:called|attended|recovered|found|arrested|investigat\w+|"
    r"spoke|spoken|removed|went|stopped|searched|seized|visited|believe|shared intelligence|recorded)|"
    r"(?:reported|report(?:ing)?|rang|called|phoned)(?: (?:this|it|them|him|her|the incident|the assault))? "
    r"to (?:the )?police|rang 999|called 999|999 call|"
    r"officers (?:attended|found|stayed|gave|arrested|went)|"
    r"youth offending|youth justice|referral order|marac|mappa|"
    r"(?:concerned in the )?supply(?:ing)? (?:of )?(?:class [abc]|drugs|cannabis|cocaine|heroin)|"
    r"possession (?:with intent|of (?:a )?"
    r"(?:cannabis|cocaine|heroin|class|drugs|knife|bladed|offensive|weapon))|"
    r"class [abc] drugs|intent to supply|county lines?|"
    r"assault(?:ed|ing)?|assault by beating|actual bodily harm|abh|gbh|grievous bodily harm|"
    r"harassment|criminal damage|theft|stealing|stole|shoplifting|robbery|burglary|affray|"
    r"public order offence|bladed article|lock knife|offensive weapon|"
    r"prison|hmp|jail|young offender|magistrates'? court|crown court|youth court|cps|"
    r"pleaded (?:not )?guilty|found guilty|trial|restraining order|non-molestation order|"
    r"(?:forced marriage )?protection order|child abduction warning notice|cawn|community resolution|"
    r"words of advice|stop(?:ped)? and search(?:ed)?|intelligence report|known to (?:the )?police|"
    r"drink[- ]driving|excess alcohol|disqualified from driving|on a tag|electronic (?:tag|curfew)|"
    r"witness intimidation|offences?|offending|crime|criminal(?:ly)?|domestic abuse (?:incident|offence)|"
    r"police investigation|"
    r"breach(?:ed|ing)? (?:of )?(?:his|her|their|the)? ?(?:bail|restraining order|order)|"
    r"drug debt|nicked|threw a brick|brick (?:was )?thrown|smashed|kicked (?:the|her|him|down)|"
    r"punched|slapped|beat(?:en)? (?:her|him|them|up)|grabbed (?:her|him) by the throat|"
    r"was violent|violent (?:to|towards)|threatened to|"
    r"(?:found|identified|picked up|detained|chased|stopped|interviewed) by (?:the )?police|"
    r"in trouble with (?:the )?police|police (?:have|had) (?:already )?spoken|submitted to (?:the )?police|"
    r"stabb(?:ed|ing)|hits? (?:him|her|them)|hit (?:him|her|them)|smacked|bruis(?:e|es|ed|ing)|"
    r"hurt (?:her|him|them)|judge|released on licence|probation|intelligence (?:suggests|shows|indicates)|"
    r"dealt with (?:by (?:the )?police|in the same way)|reported (?:her|him|them) missing to (?:the )?police)\b",
    re.IGNORECASE,
)


@dataclass
class Allegation:
    start: int
    end: int
    trigger_start: int
    trigger: str
    text: str = ""


def find_allegations(text: str) -> list[Allegation]:
    found: list[Allegation] = []
    for start, end in split(text):
        m = _STRONG.search(text, start, end)
        if m is None:
            continue
        found.append(Allegation(start, end, m.start(), m.group(0), text[start:end]))
    return found
