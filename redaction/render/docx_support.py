"""The parts that make a Word document look right, kept to what renders and stripped of free text.

Styles, numbering, settings, fonts and theme are kept so the output looks like the original, but each
can hold words of the author's choosing: a custom style or list named after a person, a template path,
mail-merge sources, document variables, revision ids, per-script theme fonts. Settings are kept by
allowlist; the others lose the elements and names that are not formatting.
"""

from __future__ import annotations

from lxml import etree

from redaction.render.package import W, remove

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Settings that change how the document lays out; everything else (templates, mail merge, document
# variables, protection, revision ids, captions, attached schemas ...) goes.
_SETTINGS_KEEP = {
    f"{W}{name}"
    for name in (
        "zoom",
        "mirrorMargins",
        "gutterAtTop",
        "evenAndOddHeaders",
        "bookFoldPrinting",
        "defaultTabStop",
        "autoHyphenation",
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "characterSpacingControl",
        "noPunctuationKerning",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "alignBordersAndEdges",
        "displayBackgroundShape",
        "footnotePr",
        "endnotePr",
        "compat",
        "themeFontLang",
        "clrSchemeMapping",
        "decimalSymbol",
        "listSeparator",
        "defaultTableStyle",
    )
} | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}
_STYLE_REFERENCES = ("pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "styleLink", "numStyleLink")



def clean_settings(root: etree._Element) -> None:
    for child in list(root):
        if child.tag not in _SETTINGS_KEEP:
            root.remove(child)


def custom_style_ids(styles: etree._Element) -> dict[str, str]:
    """New neutral ids for the styles the author made (w:customStyle="1"), which may be named after anyone."""
    renamed: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}customStyle") in ("1", "true", "on"):
            old = style.get(f"{W}styleId", "")
            if old:
                renamed[old] = f"Style{len(renamed) + 1}"
    return renamed


def clean_styles(root: etree._Element, renamed: dict[str, str]) -> None:
    """Latent style lists and aliases go; custom styles get neutral names (ids via rename_styles)."""
    for tag in ("latentStyles", "aliases"):
        for element in list(root.iter(f"{W}{tag}")):
            remove(element)
    for style in root.iter(f"{W}style"):
        new = renamed.get(style.get(f"{W}styleId", ""))
        if new is None:
            continue
        style.set(f"{W}styleId", new)
        name = style.find(f"{W}name")
        if name is not None:
            name.set(f"{W}val", new)


def rename_styles(root: etree._Element, renamed: dict[str, str]) -> None:
    """Point every style reference in a part at the renamed styles."""
    if not renamed:
        return
    for tag in _STYLE_REFERENCES:
        for element in root.iter(f"{W}{tag}"):
            value = element.get(f"{W}val")
            if value in renamed:
                element.set(f"{W}val", renamed[value])


def clean_numbering(root: etree._Element) -> None:
    """Picture bullets (pictures from outside the allowlist) and list names go."""
    for tag in ("numPicBullet", "lvlPicBulletId", "name"):
        for element in list(root.iter(f"{W}{tag}")):
            remove(element)


def clean_font_table(root: etree._Element) -> None:
    """Embedded font programs go (their parts are not kept); font names stay for layout."""
    for tag in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
        for element in list(root.iter(f"{W}{tag}")):
            remove(element)


def clean_theme(root: etree._Element) -> None:
    """Neutral scheme names, Latin theme fonts only, no extensions or extra colour lists."""
    for tag in ("extLst", "objectDefaults", "extraClrSchemeLst", "custClrLst"):
        for element in list(root.iter(f"{_A}{tag}")):
            remove(element)
    for element in list(root.iter(f"{_A}font")):
        remove(element)  # per-script font choices: names in dozens of scripts, none needed to draw Latin text
    root.set("name", "Office Theme")
    for tag in ("clrScheme", "fontScheme", "fmtScheme"):
        for element in root.iter(f"{_A}{tag}"):
            element.set("name", "Office")
