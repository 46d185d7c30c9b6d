"""DOCX verification: a raw scan of the package, parsed with defusedxml, not with the renderer's code."""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from redaction.verify import Survivor
from redaction.verify.matching import Matcher

_MAX_TOTAL = 400 * 1024 * 1024
_BINARY_MIN = 5  # shorter strings occur by chance in compressed image data


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _scan_xml(root: Element, name: str, matcher: Matcher) -> None:
    for element in root.iter():
        if _local(element.tag) == "p":
            # Joined with nothing between runs: a name split over runs is one word again.
            found = matcher.find("".join(element.itertext()))
            if found:
                raise Survivor(found, f"a paragraph of {name}")
        for value in element.attrib.values():
            found = matcher.find(value)
            if found:
                raise Survivor(found, f"an attribute in {name}")
    found = matcher.find(" ".join(root.itertext()))
    if found:
        raise Survivor(found, f"the text of {name}")


def verify_docx(data: bytes, matcher: Matcher) -> None:
    long_terms = Matcher(t.original for t in matcher.terms if len(t.original.strip()) >= _BINARY_MIN)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise Survivor("", "the file is not a readable Word document") from exc
    with archive:
        if sum(i.file_size for i in archive.infolist()) > _MAX_TOTAL:
            raise Survivor("", "the file is too large to check")
        found = matcher.find(" ".join(i.filename for i in archive.infolist()) + " " + archive.comment.decode("latin-1"))
        if found:
            raise Survivor(found, "the names of the parts inside the file")
        for info in archive.infolist():
            content = archive.read(info)
            if info.filename.endswith((".xml", ".rels")):
                try:
                    root = SafeET.fromstring(content)
                except Exception as exc:  # any parse failure means the part cannot be vouched for
                    raise Survivor("", f"part {info.filename} cannot be checked") from exc
                _scan_xml(root, info.filename, matcher)
            else:
                for encoding in ("utf-8", "utf-16-le", "latin-1"):
                    found = long_terms.find(content.decode(encoding, errors="ignore"))
                    if found:
                        raise Survivor(found, f"the embedded file {info.filename}")
