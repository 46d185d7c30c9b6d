"""Load a case register (cases.json, format in the corpus README) into CaseContexts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from redaction.errors import EngineError
from redaction.types import CaseContext, OtherCase, Person


def _person(raw: Mapping[str, Any]) -> Person:
    name = str(raw.get("name", "")).strip()
    if not name:
        raise EngineError("The case register lists a person with no name.")
    aliases = tuple(str(a).strip() for a in raw.get("aliases", []) or [] if str(a).strip())
    return Person(name=name, role=str(raw.get("role", "") or ""), aliases=aliases)


def load_register(source: str | Path | Mapping[str, Any]) -> dict[str, CaseContext]:
    """Every case in the register as a CaseContext whose other_cases holds all the other cases.

    `source` is a path to cases.json, its JSON text, or the already parsed object.
    """
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
    parsed: list[tuple[str, tuple[Person, ...], tuple[Person, ...]]] = []
    addresses: dict[str, tuple[str, ...]] = {}
    for raw in cases:
        reference = str(raw.get("reference", "")).strip()
        if not reference:
            raise EngineError("The case register has a case with no reference.")
        family = tuple(_person(p) for p in raw.get("family", []) or [])
        professionals = tuple(_person(p) for p in raw.get("professionals", []) or [])
        parsed.append((reference, family, professionals))
        raw_addresses = raw.get("addresses") or ([raw["address"]] if raw.get("address") else [])
        addresses[reference] = tuple(str(a).strip() for a in raw_addresses if str(a).strip())
    others = {ref: OtherCase(reference=ref, people=family, professionals=pros) for ref, family, pros in parsed}
    return {
        reference: CaseContext(
            reference=reference,
            family=family,
            professionals=professionals,
            other_cases=tuple(o for ref, o in others.items() if ref != reference),
            addresses=addresses.get(reference, ()),
        )
        for reference, family, professionals in parsed
    }
