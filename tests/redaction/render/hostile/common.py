"""What every hostile fixture shares: the names, the case description, how the author's redactions are made,
the engine call, and the checks on each output (deep scan, the family's name still visible, the file opens)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from redaction.errors import EngineError, UnreadableFile, UnsupportedFile
from redaction.extract import extract
from redaction.render import render_outputs
from redaction.types import REASON_THIRD_PARTY, ExtractedDocument, Redaction
from redaction.verify import RedactionNotVerified
from tests.redaction.render.hostile.scanner import describe, fold, scan

NAME = "Patricia Doyle"
DIACRITIC_TERM = "Zaneta Dabrowska"  # what the author types as the term
DIACRITIC_SPELLING = "Żaneta Dąbrowska"  # how the file spells it
ACCENT_NAME = "Zoé Doyle"
FAMILY = "Chioma Okafor"
ORGANISATION = "Northshire Council"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class HostileCase:
    """One fixture: a file hiding `term` in one place (`where`)."""

    id: str
    build: Callable[[], bytes]
    filename: str
    where: str  # one line: where the name hides
    input_hint: str  # a piece of the scanner's path that proves the input hides the name where claimed
    term: str = NAME
    formats: tuple[str, ...] | None = None  # None: every output the engine makes
    # How the author's redactions are made over document.text:
    #   "tolerant": every visible occurrence an author would select (case, accents, invisible format
    #               characters and combining marks ignored, words run together or spaced) plus the exact
    #               `marked` strings;
    #   "literal":  exactly the brief's regex, re.escape(term) case-insensitive (the engine must rely on terms).
    marking: str = "tolerant"
    marked: tuple[str, ...] = ()
    # Class 7 (altChunk) only: refusing the file as containing embedded content from another format is an
    # acceptable outcome. No other class gets this allowance.
    may_refuse_embedded: bool = False

    @property
    def input_format(self) -> str:
        return self.filename.rsplit(".", 1)[-1]


@dataclass
class Outcome:
    document: ExtractedDocument | None = None
    redactions: tuple[Redaction, ...] = ()
    outputs: tuple = ()
    error: EngineError | None = None
    stage: str = ""


# ------------------------------------------------------------------------------------------------ redactions


def _folded_with_index(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in fold(ch):
            chars.append(c)
            index.append(i)
    return "".join(chars), index


def redactions_for(document: ExtractedDocument, case: HostileCase) -> list[Redaction]:
    text = document.text
    spans: set[tuple[int, int]] = set()
    if case.marking == "literal":
        spans |= {(m.start(), m.end()) for m in re.finditer(re.escape(case.term), text, re.IGNORECASE)}
    else:
        folded, index = _folded_with_index(text)
        pattern = r"\s*".join(re.escape(w) for w in fold(case.term).split())
        for m in re.finditer(pattern, folded):
            spans.add((index[m.start()], index[m.end() - 1] + 1))
        for marked in case.marked:
            start = text.find(marked)
            while start != -1:
                spans.add((start, start + len(marked)))
                start = text.find(marked, start + 1)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Redaction(s, e, REASON_THIRD_PARTY, "person", decided_by="author") for s, e in merged]


def run_engine(case: HostileCase, data: bytes) -> Outcome:
    outcome = Outcome()
    try:
        outcome.stage = "extract"
        outcome.document = extract(data, case.filename)
        outcome.redactions = tuple(redactions_for(outcome.document, case))
        outcome.stage = "render_outputs"
        outcome.outputs = tuple(
            render_outputs(
                data,
                case.filename,
                outcome.document,
                outcome.redactions,
                organisation=ORGANISATION,
                terms=[case.term],
                formats=case.formats,
            )
        )
        outcome.stage = "done"
    except EngineError as error:
        outcome.error = error
    return outcome


# ------------------------------------------------------------------------------------------------ output checks


def docx_paragraph_texts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in root.iter(f"{{{W}}}p")]


def pdf_visible_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _opens(output_format: str, data: bytes) -> str:
    """'' when the file opens with an ordinary reader, else why not."""
    try:
        if output_format == "docx":
            import docx

            docx.Document(io.BytesIO(data))
        elif output_format == "pdf":
            import pypdfium2

            document = pypdfium2.PdfDocument(data)
            pages = len(document)
            document.close()
            if not pages:
                return "the PDF has no page"
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return ""


# The class-7 allowance, explicit: the file may be refused (UnreadableFile/UnsupportedFile, from extract or
# render_outputs) when the message says it holds content embedded/imported from another format or file, e.g.
# "contains content imported from another file (an alternative-format chunk)". Only cases with
# may_refuse_embedded=True (the altChunk class) get it; any other refusal, in any class, is a failure.
EMBEDDED_CONTENT_REFUSAL = re.compile(
    r"\b(embedded|embeds|imported)\b.*\b(another|other|alternative)[- ](format|file)", re.IGNORECASE | re.DOTALL
)


def refused_for_embedded_content(error: EngineError) -> bool:
    return isinstance(error, UnreadableFile | UnsupportedFile) and bool(EMBEDDED_CONTENT_REFUSAL.search(str(error)))


def expected_formats(case: HostileCase) -> list[str]:
    if case.formats is not None:
        return list(case.formats)
    return ["docx", "pdf"] if case.input_format == "docx" else [case.input_format]


def hides_where_claimed(case: HostileCase, data: bytes) -> tuple[bool, list]:
    """The fixture is genuine: the scanner finds the name in the input, at the claimed place (`input_hint` is
    matched against the hit's path, view and excerpt)."""
    hits = scan(data, case.term, label=f"{case.input_format}-input")
    return any(case.input_hint.lower() in str(hit).lower() for hit in hits), hits


class Runs:
    """Builds each fixture once and runs the engine on it once (module-scoped: LibreOffice is slow)."""

    def __init__(self) -> None:
        self.inputs: dict[str, bytes] = {}
        self.outcomes: dict[str, Outcome] = {}

    def input(self, case: HostileCase) -> bytes:
        if case.id not in self.inputs:
            self.inputs[case.id] = case.build()
        return self.inputs[case.id]

    def outcome(self, case: HostileCase) -> Outcome:
        if case.id not in self.outcomes:
            self.outcomes[case.id] = run_engine(case, self.input(case))
        return self.outcomes[case.id]


def problems(case: HostileCase, outcome: Outcome) -> list[str]:
    """Everything wrong with one engine run; an empty list is a clean, releasable output."""
    if outcome.error is not None:
        error = outcome.error
        if case.may_refuse_embedded and refused_for_embedded_content(error):
            return []
        if isinstance(error, RedactionNotVerified):
            return [f"refused at {outcome.stage}: RedactionNotVerified (a clean output can never be released): {error}"]
        return [f"{outcome.stage} raised {type(error).__name__}: {error}"]
    found: list[str] = []
    formats = [o.format for o in outcome.outputs]
    if sorted(formats) != sorted(expected_formats(case)):
        found.append(f"outputs were {formats}, expected {expected_formats(case)}")
    for output in outcome.outputs:
        # FAMILY is searched for too, as a control: the scanner must be able to read this output at all.
        all_hits = scan(output.data, [case.term, FAMILY], label=f"{output.format}-output")
        hits = [h for h in all_hits if h.name == case.term]
        if not any(h.name == FAMILY for h in all_hits):
            found.append(f"scanner control failed: {FAMILY!r} not found anywhere in the {output.format} output")
        if hits:
            found.append(f"{output.format} output still holds {case.term!r} ({len(hits)} places):\n{describe(hits)}")
        why = _opens(output.format, output.data)
        if why:
            found.append(f"{output.format} output does not open: {why}")
            continue
        if output.format == "docx":
            if not any(FAMILY in text for text in docx_paragraph_texts(output.data)):
                found.append(f"docx output lost the family's name {FAMILY!r} from word/document.xml")
        elif output.format == "pdf" and FAMILY not in _squash(pdf_visible_text(output.data)):
            found.append(f"pdf output lost the family's name {FAMILY!r} from its text")
    return found
