"""Speed of true redaction on a 50-page DOCX and a 50-page PDF, against plain open+save baselines.

    .venv/bin/python benchmarks/render_speed.py [--pages 50]

Prints pages per second and peak Python memory (tracemalloc) for each step, and the ratio of each
redaction to its baseline measured in the same run (LibreOffice's memory is outside this process).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NAMES = ("Patricia Doyle", "Gary Pell", "Kenzie Whitlock")
WORDS = [
    "the",
    "family",
    "visit",
    "school",
    "home",
    "report",
    "concern",
    "plan",
    "meeting",
    "child",
    "worker",
    "support",
    "review",
]


def _paragraphs(pages: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(pages * 6):
        words = [rng.choice(WORDS) for _ in range(60)]
        words[rng.randrange(60)] = rng.choice(NAMES)
        sentence = " ".join(words)
        out.append(sentence[0].upper() + sentence[1:] + ".")
    return out


def make_docx(pages: int) -> bytes:
    import docx

    document = docx.Document()
    for text in _paragraphs(pages, random.Random(1)):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(2)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        for line in range(45):
            words = [rng.choice(WORDS) for _ in range(11)]
            if line % 4 == 0:
                words[rng.randrange(11)] = rng.choice(NAMES)
            pdf.drawString(56, 790 - line * 16, " ".join(words))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def measure(label: str, pages: int, action: Callable[[], object]) -> float:
    """Time one run, then measure peak memory in a second run: tracemalloc slows Python several-fold."""
    started = time.perf_counter()
    action()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {label:<44} {elapsed:7.2f} s  {pages / elapsed:7.1f} pages/s  peak {peak / 2**20:6.1f} MiB")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=50)
    pages = parser.parse_args().pages

    import pymupdf

    from redaction.extract import extract
    from redaction.render import render_outputs
    from redaction.render.office import docx_to_pdf
    from redaction.render.package import Package
    from redaction.types import Redaction

    def redactions(text: str) -> list[Redaction]:
        out = []
        for name in NAMES:
            start = text.find(name)
            while start != -1:
                out.append(Redaction(start, start + len(name), "third_party_personal_data", "person", "bench"))
                start = text.find(name, start + 1)
        return out

    docx_data = make_docx(pages)
    docx_doc = extract(docx_data, "bench.docx")
    docx_pages = len(pymupdf.open(stream=docx_to_pdf(docx_data), filetype="pdf"))
    print(f"DOCX: {docx_pages} pages, {len(redactions(docx_doc.text))} redactions")
    base = measure("baseline: open+save the package", docx_pages, lambda: Package.read(docx_data).write())
    base_pdf = measure("baseline: LibreOffice DOCX->PDF of the original", docx_pages, lambda: docx_to_pdf(docx_data))
    only_docx = measure(
        "redact+sanitise+verify DOCX only",
        docx_pages,
        lambda: render_outputs(
            docx_data, "b.docx", docx_doc, redactions(docx_doc.text), organisation="O", formats=("docx",)
        ),
    )
    both = measure(
        "redact DOCX + PDF, both verified",
        docx_pages,
        lambda: render_outputs(docx_data, "b.docx", docx_doc, redactions(docx_doc.text), organisation="O"),
    )
    print(
        f"  ratio DOCX-only / open+save: {only_docx / base:.1f}x;  DOCX+PDF / LibreOffice alone: {both / base_pdf:.1f}x"
    )

    pdf_data = make_pdf(pages)
    pdf_doc = extract(pdf_data, "bench.pdf")
    print(f"PDF: {pages} pages, {len(redactions(pdf_doc.text))} redactions")

    def open_save() -> None:
        doc = pymupdf.open(stream=pdf_data, filetype="pdf")
        doc.tobytes(garbage=4, deflate=True)
        doc.close()

    base = measure("baseline: open+save (PyMuPDF, garbage=4)", pages, open_save)
    red = measure(
        "redact+sanitise+verify PDF",
        pages,
        lambda: render_outputs(pdf_data, "b.pdf", pdf_doc, redactions(pdf_doc.text), organisation="O"),
    )
    print(f"  ratio PDF redaction / open+save: {red / base:.1f}x")

    # What uniform person boxes cost: the same redaction with the rest of each line left in place.
    from redaction.render.blocks import merge_blocks
    from redaction.render.locate import split_by_segment
    from redaction.render.pdf_redact import redact_pdf

    blocks = merge_blocks(pdf_doc.text, redactions(pdf_doc.text))
    pieces = split_by_segment(pdf_doc, blocks)
    fixed = measure(
        "redact PDF, boxes as wide as the names",
        pages,
        lambda: redact_pdf(pdf_data, pdf_doc.text, pieces, blocks, uniform_people=False),
    )
    uniform = measure(
        "redact PDF, uniform person boxes (lines moved)",
        pages,
        lambda: redact_pdf(pdf_data, pdf_doc.text, pieces, blocks, uniform_people=True),
    )
    print(f"  ratio uniform / name-width boxes: {uniform / fixed:.2f}x")


if __name__ == "__main__":
    main()
