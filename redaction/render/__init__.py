"""True redaction: redacted text is removed from the file, not covered, and every output is sanitised
and verified before anyone can approve or release it.

API for the web app and the `redact` command
--------------------------------------------
    render_outputs(data, filename, document, redactions, *, organisation, terms=(), formats=None,
                   withheld_pictures=()) -> list[RenderedOutput]
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

    verify_output(data, fmt, forbidden, kept) -> None (re-exported from redaction.verify): a redacted string
        may occur in an output's text as often as in the kept text, and nowhere in its structure.

What each output keeps and loses
--------------------------------
    DOCX: redactions are cut from the package XML, each becoming one run, white "REDACTED: <reason>" on
        black, whose width depends on the reason only; then the output is rebuilt by allowlist
        (docx_allowlist): the body, styles, numbering, settings, fonts, theme, headers, footers, notes and
        pictures reached by the relationships a letter needs, nothing else. Pictures are re-encoded from
        pixels under neutral names (withheld ones become labelled black boxes); no external relationship
        survives. Story parts lose comments, tracked changes (insertions kept), hidden text, fields
        (results kept; page numbers live), bookmarks, content controls, XML comments, picture names and
        descriptions (docx_sanitise, docx_story); styles, settings, numbering and theme lose free text
        (docx_support); core and app properties carry the organisation's name only.
    PDF (from PDF): PyMuPDF removes the glyphs under each box from the content stream and overwrites
        image pixels under it; invisible text (render mode 3, white, tiny, clipped, off-page) is removed;
        person boxes are one width and the rest of their line moves (pdf_plan, pdf_redraw). The pages
        are then copied alone into a new file (pdf_rebuild): resources by allowlist, pictures decoded
        and re-encoded, marked content, custom keys, spot-colour and embedded-font names gone.
    PDF (from DOCX): LibreOffice's rendering of the redacted DOCX, then the same rebuild.
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
