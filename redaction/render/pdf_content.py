"""Content streams and their resources stripped of free text that draws nothing.

Marked content (BMC/BDC/EMC, MP/DP) labels parts of a page with tags and property lists: alternative
text, replacement text (/ActualText), language, optional-content membership, or any tag a producer
likes (`/First_Last BMC`). None of it is drawn, so all of it goes; what the operators enclose stays.
Custom keys in graphics states, spot-colour names and embedded fonts' names are free text as well.
"""

from __future__ import annotations

import re

import pikepdf

_MARKED = {"BMC", "BDC", "EMC", "MP", "DP"}
_MARKED_BYTES = re.compile(rb"(?<![A-Za-z])(BMC|BDC|EMC|MP|DP)(?![A-Za-z])")
# Graphics-state entries PDF defines (ISO 32000-2, table 57); any other key is somebody's note.
_GRAPHICS_STATE = {
    "/Type", "/LW", "/LC", "/LJ", "/ML", "/D", "/RI", "/OP", "/op", "/OPM", "/Font", "/BG", "/BG2", "/UCR",
    "/UCR2", "/TR", "/TR2", "/HT", "/FL", "/SM", "/SA", "/BM", "/SMask", "/CA", "/ca", "/AIS", "/TK",
    "/UseBlackPtComp", "/HTO",
}  # fmt: skip
_CMAP_COMMENT = re.compile(rb"^%[^\r\n]*", re.MULTILINE)
_CMAP_NAME = re.compile(rb"/CMapName\s*/[^\s/\[\]()<>{}%]+")
_SPECIAL_COLORANTS = ("/None", "/All", "/Cyan", "/Magenta", "/Yellow", "/Black")


def drop_marked_content(owner: pikepdf.Page | pikepdf.Stream, pdf: pikepdf.Pdf) -> None:
    """Remove every marked-content operator from a page's or a form's content, keeping what it encloses."""
    if isinstance(owner, pikepdf.Page):
        contents = owner.obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        raw = b"".join(s.read_bytes() for s in streams if isinstance(s, pikepdf.Stream))
    else:
        raw = owner.read_bytes()
    if not _MARKED_BYTES.search(raw):
        return
    kept = [
        instruction
        for instruction in pikepdf.parse_content_stream(owner)
        if isinstance(instruction, pikepdf.ContentStreamInlineImage) or str(instruction.operator) not in _MARKED
    ]
    data = pikepdf.unparse_content_stream(kept)
    if isinstance(owner, pikepdf.Page):
        owner.obj.Contents = pdf.make_stream(data)
    else:
        owner.write(data)


def clean_graphics_state(state: pikepdf.Dictionary | pikepdf.Stream) -> None:
    for key in list(state.keys()):
        if key not in _GRAPHICS_STATE:
            del state[key]


def neutral_font_names(font: pikepdf.Dictionary | pikepdf.Stream, number: int) -> None:
    """An embedded font's names are the producer's choice: neutral ones draw the same glyphs.

    Fonts that are not embedded keep their names: the reader finds them on its own system by name.
    """
    descriptor = font.get("/FontDescriptor")
    if isinstance(descriptor, pikepdf.Dictionary):
        for key in ("/FontFamily", "/Style", "/Lang", "/CIDSet"):
            if key in descriptor:
                del descriptor[key]
    embedded = isinstance(descriptor, pikepdf.Dictionary) and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )
    # A subset tag ("ABCDEF+") says the font was meant to be embedded: its name finds nothing on a system.
    if not embedded and "+" not in str(font.get("/BaseFont", "")):
        return
    name = pikepdf.Name(f"/CLEARF+Font{number}")
    if isinstance(descriptor, pikepdf.Dictionary):
        descriptor.FontName = name
    if "/BaseFont" in font:
        font.BaseFont = name


def clean_cmap(stream: pikepdf.Stream) -> None:
    """A ToUnicode map's comments and name are free text; its mappings are all a reader needs."""
    data = stream.read_bytes()
    cleaned = _CMAP_NAME.sub(b"/CMapName /Clearance-UCS", _CMAP_COMMENT.sub(b"", data))
    if cleaned != data:
        stream.write(cleaned)


def neutral_colorants(space: object, names: dict[str, pikepdf.Name]) -> None:
    """Spot colours (Separation, DeviceN) named by the producer get neutral names, the same each time."""
    if not isinstance(space, pikepdf.Array) or len(space) < 2:
        return
    kind = str(space[0])

    def rename(value: pikepdf.Name) -> pikepdf.Name:
        if str(value) in _SPECIAL_COLORANTS:
            return value
        return names.setdefault(str(value), pikepdf.Name(f"/Spot{len(names) + 1}"))

    if kind == "/Separation" and isinstance(space[1], pikepdf.Name):
        space[1] = rename(space[1])
    elif kind == "/DeviceN" and isinstance(space[1], pikepdf.Array):
        space[1] = pikepdf.Array([rename(n) if isinstance(n, pikepdf.Name) else n for n in space[1]])
        if len(space) > 4 and isinstance(space[4], pikepdf.Dictionary):
            del space[4]  # the attributes dictionary: colorant names again, and process details
