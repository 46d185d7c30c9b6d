"""Writes for triage, submission and the independent check.

Every transition claims the version row with a guarded update (filter on the state it expects),
so two people, a replayed form or a hand-crafted POST cannot move it twice or from the wrong state.
"""

from __future__ import annotations

import logging
import uuid

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import User
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from disclosure.audit import audit_record
from disclosure.errors import ActionRefused
from disclosure.models import DocumentVersion, RedactedOutput
from disclosure.outputs import outputs_verify_stored
from disclosure.services import send_after_commit
from redaction.verify.matching import find_spans
from review.models import CheckDecision, Finding, Picture, ReasonCode
from review.outputs import outputs_render, outputs_store
from review.selectors import check_refusal, pending_reviews

log = logging.getLogger(__name__)
Status = DocumentVersion.Status
Decision = Finding.Decision
_TRIAGE_STATES = (Status.TRIAGE, Status.RETURNED)


def _lock_editable(version: DocumentVersion) -> DocumentVersion:
    locked = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_editable:
        raise ActionRefused(f"Decisions cannot change while the version is {locked.get_status_display().lower()}.")
    return locked


def _reopen_for_triage(*, user: User, version: DocumentVersion, why: str) -> None:
    """A change after submission or approval voids it: the checker must see the new result."""
    if version.status not in (Status.PREPARING, Status.AWAITING_CHECK, Status.APPROVED):
        return
    previous = version.status
    DocumentVersion.objects.filter(pk=version.pk, status=previous).update(
        status=Status.TRIAGE,
        approved_by=None,
        approved_at=None,
        approved_sha256="",
        prepare_token="",  # a preparation still running for the withdrawn submission can no longer land
        status_changed_at=timezone.now(),
    )
    version.status = Status.TRIAGE
    action = "approval.voided" if previous == Status.APPROVED else "submission.withdrawn"
    audit_record(
        actor=user,
        action=action,
        version=version,
        summary=f"{why}; the version is back in triage",
        data={"previous_status": previous},
    )


def decision_record(
    *,
    user: User,
    finding: Finding,
    decision: str,
    reason_code: ReasonCode | None = None,
    note: str = "",
    every_occurrence: bool = False,
) -> int:
    """Redact or keep one finding (or every finding of the same text). Returns how many changed."""
    if decision not in (Decision.REDACT, Decision.KEEP):
        raise ActionRefused("Choose redact or keep.")
    note = note.strip()
    if decision == Decision.KEEP and finding.suggested_action == Finding.Suggestion.REDACT and not note:
        raise ActionRefused("Say briefly why this suggested redaction should be kept in.")
    reason_code = reason_code or finding.reason_code
    if decision == Decision.REDACT and reason_code is None:
        raise ActionRefused("Choose a reason code for this redaction.")
    with transaction.atomic():
        version = _lock_editable(finding.version)
        targets = Finding.objects.filter(version=version)
        targets = targets.filter(text__iexact=finding.text) if every_occurrence else targets.filter(pk=finding.pk)
        changed = targets.update(
            decision=decision,
            decision_note=note[:500],
            reason_code=reason_code if decision == Decision.REDACT else None,
            decided_by=user,
            decided_at=timezone.now(),
        )
        added = 0
        if every_occurrence and decision == Decision.REDACT and reason_code is not None:
            added = len(_redact_uncovered_occurrences(user, version, finding.text, reason_code))
        _reopen_for_triage(user=user, version=version, why="A redaction decision changed")
        audit_record(
            actor=user,
            action="finding.decided",
            version=version,
            summary=f"{decision.capitalize()} {finding.category} {finding.text!r}"
            + (f" at every occurrence ({changed + added})" if every_occurrence else ""),
            data={
                "finding": finding.pk,
                "decision": decision,
                "note": note,
                "changed": changed,
                "added": added,
                "reason_code": reason_code.code if reason_code else "",
                "suggested": finding.suggested_action,
            },
        )
    return changed + added


def manual_redaction_add(
    *, user: User, version: DocumentVersion, start: int, end: int, reason_code: ReasonCode, note: str = ""
) -> Finding:
    with transaction.atomic():
        version = _lock_editable(version)
        text = version.extracted_text
        if not (0 <= start < end <= len(text)) or not text[start:end].strip():
            raise ActionRefused("Select some text in the document to redact.")
        finding = _manual_finding(user, version, start, end, reason_code, note)
        _reopen_for_triage(user=user, version=version, why="A manual redaction was added")
        audit_record(
            actor=user,
            action="redaction.added",
            version=version,
            summary=f"Added a manual redaction of {finding.text!r}",
            data={"finding": finding.pk, "start": start, "end": end, "reason_code": reason_code.code},
        )
    return finding


def term_redaction_add(*, user: User, version: DocumentVersion, term: str, reason_code: ReasonCode) -> list[Finding]:
    term = term.strip()
    if len(term) < 2:
        raise ActionRefused("Enter a word or name of at least two characters.")
    with transaction.atomic():
        version = _lock_editable(version)
        added = _redact_uncovered_occurrences(user, version, term, reason_code)
        if not added and not find_spans(version.extracted_text, term, inside_words=False):
            raise ActionRefused(f"{term!r} does not appear in this document.")
        _reopen_for_triage(user=user, version=version, why="A manual redaction was added")
        audit_record(
            actor=user,
            action="redaction.term_added",
            version=version,
            summary=f"Redacted every occurrence of {term!r} ({len(added)} new)",
            data={"term": term, "added": len(added), "reason_code": reason_code.code},
        )
    return added


def _manual_finding(
    user: User, version: DocumentVersion, start: int, end: int, reason_code: ReasonCode, note: str = ""
) -> Finding:
    return Finding.objects.create(
        version=version,
        source=Finding.Source.MANUAL,
        start=start,
        end=end,
        text=version.extracted_text[start:end],
        category="manual",
        suggested_action=Finding.Suggestion.REDACT,
        party="",
        explanation="Added by the author",
        confidence=1.0,
        reason_code=reason_code,
        decision=Decision.REDACT,
        decision_note=note[:500],
        decided_by=user,
        decided_at=timezone.now(),
    )


def _redact_uncovered_occurrences(
    user: User, version: DocumentVersion, term: str, reason_code: ReasonCode
) -> list[Finding]:
    """Adds a manual redaction for each occurrence of term that no redacted finding already covers."""
    covered = [(f.start, f.end) for f in version.findings.all() if f.is_redacted]
    added = []
    # The same spellings the verifier counts (case, accents, separators): a term decided everywhere
    # leaves nothing of itself for verification to refuse.
    for start, end in find_spans(version.extracted_text, term, inside_words=False):
        if any(s <= start and end <= e for s, e in covered):
            continue
        added.append(_manual_finding(user, version, start, end, reason_code))
    return added


PREPARE_QUEUE_DOWN = (
    "Preparing the redacted files is delayed: the task queue cannot be reached. It will start once the queue is back."
)


PREPARE_TOO_LONG = (
    "Making the redacted files took longer than the {minutes:.0f} minutes allowed. Split the document into "
    "smaller parts and upload them separately, or ask support to raise CLEARANCE_ANALYSIS_TIME_LIMIT."
)
PREPARE_FAILED = (
    "The redacted files could not be made because of an unexpected error. Nothing was sent for check. "
    "Try submitting again; if it happens again, contact support."
)


def version_submit(*, user: User, version: DocumentVersion) -> None:
    """Hands the version over to have its redacted files made; they go to the check queue once verified.

    Making and verifying the files can take a minute for a long document, so it runs as a task
    (outputs_prepare); the version is PREPARING meanwhile, and any change by the author withdraws it.
    """
    if version.status not in _TRIAGE_STATES:
        raise ActionRefused("Only a version in triage can be submitted for check.")
    waiting = pending_reviews(version)
    if waiting:
        raise ActionRefused(f"{waiting} suggestion(s) marked 'review' still need a decision before submission.")
    if version.needs_ocr and version.pages_attested_by_id is None:
        raise ActionRefused(
            "This document has pages without a text layer. Read every page and confirm it before submitting."
        )
    if version.pictures.filter(decision=Picture.Decision.PENDING).exists():
        raise ActionRefused("Look at each picture in the document and say whether to withhold it before submitting.")
    token = uuid.uuid4().hex
    with transaction.atomic():
        claimed = DocumentVersion.objects.filter(pk=version.pk, status__in=_TRIAGE_STATES).update(
            status=Status.PREPARING,
            submitted_by=user,
            prepare_token=token,
            output_error="",
            output_error_term="",
            queue_error="",
            status_changed_at=timezone.now(),
        )
        if claimed != 1:
            raise ActionRefused("This version was changed by someone else. Reload the page.")
        version.status = Status.PREPARING
        audit_record(
            actor=user,
            action="version.preparing",
            version=version,
            summary="Submitted for independent check; the redacted files are being made and verified",
        )
        outputs_prepare_enqueue(version.pk, token)


def outputs_prepare_enqueue(version_id: int, token: str) -> None:
    """Queue the task that makes the files once the submission has committed; a broker outage is shown."""
    from review.tasks import prepare_outputs

    waiting = _this_submission(version_id, token)
    send_after_commit(lambda: prepare_outputs.delay(version_id, token), waiting, PREPARE_QUEUE_DOWN)


def outputs_prepare(*, version_id: int, token: str) -> None:
    """Make, verify and store the redacted files of one submission, then put it in the check queue.

    A refusal (redacted text survived, the file reads differently) sends the version back to triage
    with the reason. A submission withdrawn meanwhile (its token no longer current) is left alone.
    """
    version = DocumentVersion.objects.select_related("submitted_by").get(pk=version_id)
    if version.status != Status.PREPARING or version.prepare_token != token:
        return
    try:
        rendered = outputs_render(version)
    except ActionRefused as refusal:
        _prepare_refused(version, token, str(refusal), getattr(refusal, "term", ""))
        return
    except (OperationalError, InterfaceError):
        raise  # the database is away: the task retries with backoff
    except SoftTimeLimitExceeded:
        _prepare_refused(version, token, PREPARE_TOO_LONG.format(minutes=settings.CELERY_TASK_TIME_LIMIT / 60))
        return
    except Exception:
        # Never left waiting in 'preparing': the author gets the version back and support gets the trace.
        log.exception("Making the redacted files of version %s failed", version.pk)
        _prepare_refused(version, token, PREPARE_FAILED)
        raise
    stored = outputs_store(version, rendered)  # files written before the transaction, removed if it fails
    manifest = RedactedOutput.manifest_sha256({o.format: o.sha256 for o in stored})
    previous: list[RedactedOutput] = []
    try:
        with transaction.atomic():
            claimed = _this_submission(version.pk, token).update(
                status=Status.AWAITING_CHECK,
                submitted_at=timezone.now(),
                output_sha256=manifest,
                status_changed_at=timezone.now(),
            )
            if claimed != 1:
                raise _Withdrawn
            previous = list(version.outputs.all())
            RedactedOutput.objects.filter(pk__in=[o.pk for o in previous]).delete()
            for output in stored:
                output.save()
            version.status = Status.AWAITING_CHECK
            audit_record(
                actor=version.submitted_by,
                action="version.submitted",
                version=version,
                summary="Ready for independent check with " + ", ".join(o.file_name for o in stored),
                data={"output_sha256": manifest, "outputs": {o.format: o.sha256 for o in stored}},
            )
    except BaseException as error:
        for output in stored:
            output.file.delete(save=False)
        if isinstance(error, _Withdrawn):
            return
        raise
    for old in previous:
        old.file.delete(save=False)  # the rows are gone; their files go once the new ones are committed


def _this_submission(version_id: int, token: str) -> QuerySet[DocumentVersion]:
    """The version, only while it is still being prepared for this very submission."""
    return DocumentVersion.objects.filter(pk=version_id, status=Status.PREPARING, prepare_token=token)


class _Withdrawn(Exception):
    """The submission was withdrawn while its files were being made."""


def _prepare_refused(version: DocumentVersion, token: str, reason: str, term: str = "") -> None:
    with transaction.atomic():
        claimed = _this_submission(version.pk, token).update(
            status=Status.TRIAGE, output_error=reason, output_error_term=term[:300], status_changed_at=timezone.now()
        )
        if claimed != 1:
            return
        version.status = Status.TRIAGE
        audit_record(
            actor=version.submitted_by,
            action="submission.refused",
            version=version,
            summary=f"The redacted files were refused; the version is back in triage: {reason}",
            data={"reason": reason},
        )


def pages_attest(*, user: User, version: DocumentVersion) -> None:
    """The author confirms they read every page the engine could not (pages with no text layer)."""
    with transaction.atomic():
        claimed = DocumentVersion.objects.filter(
            pk=version.pk, needs_ocr=True, pages_attested_by__isnull=True, status__in=_TRIAGE_STATES
        ).update(pages_attested_by=user, pages_attested_at=timezone.now())
        if claimed != 1:
            raise ActionRefused("There is nothing to confirm for this version.")
        audit_record(
            actor=user,
            action="pages.attested",
            version=version,
            summary="Confirmed every page without a text layer was read and redacted by hand",
        )


def picture_decide(*, user: User, picture: Picture, withhold: bool) -> None:
    """Someone looked at a picture: it is withheld from every output, or shown as it is."""
    decision = Picture.Decision.WITHHELD if withhold else Picture.Decision.SHOWN
    with transaction.atomic():
        version = _lock_editable(picture.version)
        changed = Picture.objects.filter(pk=picture.pk, version=version).exclude(decision=decision).update(
            decision=decision, decided_by=user, decided_at=timezone.now()
        )
        if not changed:
            return  # already decided so: nothing changed, nothing to withdraw or record
        pending = version.pictures.filter(decision=Picture.Decision.PENDING).count()
        DocumentVersion.objects.filter(pk=version.pk).update(pictures_pending=pending)
        _reopen_for_triage(user=user, version=version, why="A picture decision changed")
        audit_record(
            actor=user,
            action="picture.decided",
            version=version,
            summary=f"{'Withheld' if withhold else 'Looked at and kept'} the picture in {picture.location}",
            data={"picture": picture.pk, "ref": picture.ref, "decision": decision},
        )


def check_open(*, user: User, version: DocumentVersion) -> None:
    with transaction.atomic():
        audit_record(actor=user, action="check.opened", version=version, summary="Opened the version for check")


def _require_independent(user: User, version: DocumentVersion) -> None:
    refusal = check_refusal(user, version)
    if refusal:
        raise ActionRefused(refusal)


def check_approve(*, user: User, version: DocumentVersion, seen_sha256: str) -> CheckDecision:
    """Approves the exact output the checker saw (seen_sha256), if they are independent of the version."""
    _require_independent(user, version)
    with transaction.atomic():
        locked = DocumentVersion.objects.select_for_update().get(pk=version.pk)
        if locked.status != Status.AWAITING_CHECK or locked.output_sha256 != seen_sha256:
            raise ActionRefused("The version changed after you opened it. Reload it and check again.")
        if locked.needs_ocr and locked.pages_attested_by_id is None:
            raise ActionRefused("Pages without a text layer have not been confirmed as read. It cannot be approved.")
        if locked.pictures_pending:
            raise ActionRefused("Some pictures have not been looked at. It cannot be approved.")
        outputs_verify_stored(locked, seen_sha256)
        claimed = (
            DocumentVersion.objects.filter(pk=version.pk, status=Status.AWAITING_CHECK, output_sha256=seen_sha256)
            .exclude(uploaded_by=user)
            .exclude(submitted_by=user)
            .exclude(findings__decided_by=user)
            .exclude(pictures__decided_by=user)
            .update(
                status=Status.APPROVED,
                approved_by=user,
                approved_at=timezone.now(),
                approved_sha256=seen_sha256,
                status_changed_at=timezone.now(),
            )
        )
        if claimed != 1:
            raise ActionRefused("You cannot approve this version.")
        decision = CheckDecision.objects.create(
            version=locked,
            checker=user,
            author=locked.uploaded_by,
            outcome=CheckDecision.Outcome.APPROVED,
            output_sha256=seen_sha256,
            submitted_at=locked.submitted_at,
        )
        audit_record(
            actor=user,
            action="check.approved",
            version=locked,
            summary=f"Approved output {seen_sha256[:12]}…",
            data={"output_sha256": seen_sha256},
        )
    return decision


def check_return(*, user: User, version: DocumentVersion, comments: str) -> CheckDecision:
    comments = comments.strip()
    if not comments:
        raise ActionRefused("Say what the author needs to change.")
    _require_independent(user, version)
    with transaction.atomic():
        claimed = (
            DocumentVersion.objects.filter(pk=version.pk, status=Status.AWAITING_CHECK)
            .exclude(uploaded_by=user)
            .exclude(findings__decided_by=user)
            .exclude(pictures__decided_by=user)
            .update(status=Status.RETURNED, status_changed_at=timezone.now())
        )
        if claimed != 1:
            raise ActionRefused("This version is not awaiting check.")
        decision = CheckDecision.objects.create(
            version=version,
            checker=user,
            author=version.uploaded_by,
            outcome=CheckDecision.Outcome.RETURNED,
            comments=comments,
            output_sha256=version.output_sha256,
            submitted_at=version.submitted_at,
        )
        audit_record(
            actor=user,
            action="check.returned",
            version=version,
            summary="Returned to the author",
            data={"comments": comments},
        )
    return decision
