"""Frozen value types that cross the boundary between the engine and the web app.

The engine takes a CaseContext (who the family and professionals are) and returns Findings;
it never sees a Django model, so it can run in a worker, a management command or a test alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

Category = Literal[
    "person",
    "address",
    "postcode",
    "phone",
    "email",
    "date_of_birth",
    "nhs_number",
    "ni_number",
    "criminal_allegation",
    "copied_text",
    "manual",
]
Action = Literal["redact", "review", "keep"]
PartyKind = Literal["family", "professional", "third_party", "other_case", "unknown"]

CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
ACTIONS: tuple[str, ...] = Action.__args__  # type: ignore[attr-defined]
PARTY_KINDS: tuple[str, ...] = PartyKind.__args__  # type: ignore[attr-defined]

# Reason codes the engine proposes. The web app keeps a ReasonCode table whose codes match these.
REASON_THIRD_PARTY = "third_party_personal_data"
REASON_CRIMINAL_OFFENCE = "criminal_offence_data"
REASON_SERIOUS_HARM = "risk_of_serious_harm"
REASON_NONE = ""  # for findings whose action is keep


@dataclass(frozen=True)
class Person:
    """A named person known to a case: a family member or a professional."""

    name: str
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OtherCase:
    """Another case in the register; its people must never reach this case's family."""

    reference: str
    people: tuple[Person, ...] = ()
    # Staff named on that case: still professionals when they appear in this case's documents.
    professionals: tuple[Person, ...] = ()


class CaseRegister:
    """Every case of a register, held once and shared by all its CaseContexts.

    A trust's register has tens of thousands of cases; giving each context its own tuple of all the
    others would cost memory by the square of that. The engine builds its name index of a register once
    (redaction.detect.people) and each context reads it, leaving out its own case.
    """

    def __init__(self, cases: Sequence[OtherCase]) -> None:
        self.cases = tuple(cases)
        self._hash: int | None = None

    def others(self, reference: str) -> Iterator[OtherCase]:
        return (case for case in self.cases if case.reference != reference)

    def __len__(self) -> int:
        return len(self.cases)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self.cases)
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, CaseRegister) and self.cases == other.cases)


@dataclass(frozen=True)
class CaseContext:
    """What the engine knows about the case a document belongs to."""

    reference: str
    family: tuple[Person, ...] = ()
    professionals: tuple[Person, ...] = ()
    # Other cases named one by one (a few, e.g. in tests) and/or the whole register they come from.
    other_cases: tuple[OtherCase, ...] = ()
    # The household's own addresses, when the register holds them: only these are kept on sight.
    addresses: tuple[str, ...] = ()
    register: CaseRegister | None = field(default=None, compare=True)
    # The organisation's own addresses and phone numbers (letterheads, switchboards): never a third party's.
    organisation: tuple[str, ...] = ()

    def all_other_cases(self) -> Iterator[OtherCase]:
        yield from self.other_cases
        if self.register is not None:
            yield from self.register.others(self.reference)


@dataclass(frozen=True)
class Finding:
    """One proposed redaction (or a deliberate keep) over [start, end) of the extracted text."""

    start: int
    end: int
    text: str
    category: str
    action: str
    party: str = "unknown"
    reason: str = ""  # a short explanation a social worker can read
    reason_code: str = REASON_NONE
    confidence: float = 0.5


@dataclass(frozen=True)
class Segment:
    """Maps [start, end) of the extracted text back to where it sits in the source file.

    `location` names the part: "body", "table", "header", "footer", "footnote", "comment",
    "textbox", "page" ... ; `ref` is format specific (a DOCX paragraph index path, a PDF page number).
    """

    start: int
    end: int
    location: str
    ref: str = ""
    page: int | None = None


@dataclass(frozen=True)
class Picture:
    """A picture in the document. It may show text (a scan, a screenshot, a photographed letter) that
    extraction cannot read, so a person must look at it; withheld, it is replaced in every output.

    `ref` names it in the file: a DOCX media part ("word/media/image1.png"), or "xref:N" for a PDF image
    object; a picture used in several places is one Picture.
    """

    ref: str
    location: str  # where a person finds it: "body", "header", "pages 1-3"
    width: int = 0  # pixels
    height: int = 0


@dataclass(frozen=True)
class ExtractedDocument:
    text: str
    format: Literal["txt", "docx", "pdf"]
    segments: tuple[Segment, ...] = ()
    needs_ocr: bool = False
    warnings: tuple[str, ...] = ()
    pictures: tuple[Picture, ...] = ()


@dataclass(frozen=True)
class Analysis:
    document: ExtractedDocument
    findings: tuple[Finding, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Redaction:
    """A span the author (or the engine, accepted) decided to remove, with the reason shown in its box."""

    start: int
    end: int
    reason_code: str
    category: str = ""
    # Who made the decision (shown in the redaction schedule), and the redacted text as the author saw
    # it; when `text` is empty the renderer takes it from the extracted text at [start, end).
    decided_by: str = ""
    text: str = ""
