"""Which words are people's names, and which are ordinary English: published data, not hand lists.

- Given names and surnames of every Latin-script country Faker covers (MIT; ~21,000 of each, from
  census and registry lists), so "Kaydence", "Alicja", "Okonkwo" or "Stănescu" are known as names
  whatever the register holds.
- Surname endings of communities whose surnames inflect or are built from a stem (Polish -ska/-cka,
  Lithuanian -aitė/-ienė, Romanian -escu/-eanu, ...): a female or married form that no list holds.
- English word frequencies from wordfreq (Apache-2.0 code, CC BY-SA data; shipped in the package), to
  tell "Hope" the word from "Hope" the name: a name that is also a common word needs more evidence.

Built once per process, from files inside installed packages: nothing is downloaded.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from redaction.detect.people import fold

# Zipf frequency (log10 of uses per billion words) at and above which a word is ordinary English:
# "storm" 4.7, "dallas" 4.4, "sunny" 4.1 are words first; "shannon" 3.8, "mercer" 3.5 are names first.
COMMON_ZIPF = 4.0
# Below this a word is rare enough in English that, where a name list holds it, it is a name even in
# lower case ("jayden" 2.8, "kenzie" 2.4); "shannon" and "rowe" are left to capitals and context.
RARE_ZIPF = 3.0

# Endings that make a surname in languages with gendered or patronymic surnames. Each is a class of
# name formation, not a list of people: Polish/Czech/Slovak, Baltic, Romanian, South Slavic,
# Ukrainian/Russian, Armenian, Georgian and Greek patterns (matched on the folded, accent-free word).
_SURNAME_ENDINGS = re.compile(
    r"(?:ski|ska|cki|cka|dzki|dzka|wicz|czyk|czak|owa|ova|eva|enko|chuk|iuk|yuk"
    r"|aite|yte|iene|auskas|icius|onis|aitis|escu|eanu|ovic|evic"
    r"|yan|dze|shvili|poulos|akis|idis)$"
)
_LATIN = re.compile(r"^[^\W\d_]+(?:[-'\u2019 ][^\W\d_]+)*$")
_LOCALES_SKIPPED = frozenset({"en_TH"})  # romanised Thai lists hold English dictionary words as names


@dataclass(frozen=True)
class NameWords:
    given: frozenset[str]
    surnames: frozenset[str]

    def is_given(self, word: str) -> bool:
        return fold(word) in self.given

    def is_surname(self, word: str) -> bool:
        key = fold(word)
        return key in self.surnames or (len(key) >= 6 and bool(_SURNAME_ENDINGS.search(key)))

    def is_name(self, word: str) -> bool:
        return self.is_given(word) or self.is_surname(word)


def _latin(name: str) -> bool:
    return bool(_LATIN.match(name)) and all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def _names(value: object) -> list[str]:
    if isinstance(value, dict):
        value = list(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if isinstance(v, str) and _latin(v)]
    return []


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    import faker.providers.person as person_providers

    given: set[str] = set()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        if module.name in _LOCALES_SKIPPED:
            continue
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            given.update(fold(n) for n in _names(getattr(provider, attribute, ())))
        surnames.update(fold(n) for n in _names(getattr(provider, "last_names", ())))
    # Multi-word entries ("da costa") are looked up word by word.
    return NameWords(frozenset(n for n in given if " " not in n), frozenset(n for n in surnames if " " not in n))


@lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """How common `word` is in English (Zipf scale, 0 = never seen, 7 = "the")."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))


def common_word(word: str) -> bool:
    return english_zipf(word) >= COMMON_ZIPF
