"""render_outputs: every output a document gets, redacted, sanitised and verified, with its schedule."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

import pypdfium2 as pdfium

from redaction.render.blocks import RedactionBlock, forbidden_strings, kept_text, merge_blocks
from redaction.render.docx import DocxPlacement, redact_docx
from redaction.render.locate import split_by_segment
from redaction.render.office import docx_to_pdf
from redaction.render.pdf import text_to_pdf
from redaction.render.pdf_redact import redact_pdf, sanitise_pdf
from redaction.render.schedule import ScheduleRow
from redaction.render.text import redact_text
from redaction.types import ExtractedDocument, Redaction
from redaction.verify import KeptText, verify_output
from redaction.verify.matching import Matcher

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class RenderedOutput:
    """One verified output file. `data` is exactly what may be approved and released."""

    format: str  # "docx", "pdf" or "txt"
    data: bytes
    schedule: tuple[ScheduleRow, ...] = field(default=())

    @property
    def suffix(self) -> str:
        return f".{self.format}"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]

    def file_name(self, original: str) -> str:
        """e.g. "letter.docx" -> "letter-redacted.pdf"."""
        stem = PurePath(original).stem or "document"
        return f"{stem}-redacted{self.suffix}"


@dataclass(frozen=True)
class Verification:
    """What every output of one document is verified against: the redacted strings and the kept text."""

    forbidden: list[str]
    kept: KeptText

    @classmethod
    def of(
        cls, document: ExtractedDocument, blocks: Sequence[RedactionBlock], terms: Sequence[str] = ()
    ) -> Verification:
        kept = kept_text(document, blocks)
        absolute = frozenset(forbidden_strings([], terms))
        return cls(forbidden_strings(blocks, terms), replace(kept, absolute=absolute))

    def __call__(self, data: bytes, fmt: str) -> None:
        verify_output(data, fmt, self.forbidden, self.kept)


def _row(number: int, block: RedactionBlock, output: str, location: str, page: int | None) -> ScheduleRow:
    return ScheduleRow(
        number=number,
        output=output,
        location=location,
        page=page,
        category=block.category,
        reason_code=block.reason_code,
        decided_by=", ".join(block.decided_by),
    )


def _label_pages(pdf_data: bytes) -> list[int]:
    """The page of each label in the PDF, in reading order (for schedules of converted documents)."""
    pages: list[int] = []
    pdf = pdfium.PdfDocument(pdf_data)
    try:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            textpage = page.get_textpage()
            pages.extend([number] * textpage.get_text_range().count("REDACTED"))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return pages


def _docx_schedules(
    blocks: Sequence[RedactionBlock], placements: Sequence[DocxPlacement], pdf_data: bytes | None
) -> tuple[list[ScheduleRow], list[ScheduleRow]]:
    docx_rows = [_row(i + 1, blocks[p.block], "docx", p.location, None) for i, p in enumerate(placements)]
    # Headers and footers repeat on every page and comments are gone; body labels appear once, in order.
    in_flow = [p for p in placements if not p.location.startswith(("header", "footer", "comment"))]
    label_pages = _label_pages(pdf_data) if pdf_data is not None else []
    flow_pages = (
        dict(zip((id(p) for p in in_flow), label_pages, strict=False)) if len(label_pages) >= len(in_flow) else {}
    )
    pdf_rows = []
    for i, p in enumerate(placements):
        page = flow_pages.get(id(p))
        location = f"page {page} ({p.location})" if page else p.location
        pdf_rows.append(_row(i + 1, blocks[p.block], "pdf", location, page))
    return docx_rows, pdf_rows


def redacted_docx(
    data: bytes,
    document: ExtractedDocument,
    blocks: list[RedactionBlock],
    organisation: str,
    verification: Verification,
    withheld: Collection[str] = (),
) -> tuple[bytes, list[DocxPlacement]]:
    """The verified DOCX output and where its blocks went (the PDF is made from it)."""
    pieces = split_by_segment(document, blocks)
    docx_data, placements = redact_docx(
        data,
        document,
        pieces,
        blocks,
        organisation=organisation,
        matches=Matcher(verification.forbidden),
        withheld=withheld,
    )
    verification(docx_data, "docx")
    return docx_data, placements


def docx_outputs(
    docx_data: bytes,
    pdf_from_office: bytes,
    blocks: list[RedactionBlock],
    placements: list[DocxPlacement],
    verification: Verification,
) -> list[RenderedOutput]:
    """Both outputs of a Word document, given LibreOffice's PDF of the redacted DOCX."""
    pdf_data = sanitise_pdf(pdf_from_office)
    verification(pdf_data, "pdf")
    docx_rows, pdf_rows = _docx_schedules(blocks, placements, pdf_data)
    return [RenderedOutput("docx", docx_data, tuple(docx_rows)), RenderedOutput("pdf", pdf_data, tuple(pdf_rows))]


def _render_pdf(
    data: bytes,
    document: ExtractedDocument,
    blocks: list[RedactionBlock],
    verification: Verification,
    withheld: Collection[str] = (),
) -> list[RenderedOutput]:
    pieces = split_by_segment(document, blocks)
    blank = [s.page for s in document.segments if s.page is not None and not document.text[s.start : s.end].strip()]
    pdf_data, placements = redact_pdf(data, document.text, pieces, blocks, blank_pages=blank, withheld=withheld)
    verification(pdf_data, "pdf")
    rows = [_row(i + 1, blocks[p.block], "pdf", f"page {p.page}", p.page) for i, p in enumerate(placements)]
    return [RenderedOutput("pdf", pdf_data, tuple(rows))]


def _render_txt(
    document: ExtractedDocument,
    redactions: Sequence[Redaction],
    blocks: list[RedactionBlock],
    verification: Verification,
) -> list[RenderedOutput]:
    text_data = redact_text(document.text, redactions).encode("utf-8")
    verification(text_data, "txt")
    pdf_data = sanitise_pdf(text_to_pdf(document.text, redactions, title="Redacted document"))
    verification(pdf_data, "pdf")
    lines = [document.text.count("\n", 0, b.start) + 1 for b in blocks]
    txt_rows = [
        _row(i + 1, b, "txt", f"line {line}", None) for i, (b, line) in enumerate(zip(blocks, lines, strict=True))
    ]
    pdf_rows = [
        _row(i + 1, b, "pdf", f"line {line}", None) for i, (b, line) in enumerate(zip(blocks, lines, strict=True))
    ]
    return [RenderedOutput("pdf", pdf_data, tuple(pdf_rows)), RenderedOutput("txt", text_data, tuple(txt_rows))]


def render_outputs(
    data: bytes,
    filename: str,
    document: ExtractedDocument,
    redactions: Sequence[Redaction],
    *,
    organisation: str,
    terms: Sequence[str] = (),
    formats: Collection[str] | None = None,
    withheld_pictures: Collection[str] = (),
) -> list[RenderedOutput]:
    """Redact, sanitise and verify every output of one document (see the package docstring).

    `terms` are further strings that must not survive anywhere (e.g. a name known to be in the
    document's properties); `formats` limits the outputs made (None: all of them);
    `withheld_pictures` are the refs of pictures (document.pictures) replaced by a labelled black box.
    """
    del filename  # the format was decided at extraction; the name is the caller's to use in file_name()
    blocks = merge_blocks(document.text, redactions)
    verification = Verification.of(document, blocks, terms)
    if document.format == "docx":
        docx_data, placements = redacted_docx(data, document, blocks, organisation, verification, withheld_pictures)
        if formats is not None and "pdf" not in formats:
            docx_rows, _ = _docx_schedules(blocks, placements, None)
            return [RenderedOutput("docx", docx_data, tuple(docx_rows))]
        outputs = docx_outputs(docx_data, docx_to_pdf(docx_data), blocks, placements, verification)
    elif document.format == "pdf":
        outputs = _render_pdf(data, document, blocks, verification, withheld_pictures)
    else:
        outputs = _render_txt(document, redactions, blocks, verification)
    return [o for o in outputs if formats is None or o.format in formats]
