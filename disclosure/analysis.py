"""Running the engine on a stored version and saving what it found.

Called by the Celery task with a version id. Claiming the row with a guarded update makes a
redelivered task harmless, and findings are replaced, never appended, so analysis is idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone

from disclosure.audit import audit_record
from disclosure.copied import StoredParagraphs, paragraphs_index
from disclosure.models import DocumentVersion
from disclosure.selectors import case_context
from disclosure.services import version_progress
from disclosure.storage import StoredFileUnreadable
from redaction import analyse
from redaction.copied import find_copied
from redaction.errors import EngineError
from redaction.types import Analysis
from redaction.types import Finding as EngineFinding
from review.models import Finding, Picture, ReasonCode

log = logging.getLogger(__name__)
Status = DocumentVersion.Status

UNREADABLE_UPLOAD = (
    "The stored upload cannot be read: it was changed on disk or the storage key is wrong. "
    "Tell your administrator; then upload the document again."
)
TOO_LONG = (
    "The document is too long to analyse within the time allowed ({minutes:.0f} minutes). The upload is kept; "
    "split the document into parts and upload them separately, or ask your administrator to allow longer."
)
UNEXPECTED_FAILURE = (
    "Analysis stopped because of an unexpected error. The upload is safe; try again, and if it fails "
    "again tell your administrator."
)


def version_analyse(*, version_id: int) -> None:
    claimed = DocumentVersion.objects.filter(
        pk=version_id, status__in=[Status.UPLOADED, Status.ANALYSING, Status.FAILED]
    ).update(
        status=Status.ANALYSING,
        progress=1,
        failure_reason="",
        queue_error="",
        analysis_attempts=F("analysis_attempts") + 1,
        status_changed_at=timezone.now(),
    )
    if not claimed:
        log.info("Version %s is not waiting for analysis; nothing to do", version_id)
        return
    version = DocumentVersion.objects.select_related("document__case").get(pk=version_id)
    try:
        with version.original.open("rb") as handle:
            data = handle.read()
        result = analyse(
            data,
            version.original_name,
            case_context(version.document.case),
            model=settings.SPACY_MODEL,
            progress=lambda percent: version_progress(version_id=version_id, percent=percent),
        )
        copied = find_copied(result.document.text, StoredParagraphs(version.document.case))
    except EngineError as error:
        analysis_fail(version_id=version_id, reason=str(error))
        return
    except StoredFileUnreadable:
        log.exception("Stored upload of version %s does not decrypt", version_id)
        analysis_fail(version_id=version_id, reason=UNREADABLE_UPLOAD)
        return
    except (OperationalError, InterfaceError):
        raise  # the database is away: the task retries with backoff and claims the version again
    except SoftTimeLimitExceeded:
        analysis_fail(version_id=version_id, reason=TOO_LONG.format(minutes=settings.CELERY_TASK_TIME_LIMIT / 60))
        return
    except Exception:
        log.exception("Analysis of version %s failed", version_id)
        analysis_fail(version_id=version_id, reason=UNEXPECTED_FAILURE)
        raise
    findings_store(version_id=version_id, result=result, extra=copied)


def findings_store(*, version_id: int, result: Analysis, extra: Sequence[EngineFinding] = ()) -> None:
    codes = {code.code: code for code in ReasonCode.objects.all()}
    all_findings = sorted((*result.findings, *extra), key=lambda f: (f.start, f.end))
    with transaction.atomic():
        version = DocumentVersion.objects.select_for_update().get(pk=version_id)
        if version.status != Status.ANALYSING:
            return  # superseded or already stored by another delivery of the task
        Finding.objects.filter(version=version, source=Finding.Source.ENGINE).delete()
        Finding.objects.bulk_create(
            Finding(
                version=version,
                source=Finding.Source.ENGINE,
                start=f.start,
                end=f.end,
                text=f.text,
                category=f.category,
                suggested_action=f.action,
                party=f.party,
                explanation=f.reason[:300],
                confidence=f.confidence,
                reason_code=codes.get(f.reason_code),
            )
            for f in all_findings
            if f.end > f.start
        )
        paragraphs_index(version, result.document.text)
        # Every picture needs a person's look: it may show text that no extraction reads.
        Picture.objects.filter(version=version).delete()
        Picture.objects.bulk_create(
            Picture(version=version, ref=p.ref, location=p.location[:120], width=p.width, height=p.height)
            for p in result.document.pictures
        )
        version.pictures_pending = len(result.document.pictures)
        version.extracted_text = result.document.text
        version.needs_ocr = result.document.needs_ocr
        version.status = Status.TRIAGE
        version.progress = 100
        version.status_changed_at = timezone.now()
        version.save(
            update_fields=["extracted_text", "needs_ocr", "pictures_pending", "status", "progress", "status_changed_at"]
        )
        counts: dict[str, int] = {}
        for f in all_findings:
            counts[f.action] = counts.get(f.action, 0) + 1
        audit_record(
            actor=None,
            action="analysis.completed",
            version=version,
            summary=f"Analysis found {len(all_findings)} items: "
            + ", ".join(f"{n} {action}" for action, n in sorted(counts.items())),
            data={
                "counts": counts,
                "text_length": len(result.document.text),
                "needs_ocr": result.document.needs_ocr,
                "pictures": len(result.document.pictures),
                "warnings": list(result.document.warnings),
            },
        )


def analysis_fail(*, version_id: int, reason: str) -> None:
    with transaction.atomic():
        claimed = DocumentVersion.objects.filter(pk=version_id, status=Status.ANALYSING).update(
            status=Status.FAILED, failure_reason=reason, progress=0, status_changed_at=timezone.now()
        )
        if claimed:
            version = DocumentVersion.objects.get(pk=version_id)
            audit_record(actor=None, action="analysis.failed", version=version, summary=f"Analysis failed: {reason}")
