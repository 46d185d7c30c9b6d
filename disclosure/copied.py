"""The database side of copied-text detection: stores each analysed version's paragraph band hashes
and answers the engine's look-ups against every other case's stored paragraphs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from disclosure.models import Case, DocumentVersion, ParagraphBand
from redaction.copied import Candidate, fingerprints


class StoredParagraphs:
    """A CopiedTextSource over the ParagraphBand table, excluding one case's own documents."""

    def __init__(self, case: Case) -> None:
        self.case = case

    def candidates(self, band_sets: Sequence[tuple[int, ...]]) -> list[list[Candidate]]:
        wanted = {h for bands in band_sets for h in bands}
        if not wanted:
            return [[] for _ in band_sets]
        rows = (
            ParagraphBand.objects.filter(hash__in=wanted)
            .exclude(case=self.case)
            .values_list("band", "hash", "version_id", "start", "end")
        )
        # (band, hash) -> stored paragraphs carrying it
        by_band: dict[tuple[int, int], set[tuple[int, int, int]]] = defaultdict(set)
        for band, value, version_id, start, end in rows:
            by_band[(band, value)].add((version_id, start, end))
        versions = {
            v.pk: v
            for v in DocumentVersion.objects.filter(
                pk__in={key[0] for keys in by_band.values() for key in keys}
            ).select_related("document__case")
        }
        answers = []
        for bands in band_sets:
            keys = set().union(*(by_band.get((band, value), set()) for band, value in enumerate(bands)))
            answers.append(
                [
                    Candidate(
                        case_reference=versions[version_id].document.case.reference,
                        source_label=f"“{versions[version_id].document.title}”",
                        text=versions[version_id].extracted_text[start:end],
                    )
                    for version_id, start, end in sorted(keys)
                ]
            )
        return answers


def paragraphs_index(version: DocumentVersion, text: str) -> None:
    """Replaces the version's band hashes (called inside the analysis transaction)."""
    ParagraphBand.objects.filter(version=version).delete()
    ParagraphBand.objects.bulk_create(
        ParagraphBand(
            version=version, case_id=version.document.case_id, band=band, hash=value, start=print_.start, end=print_.end
        )
        for print_ in fingerprints(text)
        for band, value in enumerate(print_.bands)
    )
