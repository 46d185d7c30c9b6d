"""Cue words of criminal-allegation passages: general criminal-justice vocabulary, no corpus sentences."""

from __future__ import annotations

import re

# Triggers are general criminal-justice vocabulary. "strong" ones make a sentence an allegation alone.
STRONG = re.compile(
    r"\b(?:arrest(?:ed|ing|s)?|re-?arrested|cautioned|(?:police |youth |conditional )caution|"
    r"charged|charging decision|charge of|convict(?:ed|ion|ions)|custod(?:y|ial)|remand(?:ed)?|"
    r"sentenc(?:ed|ing)|(?:suspended|prison|custodial) sentence|served (?:a|his|her) (?:prison )?sentence|"
    r"bail(?:ed)?|re-bailed|released under investigation|under investigation|"
    r"police (?:were |was |had been |have been )?(?:called|attended|recovered|found|arrested|investigat\w+|"
    r"spoke|spoken|removed|went|stopped|searched|seized|visited|believe|shared intelligence|recorded)|"
    r"(?:reported|report(?:ing)?|rang|called|phoned)(?: (?:this|it|them|him|her|the incident|the assault))? "
    r"to (?:the )?police|rang 999|called 999|999 call|(?:call|ring|dial|dialled|phone) 999|"
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
    r"drug debt|nicked|(?:threw|thrown|throwing) (?:a|an|the|some) \w+ (?:at|through)|smashed|"
    r"kicked (?:the|her|him|down)|"
    r"punched|slapped|beat(?:en)? (?:her|him|them|up)|grabbed (?:her|him) by the throat|"
    r"was violent|violent (?:to|towards)|threatened to|"
    r"(?:found|identified|picked up|detained|chased|stopped|interviewed) by (?:the )?police|"
    r"in trouble with (?:the )?police|"
    r"stabb(?:ed|ing)|hits? (?:him|her|them)|hit (?:him|her|them)|smacked|bruis(?:e|es|ed|ing)|"
    r"hurt (?:her|him|them)|judge|released on licence|probation|intelligence (?:suggests|shows|indicates)|"
    r"dealt with (?:by (?:the )?police|in the same way)|"
    # Police as the actor or the audience: "police to continue", "told the police", "no further action".
    r"police (?:to|will|would|are|were|was|have|had|did|took|take|continue[sd]?|confirmed|shared|told|"
    r"said|informed|advised|stated|issued|gave|warned|returned|brought|made|received|visited|raided|"
    r"executed|obtained|applied|interviewed|charged|cautioned|released|logged|flagged|consider\w*)|"
    r"(?:told|tell|telling|informed|inform|notified|notify|alerted|contacted|contact|disclosed to|called|"
    r"call|calling|rang|ring|ringing|phone|phoned|phoning|involved|involving|get|got|getting|asked|asking|"
    r"requested|"
    r"spoke to|speak to|went to|report(?:ed|s|ing)? (?:it |this |that )?to) (?:the )?police|"
    r"police (?:officers?|station|custody|interview|protection notice|report|involvement|incident)|"
    r"no further action|\bnfa\b|interview(?:ed)? under caution|voluntary interview|investigation into|"
    r"investigation in respect of|(?:his|her|their|the) investigation|"
    # Drugs and weapons named outright, and what is done with them.
    r"cannabis|weed|skunk|cocaine|crack|heroin|spice|mdma|ecstasy|ketamine|thc|dealing|deal(?:s|t)? drugs|"
    r"deals? (?:out of|from) (?:the|his|her|their|a)\b|"
    # Probation: what a licence requires, and the warnings that enforce it.
    r"licence (?:requires|conditions?|expires|ends)|formal warning|"
    # Searches and threats in a young person's words: "got searched", "man will come ur yard",
    # "or ur mum gets it", "he gonna burn the door".
    r"(?:got|get|been|was|were) searched|searched (?:me|him|her|us|them)|"
    r"(?:will|gonna|going to|'ll) (?:come|pull up|roll up) (?:to |round |for )?(?:ur|your|his|her|their|my) "
    r"(?:yard|house|door|ends|flat|mum)|or (?:ur|your|his|her|their) \w+ gets it|"
    r"(?:will|gonna|going to|'ll) burn (?:the|ur|your|his|her|their|my|down) (?:\w+ )?(?:door|house|car|flat|place)|"
    r"drug (?:deal\w*|running|runner|line)|running drugs|plugging|"
    r"knife|knives|machete|blade|firearm|gun|handgun|weapon|"
    # Violence, sexual offences, exploitation and other offences in plain words.
    r"pushed (?:him|her|them|me)|shoved|strangl\w*|chok(?:ed|ing)|headbutt\w*|wound(?:ed|ing)|"
    r"threats? to kill|murder\w*|manslaughter|kidnap\w*|abduct\w*|"
    r"rap(?:e|ed|ist)|sexual(?:ly)? (?:assault\w*|abus\w*|exploit\w*|touch\w*|offen\w*)|indecent\w*|"
    r"groom(?:ed|ing)|(?:criminal|criminally) exploit\w*|trafficking|trafficked|"
    r"stolen|steal(?:s|ing)?|robbed|mugg(?:ed|ing)|fraud\w*|handling stolen|arson|vandalis\w*|"
    r"drunk and disorderly|unlawful(?:ly)? evict\w*|"
    r"forced marriage|forced to marry|made to marry|"
    r"taken (?:her|his|their) passports?|female genital|fgm|honour[- ]based|"
    r"yjs|yos|youth justice service|yot\b|probation officer|licence conditions|"
    r"(?:simple|conditional|formal|adult|accepted an?|received an?|given an?) caution|caution(?:ed)? for|"
    r"(?:been|was|were|being|felt) threatened|threatened (?:him|her|them|me|us|with|by)|threats (?:to|against|from)|"
    r"did time|doing time|served time|"
    r"served (?:\w+ ){0,3}sentence|spent time in (?:prison|custody|a young offender)|inside for|"
    # Custody and release in everyday words.
    r"locked up|behind bars|(?:did|serving) (?:a|an|one|two|three|four|five|six|\d+) (?:years?|months?)|"
    r"(?:got|given) (?:a|an|one|two|three|four|five|six|\d+) (?:years?|months?) (?:in prison|inside|custody)|"
    r"released from (?:prison|custody|hmp|a young offender)|"
    r"recalled to (?:prison|custody)|release date|out on licence|on licence|"
    # Community sentences, out-of-court disposals and youth justice.
    r"community order|unpaid work|youth rehabilitation order|yro|detention and training order|dto|"
    r"out[- ]of[- ]court (?:disposal|resolution)|reparation|intensive supervision|curfew order|"
    r"electronic monitoring|electronically tagged|"
    # Police process in general words.
    r"crime (?:number|reference)|\brui\b|abe interview|achieving best evidence|statement to (?:the )?police|"
    r"joint (?:visit|investigation|interview)s? with (?:the )?police|(?:police|joint) (?:section 47|s47)|"
    r"wanted by (?:the )?police|warrant (?:for|was issued)|arrest warrant|summons|"
    r"(?:passed|gave|handed|sent|forwarded|shown|submitted) (?:[\w,'\u2019]+ ){0,8}?to (?:the |a )?"
    r"(?:pc|dc|ds|ps|di|sgt|sergeant|insp|inspector|pcso|the officer|an officer|officers|the police)\b|"
    r"police reference|(?:drop|dropped|dropping|withdraw|withdrew) (?:the |her |his |all )?charges|"
    # Missing from home or care, recorded by police.
    r"reported (?:\w+ )?(?:as )?missing|missing (?:person|from home|from care|episode)|"
    # Notices and orders that follow offending or exploitation.
    r"(?:harbou?rer'?s? )?warning notice|closure order|dispersal order|criminal behaviour order|asbo|"
    r"sexual (?:harm|risk) prevention order|domestic abuse protection (?:notice|order)|clare'?s law|dvds|"
    # Exploitation.
    r"child criminal exploitation|\bcce\b|\bcse\b|national referral mechanism|\bnrm\b|cuckoo(?:ed|ing)|"
    r"trap ?house|(?:holding|carrying|moving|delivering) (?:drugs|packages?|parcels?|money) for|running (?:lines|for)|"
    # Offences named in general words.
    r"stalk(?:ed|ing)|coercive(?: and)? control\w*|malicious communications|indecent images|"
    r"sharing (?:intimate|indecent|sexual) images|exposed (?:him|her)self|dangerous driving|"
    r"driving without (?:a licence|insurance)|taken without consent|twoc|joyriding|money laundering|"
    r"acquitted|convicted|verdict|plea hearing|court date|"
    # Violence named by what was done to whom: "hits women", "hit his dad", "attacked by his cousin".
    r"(?:hit|hits|hitting|beat|beats|beating|punch(?:es|ing)?|kick(?:s|ing)?|slap(?:s|ping)?|attack(?:s|ed|ing)?|"
    r"hurt(?:s|ing)?) (?:(?:his|her|their|my|your|our|the|a|an|them|those|these) )?"
    r"(?:dad|daddy|father|mum|mummy|mother|mam|wife|"
    r"husband|girlfriend|boyfriend|partner|wom[ae]n|girls?|boys?|kids?|children|child|baby|brother|sister|nan|"
    r"people|someone|somebody|(?-i:[A-Z][a-z]{2,}))|(?:attacked|assaulted|set upon|jumped) (?:by|with)|"
    r"(?:hit|hits|hitting|smack(?:s|ed|ing)?|attacked|struck|beaten) (?:\w+ ){0,3}with (?:a |an |the |his |her )?"
    r"(?:metal |iron |wooden |baseball )?"
    r"(?:bar|stick|bat|pole|brace|bottle|hammer|brick|chair|belt|slipper|shoe|spoon|cable|wire|lead|hairbrush)|"
    r"head wound|"
    # Damage to property, in plain words: "broke the window", "keyed his car", "let down the tyres".
    r"(?:broke|smash(?:ed|ing)|damag(?:ed|ing)|keyed|slashed|kick(?:ed|ing) in|put (?:a|an) \w+ through|"
    r"let down) (?:(?:the|his|her|their|our|my|your|a|an) )?(?:[\w'\u2019]+ ){0,2}(?:windows?|doors?|car|van|tyres?|"
    r"fence|"
    r"gate|windscreen|property|things)|kicking (?:the|a|our|her|his) (?:front |back )?door|"
    # Police process in a log's words, and slang for the police.
    r"detained (?:at (?:the )?scene|by (?:the )?police|in (?:custody|a cell|handcuffs)|under (?:section|s\.? ?\d)|"
    r"overnight|for questioning)|(?:male|female|youth|suspect) detained|handcuff\w*|wanted on (?:a )?warrant|"
    r"fail(?:ed|ing|ure)? to (?:appear|surrender)|"
    r"seized as evidence|(?:was|were) seized|(?:brought|taken|returned|escorted) (?:back |home )?by (?:the )?police|"
    r"the feds|feds|old bill|smuggl(?:er|ers|ed|ing)|"
    # Suspects, tags, 101 calls and police tactics, in a log's or a note's words.
    r"suspect(?:ed)? (?:of|in)|(?:the|a|named as|names|as) suspects?|(?:got|been) tagged\b(?! (?:in|with|on|as))|"
    r"(?:rang|called|phoned|ringing|calling) 101|101 call|disruption (?:visit|order|activity|tactics?)|"
    r"racial(?:ly)? (?:abus\w*|aggravated)|racist (?:abuse|comments?|remarks?|attack)|hate crime|"
    # Threats to kill in everyday words: "you'll kill him", "I'm going to kill you".
    r"(?:i'll|i will|you'll|you will|he'll|he will|she'll|they'll|gonna|going to|will) kill (?:him|her|you|them|me|us)|"
    # A child's own account: what was done to me.
    r"(?:hit|punched|kicked|slapped|hurt|touched|pushed|strangled|choked|bit|burn(?:ed|t)|grabbed) me|"
    # Prosecution, and the penalty notices that stand in for it.
    r"prosecut(?:e|ed|es|ing|ion)|(?:fixed )?penalty notice|"
    # Buying or selling drugs, the verb on either side: "sells drugs to", "the drugs ... buying them".
    r"(?:buy|buys|buying|bought|sell|sells|selling|sold)\s+(?:\w+\s+){0,2}drugs|"
    r"drugs\b[^.!?\n]{0,50}\b(?:buy|buys|buying|bought|sell|sells|selling|sold)\b|"

    r"threaten(?:ed|ing) (?:messages?|texts?|calls?)|threat\w* to (?:kill|hurt|harm|stab|burn))\b",
    re.IGNORECASE,
)


# Conduct that may be an offence or may not (abuse, noise at a door, a threat that may be a fear): it
# starts a passage like a strong cue, but a person decides whether it alleges anything.
POSSIBLE = re.compile(
    # Abuse naming someone's nationality, race or religion: "called her "Polish scum"".
    r"\b(?:(?:polish|irish|romanian|lithuanian|black|asian|muslim|jewish|foreign|immigrant|gypsy|paki|pikey)"
    r"\s+(?:scum|bastards?|bitch(?:es)?|rats?|pigs?|vermin|filth|trash|dogs?|cockroach(?:es)?)|"
    # Harassment at someone's home, and threats to take a child.
    r"bang(?:ing|ed|s)? on (?:the|my|our|her|his|their) (?:front |back |bedroom )?(?:windows?|doors?)|"
    r"(?:he|she|they)(?:'ll| will| would| is going to| was going to) take (?:the|her|his|my|our|their) "
    r"(?:boy|girl|kids?|children|baby|son|daughter))\b",
    re.IGNORECASE,
)


# Words that carry an account of an incident on, but never start an allegation passage by themselves.
WEAK = re.compile(
    r"\b(?:police|officers?|999|101|court|hearing|solicitor|interview\w*|drugs?|debts?|collect|"
    r"threat\w*|shout\w*|bang\w*|kick\w*|scream\w*|damag\w*|injur\w*|marks|bruis\w*|hit|push\w*|"
    r"fight\w*|violen\w*|abus\w*|victim|witness\w*|statement|investigat\w*|bail|tag|curfew|"
    r"conditions|incident|attack\w*|weapon|charge\w*|offen\w*|panel|intel\w*|suspect\w*)\b",
    re.IGNORECASE,
)
