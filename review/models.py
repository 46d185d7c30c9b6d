"""What the engine suggested, what the author decided, and what the independent checker concluded."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from disclosure.models import DocumentVersion

CATEGORY_LABELS = {
    "person": "Person",
    "address": "Address",
    "postcode": "Postcode",
    "phone": "Phone number",
    "email": "Email address",
    "date_of_birth": "Date of birth",
    "nhs_number": "NHS number",
    "ni_number": "National Insurance number",
    "criminal_allegation": "Criminal allegation",
    "copied_text": "Copied from another case",
    "manual": "Manual redaction",
}
PARTY_LABELS = {
    "family": "family",
    "professional": "professional",
    "third_party": "third party",
    "other_case": "another case's family",
    "unknown": "unknown person",
}
DEFAULT_REASON_CODE = "third_party_personal_data"


class ReasonCode(models.Model):
    """Why a passage is withheld; managed by admins, shown in each redaction box."""

    code = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering: ClassVar = ["label"]

    def __str__(self) -> str:
        return self.label


class Finding(models.Model):
    """A span of a version's extracted text: an engine suggestion or a manual redaction, and its decision.

    Effective outcome: decision REDACT -> redacted; KEEP -> left in; PENDING -> as the engine suggested
    for "redact" suggestions (the safe default), left in otherwise.
    """

    class Source(models.TextChoices):
        ENGINE = "engine", "Suggested"
        MANUAL = "manual", "Added by hand"

    class Decision(models.TextChoices):
        PENDING = "pending", "Not yet decided"
        REDACT = "redact", "Redact"
        KEEP = "keep", "Keep"

    class Suggestion(models.TextChoices):
        REDACT = "redact", "Redact"
        REVIEW = "review", "Review"
        KEEP = "keep", "Keep"

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="findings")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ENGINE)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    category = models.CharField(max_length=40)
    suggested_action = models.CharField(max_length=10, choices=Suggestion.choices)
    party = models.CharField(max_length=20, blank=True)
    explanation = models.CharField(max_length=300, blank=True)
    confidence = models.FloatField(default=0.5)
    reason_code = models.ForeignKey(ReasonCode, on_delete=models.PROTECT, null=True, blank=True)

    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decision_note = models.CharField(max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["start", "end", "id"]
        indexes: ClassVar = [models.Index(fields=["version", "decision"])]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="finding_span_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.text!r} ({self.start}-{self.end})"

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category.replace("_", " ").capitalize())

    @property
    def party_label(self) -> str:
        return PARTY_LABELS.get(self.party, self.party.replace("_", " "))

    @classmethod
    def redacted_q(cls) -> Q:
        """is_redacted as a database condition."""
        return Q(decision=cls.Decision.REDACT) | Q(
            decision=cls.Decision.PENDING, suggested_action=cls.Suggestion.REDACT
        )

    @property
    def is_redacted(self) -> bool:
        if self.decision == self.Decision.PENDING:
            return self.suggested_action == self.Suggestion.REDACT
        return self.decision == self.Decision.REDACT

    @property
    def is_rejected_suggestion(self) -> bool:
        return (
            self.source == self.Source.ENGINE
            and self.suggested_action == self.Suggestion.REDACT
            and self.decision == self.Decision.KEEP
        )


class Picture(models.Model):
    """A picture in a version. It may show text no extraction reads (a scan, a screenshot of messages),
    so someone must look at it before the version can be approved; withheld, every output shows a
    labelled black box in its place."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Not yet looked at"
        SHOWN = "shown", "Looked at: nothing to withhold"
        WITHHELD = "withheld", "Withheld"

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="pictures")
    ref = models.CharField(max_length=255)  # the engine's name for it (redaction.types.Picture.ref)
    location = models.CharField(max_length=120)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["version", "ref"], name="picture_ref_unique_in_version"),
            models.CheckConstraint(
                condition=Q(decision="pending") | Q(decided_by__isnull=False), name="picture_decision_has_person"
            ),
        ]

    def __str__(self) -> str:
        return f"picture in {self.location} ({self.get_decision_display()})"


class CheckDecision(models.Model):
    """An independent checker's approval or return of one submitted version."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned to author"

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="checks")
    checker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Copied from the version so the database itself can refuse a self-check.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    comments = models.TextField(blank=True)
    output_sha256 = models.CharField(max_length=64)
    submitted_at = models.DateTimeField(null=True, blank=True, help_text="When the checked submission was made.")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-decided_at"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=~Q(checker=F("author")), name="check_checker_is_not_author"),
            models.CheckConstraint(
                condition=~Q(outcome="returned") | ~Q(comments=""), name="check_return_has_comments"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} by {self.checker} ({self.version})"
