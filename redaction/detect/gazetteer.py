"""Which words are people's names, and which are ordinary English: published data, not hand lists.

- Given names and surnames of every Latin-script country Faker covers (MIT; ~21,000 of each, from
  census and registry lists), so "Kaydence", "Alicja", "Okonkwo" or "Stănescu" are known as names
  whatever the register holds.
- Surname endings of communities whose surnames inflect or are built from a stem (Polish -ska/-cka,
  Lithuanian -aitė/-ienė, Romanian -escu/-eanu, ...): a female or married form that no list holds.
- English word frequencies from wordfreq (Apache-2.0 code, CC BY-SA data; shipped in the package), to
  tell "Hope" the word from "Hope" the name: a name that is also a common word needs more evidence.

The name lists ship in redaction/data (built from Faker by `make name-lists`); wordfreq's data ships in
its package. Nothing is downloaded.
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redaction.detect.people import fold

# Zipf frequency (log10 of uses per billion words) at and above which a word is ordinary English:
# "storm" 4.7, "dallas" 4.4, "sunny" 4.1 are words first; "shannon" 3.8, "mercer" 3.5 are names first.
COMMON_ZIPF = 4.0
# Below this a word is rare enough in English that, where a name list holds it, it is a name even in
# lower case ("jayden" 2.8, "kenzie" 2.4); "shannon" and "rowe" are left to capitals and context.
RARE_ZIPF = 3.0
# A word this common is ordinary English whatever the name lists say ("Best", "My", "Will").
EVERYDAY_ZIPF = 5.0

# Endings that make a surname in languages with gendered or patronymic surnames. Each is a class of
# name formation, not a list of people: Polish/Czech/Slovak, Baltic, Romanian, South Slavic,
# Ukrainian/Russian, Armenian, Georgian and Greek patterns (matched on the folded, accent-free word).
_SURNAME_ENDINGS = re.compile(
    r"(?:ski|ska|cki|cka|dzki|dzka|wicz|czyk|czak|owa|ova|eva|enko|chuk|iuk|yuk"
    r"|aite|yte|iene|auskas|icius|onis|aitis|escu|eanu|ovic|evic"
    r"|yan|dze|shvili|poulos|akis|idis)$"
)
# Letters of the Latin script (Basic Latin to Latin Extended-B, and Latin Extended Additional), less the
# two symbols in that range; words joined by hyphens, apostrophes or spaces.
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN = re.compile(rf"^[{_LATIN_LETTER}]+(?:[-'\u2019 ][{_LATIN_LETTER}]+)*$")
_LOCALES_SKIPPED = frozenset({"en_TH"})  # romanised Thai lists hold English dictionary words as names


@dataclass(frozen=True)
class NameWords:
    given: frozenset[str]
    surnames: frozenset[str]

    def is_given(self, word: str) -> bool:
        key = _unpossessive(fold(word))
        # "Kerry-Ann", "Ruby-Mae": a double first name is two listed first names.
        return key in self.given or ("-" in key and all(part in self.given for part in key.split("-") if part))

    def is_surname(self, word: str) -> bool:
        key = _unpossessive(fold(word))
        if "-" in key:  # "Hughes-Mensah": a double-barrelled surname is two names
            return all(part in self.surnames or part in self.given for part in key.split("-") if part)
        return key in self.surnames or (len(key) >= 6 and bool(_SURNAME_ENDINGS.search(key)))

    def is_name(self, word: str) -> bool:
        return self.is_given(word) or self.is_surname(word)


def _unpossessive(key: str) -> str:
    return key[:-2] if key.endswith(("'s", "\u2019s")) else key


def _latin(name: str) -> bool:
    return bool(_LATIN.match(name))


def _names(value: object) -> list[str]:
    if isinstance(value, dict):
        value = list(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if isinstance(v, str) and _latin(v)]
    return []


NAME_LISTS = Path(__file__).resolve().parent.parent / "data" / "name_lists.tsv.gz"


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    """The shipped name lists (`make name-lists` builds them from Faker): loading them costs milliseconds,
    importing Faker's eighty locale modules half a second per worker."""
    given: set[str] = set()
    surnames: set[str] = set()
    with gzip.open(NAME_LISTS, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, name = line.rstrip("\n").split("\t")
            (given if kind == "given" else surnames).add(name)
    return NameWords(frozenset(given), frozenset(surnames))


def faker_name_lists() -> list[tuple[str, str]]:
    """(kind, folded name) of every Latin-script given name and surname in Faker's person providers.
    Faker is a development dependency: only `make name-lists` imports it."""
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
    # Multi-word entries ("da costa") are looked up word by word, so they are left out.
    return [("given", n) for n in sorted(given) if " " not in n] + [
        ("surname", n) for n in sorted(surnames) if " " not in n
    ]


def build_name_lists() -> None:
    """make name-lists: write the shipped lists (gzip without a timestamp, so the bytes are reproducible)."""
    body = "".join(f"{kind}\t{name}\n" for kind, name in faker_name_lists()).encode("utf-8")
    with NAME_LISTS.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(body)


@lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """How common `word` is in English (Zipf scale, 0 = never seen, 7 = "the")."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))


def common_word(word: str) -> bool:
    return english_zipf(word) >= COMMON_ZIPF
