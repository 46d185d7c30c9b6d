"""Cases, the people in them, documents and their versions, releases and the audit log."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teams", blank=True)

    class Meta:
        ordering: ClassVar = ["name"]

    def __str__(self) -> str:
        return self.name


class Case(models.Model):
    reference = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    # The household's own addresses: kept in their letters on sight, where any other address is redacted.
    addresses = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["reference"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class Party(models.Model):
    """A person the case knows: a member of the recipient family or a professional acting in role."""

    class Kind(models.TextChoices):
        FAMILY = "family", "Family member"
        PROFESSIONAL = "professional", "Professional"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=120, blank=True)
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering: ClassVar = ["kind", "name"]
        verbose_name_plural = "parties"

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


class Document(models.Model):
    """A letter, plan or minutes; each upload of it is a new DocumentVersion."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def latest_version(self) -> DocumentVersion | None:
        return self.versions.order_by("-number").first()


def _stored_name(prefix: str) -> str:
    # Uploaded file names are never used as paths: a random name avoids traversal and guessing.
    return f"{prefix}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


def original_upload_to(instance: Any, filename: str) -> str:
    return _stored_name("originals")


def output_upload_to(instance: Any, filename: str) -> str:
    return _stored_name("outputs")


def release_upload_to(instance: Any, filename: str) -> str:
    return _stored_name("releases")


class DocumentVersion(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        ANALYSING = "analysing", "Analysing"
        FAILED = "failed", "Analysis failed"
        TRIAGE = "triage", "In triage"
        PREPARING = "preparing", "Preparing redacted files"
        AWAITING_CHECK = "awaiting_check", "Awaiting check"
        RETURNED = "returned", "Returned by checker"
        APPROVED = "approved", "Approved"
        RELEASED = "released", "Released"
        SUPERSEDED = "superseded", "Superseded by a newer version"

    class Format(models.TextChoices):
        TXT = "txt", "Text"
        DOCX = "docx", "Word document"
        PDF = "pdf", "PDF"

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    original = models.FileField(upload_to=original_upload_to, max_length=255)
    original_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=8, choices=Format.choices)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    recipients = models.ManyToManyField(Party, related_name="+")

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UPLOADED, db_index=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    progress = models.PositiveSmallIntegerField(default=0)
    failure_reason = models.TextField(blank=True)
    # Set when the analysis task could not be queued (broker down); cleared when a worker claims it.
    queue_error = models.CharField(max_length=300, blank=True)
    analysis_attempts = models.PositiveIntegerField(default=0)
    extracted_text = models.TextField(blank=True)
    needs_ocr = models.BooleanField(default=False)
    # Pages with no text layer cannot be checked by the engine: a person must read them and say so.
    pages_attested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pages_attested_at = models.DateTimeField(null=True, blank=True)
    # Pictures nobody has looked at yet (review.Picture, kept in step by the services that decide them).
    pictures_pending = models.PositiveIntegerField(default=0)

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Names one submission while its files are made in the background: a result made for an earlier
    # submission (withdrawn and submitted again meanwhile) cannot claim the version.
    prepare_token = models.CharField(max_length=32, blank=True)
    # Why the last submission's files were refused (e.g. redacted text survived); cleared on submission.
    output_error = models.TextField(blank=True)
    # The redacted text verification found, when that was the reason: the author is offered to redact it.
    output_error_term = models.CharField(max_length=300, blank=True)
    # SHA-256 over the submitted outputs' own hashes (RedactedOutput.manifest_sha256): the checker
    # approves this set of files and nothing else.
    output_sha256 = models.CharField(max_length=64, blank=True)

    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering: ClassVar = ["document", "-number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number_unique"),
            # The four-eyes rule, in the database: whatever a view or script does, the person who
            # uploaded a version can never be recorded as the one who approved it.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("uploaded_by")),
                name="version_approver_is_not_author",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "released"])
                | (Q(approved_by__isnull=False) & ~Q(approved_sha256="")),
                name="version_approved_has_approver_and_hash",
            ),
            # A document with unreadable pages is never approved unless someone attested to reading them.
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "released"], needs_ocr=True) | Q(pages_attested_by__isnull=False),
                name="version_unread_pages_attested_before_approval",
            ),
            # Nor with a picture nobody has looked at: it may show text no extraction can read.
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "released"]) | Q(pictures_pending=0),
                name="version_pictures_looked_at_before_approval",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.title} v{self.number}"

    @property
    def case(self) -> Case:
        return self.document.case

    @property
    def is_editable(self) -> bool:
        """Decisions may change here; changing them after submission or approval voids that step."""
        return self.status in {
            self.Status.TRIAGE,
            self.Status.RETURNED,
            self.Status.PREPARING,
            self.Status.AWAITING_CHECK,
            self.Status.APPROVED,
        }


class RedactedOutput(models.Model):
    """One truly redacted, verified file made at submission (e.g. the DOCX and the PDF of a letter)."""

    class Format(models.TextChoices):
        DOCX = "docx", "Word document"
        PDF = "pdf", "PDF"
        TXT = "txt", "Text"

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="outputs")
    format = models.CharField(max_length=8, choices=Format.choices)
    file = models.FileField(upload_to=output_upload_to, max_length=255)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    schedule = models.JSONField(default=list, blank=True, help_text="Rows of the redaction schedule.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["version", "format"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["version", "format"], name="one_output_per_format"),
        ]

    def __str__(self) -> str:
        return self.file_name

    @staticmethod
    def manifest_sha256(hashes: dict[str, str]) -> str:
        """One hash for a set of outputs, independent of the order they are listed in."""
        lines = "\n".join(f"{fmt}:{sha}" for fmt, sha in sorted(hashes.items()))
        return hashlib.sha256(lines.encode()).hexdigest()


class Release(models.Model):
    """The record of an approved version leaving the building: what, to whom, by whom, how."""

    class Method(models.TextChoices):
        POST = "post", "Post"
        SECURE_EMAIL = "secure_email", "Secure email"
        HAND = "hand", "By hand"
        PORTAL = "portal", "Secure portal"

    version = models.OneToOneField(DocumentVersion, on_delete=models.PROTECT, related_name="release")
    recipients = models.ManyToManyField(Party, related_name="+")
    recipients_text = models.TextField(help_text="The recipients' names as they were at release.")
    method = models.CharField(max_length=20, choices=Method.choices)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    released_at = models.DateTimeField(default=timezone.now)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to=release_upload_to, max_length=255)
    file_name = models.CharField(max_length=255)
    format = models.CharField(max_length=8, default="pdf")
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering: ClassVar = ["-released_at"]

    def __str__(self) -> str:
        return f"Release of {self.version}"


class ParagraphBand(models.Model):
    """One locality-sensitive hash band of one paragraph of a version's text.

    The index that finds a paragraph pasted from another case's document (redaction/copied.py)."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    band = models.PositiveSmallIntegerField()
    hash = models.BigIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        indexes: ClassVar = [models.Index(fields=["hash"], name="paragraph_band_hash")]

    def __str__(self) -> str:
        return f"band {self.band} of {self.start}-{self.end} in version {self.version_id}"


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")


class AuditEvent(models.Model):
    """One thing that happened, written in the same transaction as the change it records."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=64, db_index=True)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    version = models.ForeignKey(
        DocumentVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    summary = models.CharField(max_length=500)
    data = models.JSONField(default=dict, blank=True)
    # Each event's hash covers its own content and the previous event's hash, so changing or removing
    # any row breaks the chain from that point on (disclosure/audit_chain.py, manage.py verify_audit).
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering: ClassVar = ["id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or 'system'} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log is append-only.")
