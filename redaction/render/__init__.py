"""True redaction: redacted text is removed from the file, not covered, and every output is sanitised
and verified before anyone can approve or release it.

API for the web app and the `redact` command
--------------------------------------------
    render_outputs(data, filename, document, redactions, *, organisation, terms=()) -> list[RenderedOutput]
        data/filename: the uploaded file; document: extract(data, filename); redactions: every span
        decided "redact" (Redaction.decided_by names who decided, for the schedule).
        DOCX in -> [docx, pdf]; PDF in -> [pdf]; TXT in -> [pdf, txt]. Each output has already passed
        verify_output; otherwise RedactionNotVerified (an EngineError, readable by a user) is raised and
        nothing may be approved or released. ConversionUnavailable (EngineError) if LibreOffice is missing.
        UnreadableFile for damaged or hostile files (zip bombs, XML with DTDs, encrypted PDFs).

    RenderedOutput: .format ("docx" | "pdf" | "txt"), .data (bytes to store, approve and release),
        .suffix, .content_type, .file_name(original) -> "name-redacted.pdf", .schedule (ScheduleRow, ...)

    ScheduleRow(number, output, location, page, category, reason_code, decided_by)
    schedule_csv(rows) -> str: CSV with a header row (SCHEDULE_COLUMNS), formula-safe.

    verify_output(data, fmt, forbidden) -> None (re-exported from redaction.verify)

What each output keeps and loses
--------------------------------
    DOCX: the package XML is edited in place, so layout, fonts, styles and unredacted text stay. Each
        redaction becomes one run, white "REDACTED: <reason>" on black, whose width depends on the reason
        only. Comments, tracked changes (deletions dropped, insertions kept), hidden text, alt text,
        embedded objects, macros, custom XML, glossary, template paths and mail-merge sources go; core
        and app properties are rewritten with the organisation's name; custom properties are dropped;
        redacted hyperlinks lose their targets.
    PDF (from PDF): PyMuPDF removes the glyphs under each box from the content stream and overwrites
        image pixels under it; invisible text (render mode 3, white, tiny, off-page) is removed; annotations,
        links, form fields, outlines, attachments, JavaScript, metadata, XMP and the structure tree go.
        Pages stay vector; only a page with no text layer is replaced by a picture of itself. Boxes
        cover the original extent of the text (the remaining glyphs keep their positions).
    PDF (from DOCX): LibreOffice's rendering of the redacted DOCX, then the same structural clean-up.
    PDF/TXT (from TXT): the redacted text laid out on A4 / written as UTF-8.

Older helpers, still used by the app: redact_text(text, redactions) and text_to_pdf(text, redactions, title=).
"""

from redaction.render.blocks import RedactionBlock, forbidden_strings, merge_blocks
from redaction.render.office import ConversionUnavailable
from redaction.render.outputs import CONTENT_TYPES, RenderedOutput, render_outputs
from redaction.render.pdf import text_to_pdf
from redaction.render.schedule import SCHEDULE_COLUMNS, ScheduleRow, schedule_csv
from redaction.render.spans import Block, merge_redactions
from redaction.render.text import redact_text
from redaction.verify import RedactionNotVerified, verify_output

__all__ = [
    "CONTENT_TYPES",
    "SCHEDULE_COLUMNS",
    "Block",
    "ConversionUnavailable",
    "RedactionBlock",
    "RedactionNotVerified",
    "RenderedOutput",
    "ScheduleRow",
    "forbidden_strings",
    "merge_blocks",
    "merge_redactions",
    "redact_text",
    "render_outputs",
    "schedule_csv",
    "text_to_pdf",
    "verify_output",
]
