"""Realistic synthetic children's social care documents (invented people only) and their redactions.

Each case is a document a family would receive: a letter (DOCX, and the same letter as a PDF made by
LibreOffice), meeting minutes (DOCX and PDF) and a lower-case case note (TXT). Third parties are
redacted wherever they occur; words that merely look like them ("foster carer", "Small Heath",
"a sunny afternoon", "the police liaison officer", the label "REFERRER", the title "Mr") are kept.
"""

from __future__ import annotations

import atexit
import functools
import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from PIL import Image, ImageDraw

from redaction.extract import extract
from redaction.types import REASON_CRIMINAL_OFFENCE, REASON_THIRD_PARTY, ExtractedDocument, Redaction

# "¦" in a builder's text starts a new run there, as Word does after an edit or a spell-check: the name
# "Dean Foster" is then two runs, "Dean" and " Foster", in the DOCX.
RUN_BREAK = "\u00a6"

COUNCIL = "Northshire Council"
OFFICE = "Children's Services, Civic Centre, 1 Market Street, Harwood HW1 2AB"
PHONE = "Telephone: 01632 960 400"
CONFIDENTIAL = "CONFIDENTIAL: this {kind} contains personal information about your family. Please keep it safe."
GUIDANCE_URL = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
GUIDANCE_TEXT = "Working Together to Safeguard Children"

# The neighbour's address: one table cell, two lines, redacted as one span.
ADDRESS_LINES = ("14 Larch Close,", "Harwood, HW3 9PL")
ADDRESS = "\n".join(ADDRESS_LINES)

ALLEGATION_RUNS = (
    "Police¦ were called to the former neighbour's flat on 2 March 2024 after a report that he had "
    "assaulted a visitor; he was arrested and has been released on bail pending further enquiries."
)
ALLEGATION = ALLEGATION_RUNS.replace(RUN_BREAK, "")


# --------------------------------------------------------------------------------------------- DOCX bits


def logo_png() -> bytes:
    """A small letterhead logo: a navy square with a white 'N' and a teal bar."""
    image = Image.new("RGB", (160, 64), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 63, 63), fill=(20, 40, 100))
    draw.polygon(
        [(14, 50), (14, 14), (24, 14), (40, 38), (40, 14), (50, 14), (50, 50), (40, 50), (24, 26), (24, 50)],
        fill="white",
    )
    draw.rectangle((72, 40, 156, 50), fill=(0, 128, 128))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _field(paragraph, instruction: str, cached: str) -> None:
    """A complex field (PAGE, NUMPAGES) with a cached result, as Word writes it."""

    def run_with(child) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(cached)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _hyperlink(paragraph, url: str, text: str) -> None:
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([style, colour, underline])
    run.append(properties)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def add_runs(paragraph, text: str, *, bold: bool = False) -> None:
    """Add `text` as one or more runs (split at RUN_BREAK), all with the same formatting."""
    for part in text.split(RUN_BREAK):
        if part:
            paragraph.add_run(part).bold = bold


def plain(text: str) -> str:
    return text.replace(RUN_BREAK, "")


def _letterhead(document, *, subtitle: str, kind: str) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(3.2), Cm(2.4)

    header = section.header
    top = header.paragraphs[0]
    top.add_run().add_picture(io.BytesIO(logo_png()), width=Cm(2.4))
    name = top.add_run("   " + COUNCIL)
    name.bold = True
    name.font.size = Pt(16)
    name.font.color.rgb = RGBColor(20, 40, 100)
    for line in (OFFICE, PHONE + "   www.northshire.example.gov.uk", subtitle):
        paragraph = header.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in paragraph.runs:
            run.font.size = Pt(8)

    footer = section.footer
    pages = footer.paragraphs[0]
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages.add_run("Page ")
    _field(pages, "PAGE", "1")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES", "2")
    notice = footer.add_paragraph(CONFIDENTIAL.format(kind=kind))
    notice.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in footer.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(8)


def _table(document, rows: Sequence[Sequence[str]], widths_cm: Sequence[float]):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(int(width * 567)))  # twentieths of a point: LibreOffice lays out by the grid
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Cm(widths_cm[c])
            paragraph = cell.paragraphs[0]
            lines = value.split("\n")
            for i, line in enumerate(lines):
                add_runs(paragraph, line, bold=r == 0)
                if i < len(lines) - 1:
                    paragraph.runs[-1].add_break(WD_BREAK.LINE)
    return table


def _save(document) -> bytes:
    document.core_properties.author = "Priya Nair"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------- the letter


@functools.cache
def letter_docx() -> bytes:
    """A letter to Mr and Mrs Whitby after a home visit: letterhead, footer with Page X of Y, a contacts
    table, a logo, a link to public guidance, more than two pages."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Sans"
    document.styles["Normal"].font.size = Pt(11)
    _letterhead(document, subtitle="Harwood Family Support Team", kind="letter")

    def para(text: str = "", *, bold: bool = False):
        paragraph = document.add_paragraph()
        add_runs(paragraph, text, bold=bold)
        return paragraph

    para("Our ref: CS/2024/0417\tDate: 12 March 2024")
    para("PRIVATE AND CONFIDENTIAL", bold=True)
    para("Mr and Mrs Whitby\n27 Rowan Terrace\nSmall Heath\nHarwood HW2 5RT")
    para("Dear Mr and Mrs Whitby,")
    para("Re: Ruby Whitby (born 4 June 2015) and Kai Whitby (born 19 January 2019)", bold=True)
    para(
        "I am writing following my visit to your home in Small Heath on 5 March 2024, to confirm what we "
        "discussed and to set out the support plan for Ruby and Kai. Thank you both for making time to see me, "
        "and thank you, Mr Whitby, for arranging to be home from work so that we could all talk together. "
        "Ruby showed me the garden and the drawings she has been doing at after-school club, and Kai was keen "
        "to tell me about his new bicycle."
    )
    para("Why we became involved", bold=True)
    para(
        "As you know, the referral to Children's Services was made by Mrs¦ Small on 20 February 2024. Mrs¦ Small "
        "raised a concern that the children had been left at home on their own in the evenings. I have spoken to "
        "Mrs Small again since my visit and she understands that the assessment will continue without her "
        "further involvement. I explained to you that we have to look into every referral we receive, and that "
        "this does not mean we have already decided anything about your family."
    )
    para(
        "You told me that your former neighbour, Dean¦ Foster, who lived next door until December, had been "
        "shouting at Ruby and Kai in the garden, and that he still comes back to the street. Mr¦ Foster has also "
        "telephoned our office twice. I want to reassure you that what Dean Foster "
        "tells us is recorded separately and is not shared with you, in the same way that what you tell us is "
        "not shared with him. Mr Whitby, you asked whether you should speak to him yourself; we agreed that "
        "you would not, and that you would call me or the police if he came to the house."
    )
    para("Short breaks and foster care", bold=True)
    para(
        "We talked about what would happen if you were unable to look after the children for a short time, for "
        "example while Mrs Whitby is in hospital for her operation in April. I explained that the Foster Care "
        "Service can arrange a short break with an approved foster carer, and that the children's aunt, Joanne "
        "Whitby, could be assessed as a family and friends foster carer if she would like to be. Ruby asked "
        "whether a foster carer would let her bring her rabbit; I said that we would ask, and that most carers "
        "are happy to help children keep the things that matter to them."
    )
    para(
        "The Foster Care Service will write to you separately with a leaflet about short breaks. You do not "
        "have to agree to anything at this stage, and the children would only stay with a foster carer if you "
        "and Joanne were unable to care for them."
    )
    para("The people we have spoken to", bold=True)
    para("The table below lists the people I have contacted during the assessment and how we reach them.")
    _table(
        document,
        [
            ("Person", "Relationship", "Contact"),
            ("Lena Whitby", "Mother", "07700 900412"),
            ("Marcus Whitby", "Father", "07700 900587"),
            ("Joanne Whitby", "Paternal aunt", "07700 900233"),
            ("Dean¦ Foster", "Former neighbour", ADDRESS),
            ("Mrs¦ Small", "Referrer", "Through the Front Door team"),
            ("Foster Care Service", "Short breaks", "0300 555 0142"),
        ],
        (1.9, 4.0, 6.0),
    )
    para()
    para("What happens next", bold=True)
    for number, text in enumerate(
        (
            "I will visit again on 26 March 2024 at 4pm, when both children are home from school.",
            "I will ask Kai's nursery how he is getting on, as you agreed when we met.",
            "The Foster Care Service will contact you about a short break for the week of your operation.",
            "If Dean¦ Foster comes to the house again, please ring 999 if you feel anyone is in danger, and let me "
            "know the next working day.",
            "I will complete the assessment by 9 April 2024 and share it with you before it is finalised.",
        ),
        start=1,
    ):
        para(f"{number}. {text}")
    para("More information", bold=True)
    guidance = para(
        "You can read how councils, schools, health and the police work together to keep children "
        "safe in the government's guidance, "
    )
    _hyperlink(guidance, GUIDANCE_URL, GUIDANCE_TEXT)
    guidance.add_run(". It explains what an assessment is and what you can expect from us.")
    para(
        "Living in Small Heath, you can also use the Small Heath Family Hub on Larkfield Road, which runs a "
        "parents' group on Wednesday mornings and a holiday club for children of Ruby's age. I have given the hub "
        "your telephone number, as you asked."
    )
    para("Your right to see your records", bold=True)
    para(
        "You can ask to see the information we hold about you and the children. When we share records, we "
        "remove information about other people, such as Mrs Small or Dean¦ Foster, and information that could "
        "put someone at risk. We will always tell you when something has been removed and why. If you would "
        "like a copy of your records, please write to the Information Governance Team at the Civic Centre."
    )
    para("If you are unhappy", bold=True)
    para(
        "If you are unhappy with the way we have worked with your family, please talk to me first, or to my "
        "manager, Owen Castell. If we cannot put things right, you can make a complaint through the council's "
        "complaints procedure. Making a complaint will not affect the support we give to Ruby and Kai."
    )
    para(
        "Thank you again for your time. I know that having a social worker involved can be worrying, and I "
        "appreciate how openly you have both spoken with me. Please call me on 01632 960 455 if anything in this "
        "letter is unclear or if your circumstances change."
    )
    para("Yours sincerely,")
    para()
    para("Priya Nair\nSocial Worker\nHarwood Family Support Team")
    para("cc: Owen Castell, Team Manager")
    return _save(document)


# --------------------------------------------------------------------------------------------- the minutes


@functools.cache
def minutes_docx() -> bytes:
    """Minutes of a Child in Need review: attendee table, actions table, a police passage."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Sans"
    document.styles["Normal"].font.size = Pt(10.5)
    _letterhead(document, subtitle="OFFICIAL-SENSITIVE: Child in Need review", kind="record")

    def para(text: str = "", *, bold: bool = False):
        paragraph = document.add_paragraph()
        add_runs(paragraph, text, bold=bold)
        return paragraph

    document.add_heading("Child in Need Review Meeting: Minutes", level=1)
    para("Children: Ruby Whitby (8) and Kai Whitby (5)")
    para("Date: 14 March 2024, 10:00 to 11:30\tVenue: Small Heath Family Hub")
    para("Attendees", bold=True)
    _table(
        document,
        [
            ("Name", "Role"),
            ("Priya Nair", "Social Worker (chair)"),
            ("Lena Whitby", "Mother"),
            ("Marcus Whitby", "Father"),
            ("Helen Ashworth", "Class teacher, Larkfield Primary School"),
            ("PC Sam Odell", "Police liaison officer, Northshire Police"),
        ],
        (5.5, 10.0),
    )
    para("Apologies: Owen Castell (Team Manager)")
    para("1. Reason for the review", bold=True)
    para("A second referral was received on 8 March 2024. The referral form records:")
    para("REFERRER: Tom Reed")
    para("REFERRAL DATE: 8 March 2024")
    para("REFERRAL REASON: concern that the children were walking home from school alone.")
    para(
        "Priya explained that the review would consider this referral alongside the assessment that began in "
        "February, and that the family had seen the referral details before the meeting."
    )
    para("2. Update from the family", bold=True)
    para(
        "Lena said the children had spent a sunny afternoon at Harwood Park with their aunt last weekend and had "
        "enjoyed it. Ruby has become close friends with Sunny¦ Price, who is in her class. Sunny came for tea "
        "twice last week and Lena said that she is happy for the friendship to continue. Marcus said that the "
        "walk home is now shared with another parent, so the children are never alone."
    )
    para(
        "Lena and Marcus asked about a short break while Lena is in hospital in April. Priya said she would "
        "refer this to the Foster Care Service, who will talk to the family about a foster carer or about "
        "assessing the children's aunt."
    )
    para("3. Update from school", bold=True)
    para(
        "Mrs Ashworth reported that Ruby's attendance this term is 96% and that Kai's nursery has no concerns. "
        "Ruby is sometimes tired on Monday mornings after a weekend away. Ruby and Sunny Price sit together in class "
        "and Ruby has "
        "said that Sunny Price is her best friend. Mrs Ashworth will share attendance figures each month."
    )
    para("4. Information from the police", bold=True)
    para(
        "The police liaison officer shared information about the neighbour, with the chair's agreement. "
        + ALLEGATION_RUNS
        + " The police liaison officer confirmed that there are no concerns about either "
        "parent and that the family will be told if the neighbour is charged."
    )
    para("5. Actions", bold=True)
    _table(
        document,
        [
            ("Action", "Owner", "By"),
            ("Write to the REFERRER to confirm the outcome of the review", "Priya Nair", "21 March 2024"),
            ("Refer the request for a short break to the Foster Care Service", "Priya Nair", "28 March 2024"),
            ("Share attendance figures with the social worker monthly", "Helen Ashworth", "30 April 2024"),
            ("Agree a plan for the walk home from school", "Lena and Marcus Whitby", "4 April 2024"),
            ("Tell the family if there is any change in the police investigation", "PC Sam Odell", "Ongoing"),
        ],
        (8.5, 4.0, 3.0),
    )
    para()
    para("6. Next review", bold=True)
    para("The next review will be held at Small Heath Family Hub on 9 May 2024 at 10:00.")
    para("Minutes taken by Priya Nair, Social Worker. Circulated to attendees on 15 March 2024.")
    return _save(document)


# --------------------------------------------------------------------------------------------- the case note

CASE_NOTE = """case note - 15/03/2024 - home visit - priya nair, social worker

visited lena, ruby and kai at home in small heath. marcus was at work. the house was warm and tidy and
the children had eaten. ruby showed me her bedroom and the rabbit hutch in the garden.

mum said dean foster came round again on tuesday evening. she did not open the door. she says foster
shouted through the letterbox that he would "sort out" marcus. mum rang 101 and was given a log
number. i advised her to ring 999 if she feels that anyone is in danger the next time dean
foster comes to the house.

we talked about the short break for the week of mum's operation. the foster care service will ring mum
next week to talk about a foster carer, and about whether aunt joanne could be assessed as a foster carer.
kai asked if the foster carer would have a dog. ruby wants to take the rabbit.

mum is worried that dean foster knows which school the children go to. i will let the school know so
that staff are aware, without sharing any details about him.

actions: tell school (priya, by 18/03). foster care service to call mum (by 22/03).
"""


# --------------------------------------------------------------------------------------------- conversions


@functools.cache
def _profile() -> Path:
    """One LibreOffice profile for this test run (its own, so it never waits on the renderer's), removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="realistic-lo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@functools.cache
def docx_to_pdf(data: bytes, stem: str) -> bytes:
    """LibreOffice's PDF of a DOCX (the 'original layout' the outputs are compared with)."""
    with tempfile.TemporaryDirectory(prefix=f"realistic-{stem}-") as name:
        folder = Path(name)
        source = folder / f"{stem}.docx"
        source.write_bytes(data)
        subprocess.run(
            [
                "/usr/bin/soffice",
                f"-env:UserInstallation=file://{_profile()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            timeout=180,
            capture_output=True,
        )
        return (folder / f"{stem}.pdf").read_bytes()


def pdf_page_count(data: bytes) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


# --------------------------------------------------------------------------------------------- redactions


def phrase(text: str) -> str:
    """A regex for `text` that allows any whitespace (a line break in a PDF, a break in a cell) between words."""
    return r"\s+".join(re.escape(word) for word in text.split())


@dataclass(frozen=True)
class Target:
    """Something the author decided to redact: every match of `pattern` (case-sensitive regex)."""

    pattern: str
    reason: str = REASON_THIRD_PARTY
    category: str = "person"


def spans(text: str, targets: Sequence[Target]) -> list[Redaction]:
    """Every match of every target, earlier targets winning where two overlap; in text order."""
    taken: list[Redaction] = []
    for target in targets:
        matches = list(re.finditer(target.pattern, text))
        assert matches, f"{target.pattern!r} does not occur in the extracted text"
        for m in matches:
            if any(m.start() < r.end and r.start < m.end() for r in taken):
                continue
            taken.append(Redaction(m.start(), m.end(), target.reason, target.category, decided_by="author"))
    return sorted(taken, key=lambda r: r.start)


LETTER_TARGETS = (
    Target(phrase("Dean Foster")),
    Target(phrase("Mr Foster")),  # the title swallowed with the name; "Mr Whitby" is kept
    Target(phrase("Mrs Small")),  # the referrer; the district "Small Heath" is kept
    Target(phrase(ADDRESS), category="address"),
)
MINUTES_TARGETS = (
    Target(phrase(ALLEGATION), REASON_CRIMINAL_OFFENCE, "criminal_allegation"),
    Target(phrase("Sunny Price")),
    Target(r"\bSunny\b"),  # the first name alone; "a sunny afternoon" is kept (lower case)
    Target(r"(?<=REFERRER: )Tom\s+Reed"),  # only the name, the label stays
)
CASE_NOTE_TARGETS = (
    Target(phrase("dean foster")),
    Target(r"(?<=she says )foster\b"),  # the surname alone, in lower case like the rest of the note
)

# Strings that must not survive anywhere in an output (compared case-insensitively, whitespace collapsed).
LETTER_GONE = ("Dean Foster", "Mr Foster", "Mrs Small", "14 Larch Close", "Larch Close", "HW3 9PL")
MINUTES_GONE = ("Sunny Price", "Tom Reed", ALLEGATION, "assaulted a visitor", "released on bail")
CASE_NOTE_GONE = ("dean foster", "says foster")

# Strings that must survive (compared case-sensitively, whitespace collapsed).
LETTER_KEPT = (
    COUNCIL,
    "foster carer",
    "Foster Care Service",
    "Small Heath",
    "Mr Whitby",
    "Mr and Mrs Whitby",
    "Mrs Whitby",
    "Ruby Whitby",
    "Kai Whitby",
    "Lena Whitby",
    "Marcus Whitby",
    "Joanne Whitby",
    "Former neighbour",
    "Referrer",
    GUIDANCE_TEXT,
    "Priya Nair",
)
MINUTES_KEPT = (
    COUNCIL,
    "sunny afternoon",
    "REFERRER",
    "Write to the REFERRER",
    "REFERRAL DATE: 8 March 2024",
    "police liaison officer",
    "Northshire Police",
    "Foster Care Service",
    "Small Heath Family Hub",
    "Ruby Whitby",
    "Kai Whitby",
    "Lena Whitby",
    "Marcus Whitby",
    "Priya Nair",
)
CASE_NOTE_KEPT = ("foster carer", "foster care service", "small heath", "lena", "ruby", "kai", "marcus")


@dataclass(frozen=True)
class Case:
    id: str  # "letter.docx": also the file name given to extract and render_outputs
    data: bytes
    document: ExtractedDocument
    redactions: tuple[Redaction, ...]
    gone: tuple[str, ...]
    kept: tuple[str, ...]
    source_docx: bytes | None  # the DOCX whose LibreOffice PDF is the reference layout

    @property
    def formats(self) -> tuple[str, ...]:
        return CASE_FORMATS[self.id]


# Each case and the outputs render_outputs gives for it, in order (known without building anything, so that
# collecting the tests does not start LibreOffice).
CASE_FORMATS = {
    "letter.docx": ("docx", "pdf"),
    "minutes.docx": ("docx", "pdf"),
    "letter.pdf": ("pdf",),
    "minutes.pdf": ("pdf",),
    "casenote.txt": ("pdf", "txt"),
}
CASE_IDS = tuple(CASE_FORMATS)
FROM_DOCX = ("letter.docx", "minutes.docx", "letter.pdf", "minutes.pdf")  # a LibreOffice PDF of a DOCX is the layout

_KINDS = {
    "letter": (letter_docx, LETTER_TARGETS, LETTER_GONE, LETTER_KEPT),
    "minutes": (minutes_docx, MINUTES_TARGETS, MINUTES_GONE, MINUTES_KEPT),
    "casenote": (lambda: CASE_NOTE.encode(), CASE_NOTE_TARGETS, CASE_NOTE_GONE, CASE_NOTE_KEPT),
}


@functools.cache
def case(case_id: str) -> Case:
    kind, extension = case_id.split(".")
    build, targets, gone, kept = _KINDS[kind]
    source = build()
    data = docx_to_pdf(source, kind) if extension == "pdf" else source
    document = extract(data, case_id)
    return Case(
        case_id,
        data,
        document,
        tuple(spans(document.text, targets)),
        gone,
        kept,
        source if case_id in FROM_DOCX else None,
    )


# --------------------------------------------------------------------------------------------- output text


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def docx_text(data: bytes) -> str:
    """All w:t text of the body, headers and footers: runs joined within a paragraph, paragraphs by lines."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if name == "word/document.xml" or re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                root = etree.fromstring(archive.read(name))
                lines += ["".join(t.text or "" for t in p.iter(f"{w}t")) for p in root.iter(f"{w}p")]
    return "\n".join(lines)


def docx_part_text(data: bytes, pattern: str) -> str:
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            "".join(t.text or "" for t in etree.fromstring(archive.read(name)).iter(f"{w}t"))
            for name in archive.namelist()
            if re.fullmatch(pattern, name)
        )


def pdf_text(data: bytes) -> str:
    """pdfium's text of every page."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def covered_characters(data: bytes) -> list[str]:
    """Visible characters (not the white label text of a box) that a black redaction box paints over by more
    than a quarter of their area: kept text the reader can no longer see."""
    import pymupdf

    covered: list[str] = []
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        for number, page in enumerate(pdf, start=1):
            boxes = [
                d["rect"]
                for d in page.get_drawings()
                if d.get("fill") == (0.0, 0.0, 0.0) and d["rect"].width > 5 and d["rect"].height > 5
            ]
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        if span["color"] == 0xFFFFFF:
                            continue
                        word = "".join(c["c"] for c in span["chars"])
                        for char in span["chars"]:
                            rect = pymupdf.Rect(char["bbox"])
                            if char["c"].isspace() or rect.is_empty:
                                continue
                            for box in boxes:
                                overlap = rect & box
                                if not overlap.is_empty and overlap.get_area() > 0.25 * rect.get_area():
                                    covered.append(f"page {number}: {char['c']!r} of {word.strip()!r}")
                                    break
    return covered


def output_text(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        return docx_text(data)
    if fmt == "pdf":
        return pdf_text(data)
    return data.decode("utf-8")


# --------------------------------------------------------------------------------------------- what the cases exercise

# Redacted names that a line break splits in the source (PDF made by LibreOffice, hard-wrapped TXT): a verifier
# that checks each line's piece on its own would look for "Foster", "Mr", "Small", "Sunny", "Police", "dean".
SOURCE_WRAPS = {
    "letter.pdf": ("Dean\nFoster", "Mr\nFoster", "Mrs\nSmall", ADDRESS),
    "minutes.pdf": ("Sunny\nPrice", "Police\nwere called"),
    "casenote.txt": ("dean\nfoster",),
}
# Redacted names split over two runs in the DOCX (the first word ends one run, the rest starts the next).
RUN_SPLITS = {
    "letter.docx": (("Dean", " Foster"), ("Mr", " Foster"), ("Mrs", " Small"), ("14 Larch Close,", "Harwood, HW3 9PL")),
    "minutes.docx": (("Sunny", " Price"), ("Police", " were called")),
}
# Kept text that contains a redacted word (the reason the verifier must not simply search for every piece).
LOOK_ALIKES = {
    "letter": ("foster carer", "Foster Care Service", "Small Heath", "Mr Whitby", "Mrs Whitby"),
    "minutes": ("sunny afternoon", "police liaison officer", "Northshire Police"),
    "casenote": ("foster carer", "foster care service"),
}
