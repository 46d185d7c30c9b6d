"""Load a case register (cases.json, format in the corpus README) into CaseContexts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from redaction.errors import EngineError
from redaction.long_lived import built_to_last
from redaction.types import CaseContext, CaseRegister, OtherCase, Person


def _person(raw: Mapping[str, Any]) -> Person:
    name = str(raw.get("name", "")).strip()
    if not name:
        raise EngineError("The case register lists a person with no name.")
    aliases = tuple(str(a).strip() for a in raw.get("aliases", []) or [] if str(a).strip())
    return Person(name=name, role=str(raw.get("role", "") or ""), aliases=aliases)


_WORD = re.compile(r"[^\W\d_]+")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a text, split at anything that is not a letter ("Quigley-Smith's" gives
    quigley, smith, s): what decides whether a register name could occur in it at all."""
    return frozenset(_WORD.findall(text.lower()))


# Name punctuation read as a space: words_of splits "Quigley-Smith" and "O'Rourke" the same way.
_APART = str.maketrans({ch: " " for ch in "-'\u2019.,()/&"})


def _could_occur(raw: Mapping[str, Any], vocabulary: frozenset[str]) -> bool:
    # str methods, not an expression: this runs for every person of a register of tens of thousands of cases.
    names = str(raw.get("name", ""))
    aliases = raw.get("aliases")
    if aliases:
        names = " ".join([names, *map(str, aliases)])
    return not vocabulary.isdisjoint(names.lower().translate(_APART).split())


def _read(source: str | Path | Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The register's list of raw cases, from a path to cases.json, its JSON text, or the parsed object."""
    data: Any
    if isinstance(source, Mapping):
        data = source
    else:
        text = str(source)
        if isinstance(source, Path) or not text.lstrip().startswith("{"):
            try:
                text = Path(source).read_text(encoding="utf-8")
            except OSError as exc:
                raise EngineError(f"Cannot read the case register {source}: {exc.strerror}.") from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EngineError(f"The case register is not valid JSON (line {exc.lineno}).") from exc
    cases = data.get("cases") if isinstance(data, Mapping) else None
    if not isinstance(cases, list):
        raise EngineError('The case register must be a JSON object with a "cases" list.')
    for raw in cases:
        if not str(raw.get("reference", "")).strip():
            raise EngineError("The case register has a case with no reference.")
    return cases


def _people(raw: Mapping[str, Any], key: str, vocabulary: frozenset[str] | None = None) -> tuple[Person, ...]:
    listed = raw.get(key, []) or []
    return tuple(_person(p) for p in listed if vocabulary is None or _could_occur(p, vocabulary))


def _addresses(raw: Mapping[str, Any]) -> tuple[str, ...]:
    listed = raw.get("addresses") or ([raw["address"]] if raw.get("address") else [])
    return tuple(str(a).strip() for a in listed if str(a).strip())


def _context(raw: Mapping[str, Any], register: CaseRegister) -> CaseContext:
    return CaseContext(
        reference=str(raw["reference"]).strip(),
        family=_people(raw, "family"),
        professionals=_people(raw, "professionals"),
        addresses=_addresses(raw),
        register=register,
    )


def load_register(source: str | Path | Mapping[str, Any]) -> dict[str, CaseContext]:
    """Every case in the register as a CaseContext; all of them share one CaseRegister of every case."""
    with built_to_last():
        cases = _read(source)
        register = CaseRegister(
            [
                OtherCase(str(raw["reference"]).strip(), _people(raw, "family"), _people(raw, "professionals"))
                for raw in cases
            ]
        )
        return {context.reference: context for context in (_context(raw, register) for raw in cases)}


def load_case(source: str | Path | Mapping[str, Any], reference: str, texts: Iterable[str]) -> CaseContext | None:
    """One case's context, for checking `texts` only: other cases' people are read only when a word of
    their name occurs in the texts, since no one else can be found there. A register of 50,000 cases then
    costs a command little more than reading its JSON. None when the case is not in the register."""
    with built_to_last():
        cases = _read(source)
        vocabulary = frozenset().union(*(words_of(text) for text in texts))
        own = next((raw for raw in cases if str(raw["reference"]).strip() == reference), None)
        if own is None:
            return None
        others = []
        for raw in cases:
            if raw is own:
                continue
            family, staff = _people(raw, "family", vocabulary), _people(raw, "professionals", vocabulary)
            if family or staff:
                others.append(OtherCase(str(raw["reference"]).strip(), family, staff))
        return _context(own, CaseRegister(others))
