"""analyse(): extract then detect, with progress reports for the web app's status page."""

from __future__ import annotations

from collections.abc import Callable

from redaction.detect import DEFAULT_MODEL, detect, get_nlp
from redaction.extract import extract
from redaction.types import Analysis, CaseContext, ExtractedDocument

Progress = Callable[[int], None]


def analyse(
    data: bytes,
    filename: str,
    context: CaseContext,
    *,
    model: str = DEFAULT_MODEL,
    progress: Progress | None = None,
) -> Analysis:
    """Extract the text of a file and detect findings in it.

    Raises UnsupportedFile/UnreadableFile (user-facing messages) for files that cannot be read.
    A PDF without a text layer comes back with needs_ocr=True and no findings; one with only some pages
    unreadable is analysed and also comes back with needs_ocr=True (those pages need a person).
    """

    def report(percent: int) -> None:
        if progress is not None:
            progress(percent)

    report(0)
    document = extract(data, filename)
    report(30)
    return analyse_document(document, context, model=model, progress=progress)


def analyse_document(
    document: ExtractedDocument,
    context: CaseContext,
    *,
    model: str = DEFAULT_MODEL,
    progress: Progress | None = None,
) -> Analysis:
    """Detect findings in a document already extracted (see analyse)."""

    def report(percent: int) -> None:
        if progress is not None:
            progress(percent)

    if not document.text.strip():
        report(100)
        return Analysis(document=document, findings=())
    get_nlp(model)  # the first call in a process loads the model; report it as its own stage
    report(50)
    findings = detect(document.text, context, model=model)
    report(100)
    return Analysis(document=document, findings=tuple(findings))
