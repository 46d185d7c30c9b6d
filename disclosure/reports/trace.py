"""Trace a person: every released document whose original text mentioned them, and whether it showed.

The first question after a breach. A mention is "released" when any letter of it lies outside every
redacted span of that version, i.e. it could be read in the output that went out; otherwise "redacted".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from rapidfuzz import fuzz

from disclosure.models import Party, Release
from disclosure.reports.selectors import REDACTED, independent_condition
from review.models import Finding

FUZZY_THRESHOLD = 85  # rapidfuzz ratio; catches "Holins"/"Hollin's" without matching other surnames
_KIND_RANK = {"exact": 0, "alias": 1, "fuzzy": 2}
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_CONTEXT = 70


@dataclass(frozen=True)
class Variant:
    text: str
    kind: str  # exact: what was typed; alias: another name of a matching party in any case
    source: str = ""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str
    released: bool
    before: str
    after: str


@dataclass
class TraceHit:
    release: Release
    mentions: list[Mention] = field(default_factory=list)

    @property
    def released_count(self) -> int:
        return sum(1 for m in self.mentions if m.released)

    @property
    def redacted_count(self) -> int:
        return len(self.mentions) - self.released_count

    @property
    def name_released(self) -> bool:
        return self.released_count > 0


@dataclass
class TraceResult:
    name: str
    variants: list[Variant]
    hits: list[TraceHit]

    @property
    def released_hits(self) -> list[TraceHit]:
        return [h for h in self.hits if h.name_released]

    @property
    def redacted_hits(self) -> list[TraceHit]:
        return [h for h in self.hits if not h.name_released]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def variants_for(name: str) -> list[Variant]:
    """The typed name plus every name and alias of any party, in any case, known by that name."""
    wanted = _norm(name)
    found: dict[str, Variant] = {wanted: Variant(name.strip(), "exact")}
    # Parties are few compared with documents; comparing in Python lets an alias match fuzzily too.
    for case_ref, party_name, aliases in Party.objects.values_list("case__reference", "name", "aliases"):
        names = [party_name, *(a for a in (aliases or []) if isinstance(a, str))]
        if not any(fuzz.ratio(_norm(n), wanted) >= FUZZY_THRESHOLD for n in names):
            continue
        for other in names:
            key = _norm(other)
            if len(key) >= 2 and key not in found:
                found[key] = Variant(other.strip(), "alias", f"{party_name} ({case_ref})")
    return list(found.values())


def _pattern(variant: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in variant.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _is_released(start: int, end: int, text: str, redacted: list[tuple[int, int]]) -> bool:
    return any(text[i].isalnum() and not any(s <= i < e for s, e in redacted) for i in range(start, end))


def find_mentions(text: str, variants: list[Variant], redacted: list[tuple[int, int]]) -> list[Mention]:
    spans: dict[tuple[int, int], str] = {}
    for variant in variants:
        for match in _pattern(variant.text).finditer(text):
            key = (match.start(), match.end())
            if key not in spans or _KIND_RANK[variant.kind] < _KIND_RANK[spans[key]]:
                spans[key] = variant.kind
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    for variant in variants:
        target = _norm(variant.text)
        size = len(variant.text.split())
        if len(target) < 4:  # short names fuzzily match too many ordinary words
            continue
        for i in range(len(words) - size + 1):
            start, end = words[i][0], words[i + size - 1][1]
            if any(s < end and start < e for s, e in spans):
                continue
            if fuzz.ratio(_norm(text[start:end]), target) >= FUZZY_THRESHOLD:
                spans[(start, end)] = "fuzzy"
    # A shorter match inside a longer one ("Hollins" inside "Gary Hollins") is the same mention.
    kept = [k for k in spans if not any(o != k and o[0] <= k[0] and k[1] <= o[1] for o in spans)]
    return [
        Mention(
            start=s,
            end=e,
            text=text[s:e],
            kind=spans[(s, e)],
            released=_is_released(s, e, text, redacted),
            before=text[max(0, s - _CONTEXT) : s],
            after=text[e : e + _CONTEXT],
        )
        for s, e in sorted(kept)
    ]


def _releases() -> Iterable[Release]:
    spans = Finding.objects.filter(REDACTED).only("version_id", "start", "end")
    return (
        Release.objects.select_related(
            "version__document__case__team", "version__approved_by", "released_by", "checked_by"
        )
        .prefetch_related(Prefetch("version__findings", queryset=spans, to_attr="redacted_spans"))
        .annotate(independent=independent_condition())
        .order_by("-released_at")
        .iterator(chunk_size=200)
    )


def trace(name: str) -> TraceResult:
    variants = variants_for(name)
    hits: list[TraceHit] = []
    for release in _releases():
        version = release.version
        redacted = [(f.start, f.end) for f in getattr(version, "redacted_spans", [])]
        mentions = find_mentions(version.extracted_text, variants, redacted)
        if mentions:
            hits.append(TraceHit(release, mentions))
    # Where the name actually went out comes first: that is the breach to act on.
    hits.sort(key=lambda h: not h.name_released)
    return TraceResult(name=name.strip(), variants=variants, hits=hits)
