"""Writes for cases, parties, uploads and releases. Each is one transaction with its audit event."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from disclosure.audit import audit_record
from disclosure.errors import ActionRefused
from disclosure.models import Case, Document, DocumentVersion, Party, Release, Team
from disclosure.outputs import output_bytes, outputs_verify_stored
from disclosure.uploads import check_upload

log = logging.getLogger(__name__)
Status = DocumentVersion.Status

# Versions in these states carry a submission or approval that a newer upload must void.
_VOIDABLE = (
    Status.UPLOADED,
    Status.ANALYSING,
    Status.FAILED,
    Status.TRIAGE,
    Status.AWAITING_CHECK,
    Status.RETURNED,
    Status.APPROVED,
)


@dataclass(frozen=True)
class PartyInput:
    name: str
    role: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)


def case_create(
    *,
    user: User,
    team: Team,
    reference: str,
    title: str,
    family: Sequence[PartyInput] = (),
    professionals: Sequence[PartyInput] = (),
    addresses: Sequence[str] = (),
) -> Case:
    reference = reference.strip()
    if Case.objects.filter(reference__iexact=reference).exists():
        raise ActionRefused(f"A case with reference {reference} already exists.")
    with transaction.atomic():
        case = Case.objects.create(
            reference=reference,
            title=title.strip(),
            team=team,
            created_by=user,
            addresses=[a.strip() for a in addresses if a.strip()],
        )
        _parties_create(case, Party.Kind.FAMILY, family)
        _parties_create(case, Party.Kind.PROFESSIONAL, professionals)
        audit_record(
            actor=user,
            action="case.created",
            case=case,
            summary=f"Created case {case.reference} for {team.name}",
            data={"family": [p.name for p in family], "professionals": [p.name for p in professionals]},
        )
    return case


def party_add(*, user: User, case: Case, kind: str, person: PartyInput) -> Party:
    with transaction.atomic():
        party = Party.objects.create(
            case=case, kind=kind, name=person.name.strip(), role=person.role.strip(), aliases=list(person.aliases)
        )
        audit_record(
            actor=user,
            action="party.added",
            case=case,
            summary=f"Added {party.get_kind_display().lower()} {party.name}",
            data={"party": party.pk, "kind": kind, "role": party.role, "aliases": party.aliases},
        )
    return party


def party_update(*, user: User, party: Party, person: PartyInput) -> Party:
    with transaction.atomic():
        before = {"name": party.name, "role": party.role, "aliases": party.aliases}
        party.name, party.role, party.aliases = person.name.strip(), person.role.strip(), list(person.aliases)
        party.save(update_fields=["name", "role", "aliases"])
        audit_record(
            actor=user,
            action="party.changed",
            case=party.case,
            summary=f"Changed {party.get_kind_display().lower()} {party.name}",
            data={
                "party": party.pk,
                "before": before,
                "after": {"name": party.name, "role": party.role, "aliases": party.aliases},
            },
        )
    return party


def cases_import(*, register: dict[str, Any], team: Team, user: User | None = None) -> tuple[int, int]:
    """Creates or refreshes cases from a register (../shared/corpus/README.md format).

    Returns (created, updated). People are matched by name and updated, never deleted: earlier
    versions and releases keep pointing at the parties they were sent to, so re-importing is safe.
    """
    entries = register.get("cases")
    if not isinstance(entries, list):
        raise ActionRefused('The register must be a JSON object with a "cases" list.')
    created = updated = 0
    with transaction.atomic():
        for entry in entries:
            reference = str(entry.get("reference", "")).strip()
            if not reference:
                raise ActionRefused("Every case in the register needs a reference.")
            raw_addresses = entry.get("addresses") or ([entry["address"]] if entry.get("address") else [])
            addresses = [str(a).strip() for a in raw_addresses if str(a).strip()]
            case, is_new = Case.objects.get_or_create(
                reference=reference,
                defaults={
                    "title": entry.get("title", reference)[:200],
                    "team": team,
                    "created_by": user,
                    "addresses": addresses,
                },
            )
            if not is_new:
                case.title = entry.get("title", case.title)[:200]
                case.addresses = addresses or case.addresses
                case.save(update_fields=["title", "addresses"])
            _parties_upsert(case, Party.Kind.FAMILY, _people(entry.get("family", [])))
            _parties_upsert(case, Party.Kind.PROFESSIONAL, _people(entry.get("professionals", [])))
            created += is_new
            updated += not is_new
            audit_record(
                actor=user,
                action="case.imported",
                case=case,
                summary=f"{'Imported' if is_new else 'Refreshed'} case {reference} from a register",
                data={"team": team.name},
            )
    return created, updated


def _people(raw: Iterable[dict[str, Any]]) -> list[PartyInput]:
    people = []
    for item in raw:
        name = str(item.get("name", "")).strip()
        if not name:
            raise ActionRefused("Every person in the register needs a name.")
        aliases = tuple(str(a).strip() for a in item.get("aliases", []) if str(a).strip())
        people.append(PartyInput(name=name, role=str(item.get("role", "")), aliases=aliases))
    return people


def _parties_upsert(case: Case, kind: str, people: Iterable[PartyInput]) -> None:
    existing = {p.name.casefold(): p for p in case.parties.filter(kind=kind)}
    for person in people:
        party = existing.get(person.name.casefold())
        if party is None:
            _parties_create(case, kind, [person])
        else:
            party.role, party.aliases = person.role.strip(), list(person.aliases)
            party.save(update_fields=["role", "aliases"])


def _parties_create(case: Case, kind: str, people: Iterable[PartyInput]) -> None:
    Party.objects.bulk_create(
        Party(case=case, kind=kind, name=p.name.strip(), role=p.role.strip(), aliases=list(p.aliases)) for p in people
    )


def version_upload(
    *,
    user: User,
    case: Case,
    uploaded_file: UploadedFile,
    recipients: Sequence[Party],
    document: Document | None = None,
    title: str = "",
) -> DocumentVersion:
    """Stores a new version and queues its analysis once the transaction commits.

    A newer upload of a document voids any submission or approval of its earlier versions.
    """
    checked = check_upload(uploaded_file)
    if not recipients:
        raise ActionRefused("Choose at least one recipient from the family.")
    if any(p.case_id != case.pk or p.kind != Party.Kind.FAMILY for p in recipients):
        raise ActionRefused("Recipients must be members of this case's family.")
    if document is not None and document.case_id != case.pk:
        raise ActionRefused("That document belongs to another case.")

    # The file is written before the transaction; if the transaction fails it is removed again,
    # so there is never a record without its file nor a file without its record.
    version = DocumentVersion(
        original_name=checked.display_name,
        file_format=checked.file_format,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=user,
    )
    version.original.save(checked.display_name, uploaded_file, save=False)
    try:
        with transaction.atomic():
            if document is None:
                document = Document.objects.create(
                    case=case, title=(title.strip() or checked.display_name)[:200], created_by=user
                )
            else:
                document = Document.objects.select_for_update().get(pk=document.pk)
                _supersede_earlier_versions(user, document)
            version.document = document
            version.number = (document.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
            version.save()
            version.recipients.set(recipients)
            audit_record(
                actor=user,
                action="version.uploaded",
                version=version,
                case=case,
                summary=f"Uploaded {checked.display_name} as version {version.number} of {document.title}",
                data={
                    "sha256": checked.sha256,
                    "size": checked.size,
                    "format": checked.file_format,
                    "recipients": [p.name for p in recipients],
                },
            )
            analysis_enqueue(version)
    except BaseException:
        version.original.delete(save=False)
        raise
    return version


def _supersede_earlier_versions(user: User, document: Document) -> None:
    for earlier in document.versions.filter(status__in=_VOIDABLE):
        had_approval = earlier.status == Status.APPROVED
        DocumentVersion.objects.filter(pk=earlier.pk).update(
            status=Status.SUPERSEDED,
            approved_by=None,
            approved_at=None,
            approved_sha256="",
            status_changed_at=timezone.now(),
        )
        audit_record(
            actor=user,
            action="version.superseded",
            version=earlier,
            summary=f"Version {earlier.number} superseded by a new upload"
            + ("; its approval is void" if had_approval else ""),
            data={"previous_status": earlier.status},
        )


QUEUE_DOWN = "Analysis is delayed: the task queue cannot be reached. It will start once the queue is back."


def send_after_commit(send: Callable[[], object], waiting: QuerySet[DocumentVersion], delayed: str) -> None:
    """Send a task once the transaction commits, for the version `waiting` selects while it still waits.

    With the broker down the work is safe in the database: the version's page says it is delayed
    (`delayed`), and `manage.py requeue_analysis` (run from cron) sends it again once the broker is back.
    """

    def attempt() -> None:
        try:
            send()
        except Exception:
            log.exception("Could not queue a task for %s", list(waiting.values_list("pk", flat=True)))
            waiting.update(queue_error=delayed)
        else:
            waiting.exclude(queue_error="").update(queue_error="")

    transaction.on_commit(attempt)


def analysis_enqueue(version: DocumentVersion) -> None:
    from redaction.tasks import analyse_version

    version_id = version.pk
    waiting = DocumentVersion.objects.filter(pk=version_id, status=Status.UPLOADED)
    send_after_commit(lambda: analyse_version.delay(version_id), waiting, QUEUE_DOWN)


def analysis_retry(*, user: User, version: DocumentVersion) -> None:
    with transaction.atomic():
        claimed = DocumentVersion.objects.filter(
            pk=version.pk, status__in=[Status.FAILED, Status.UPLOADED, Status.ANALYSING]
        ).update(status=Status.UPLOADED, progress=0, failure_reason="", status_changed_at=timezone.now())
        if not claimed:
            raise ActionRefused("This version is not waiting for analysis.")
        audit_record(actor=user, action="analysis.retried", version=version, summary="Asked to analyse again")
        analysis_enqueue(version)


def release_create(
    *, user: User, version: DocumentVersion, method: str, recipients: Sequence[Party], output_format: str = "pdf"
) -> Release:
    """Releases exactly the approved bytes, or nothing: record, file and audit event together."""
    if version.status != Status.APPROVED or not version.approved_sha256:
        raise ActionRefused("Only an approved version can be released.")
    if not recipients:
        raise ActionRefused("Choose who the document is going to.")
    if any(p.case_id != version.document.case_id or p.kind != Party.Kind.FAMILY for p in recipients):
        raise ActionRefused("Recipients must be members of this case's family.")
    output = version.outputs.filter(format=output_format).first()
    if output is None:
        raise ActionRefused(f"There is no {output_format.upper()} output to release.")
    outputs_verify_stored(version, version.approved_sha256)  # the approved set, byte for byte
    data = output_bytes(output)

    release = Release(
        version=version,
        recipients_text="; ".join(str(p) for p in recipients),
        method=method,
        released_by=user,
        checked_by=version.approved_by,
        file_name=output.file_name,
        format=output.format,
        sha256=output.sha256,
    )
    release.file.save(output.file_name, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            claimed = DocumentVersion.objects.filter(
                pk=version.pk, status=Status.APPROVED, approved_sha256=version.approved_sha256
            ).update(status=Status.RELEASED, status_changed_at=timezone.now())
            if claimed != 1:
                raise ActionRefused("This version changed while you were releasing it. Nothing was released.")
            release.save()
            release.recipients.set(recipients)
            audit_record(
                actor=user,
                action="version.released",
                version=version,
                summary=f"Released {release.file_name} to {release.recipients_text} by {release.get_method_display()}",
                data={
                    "sha256": output.sha256,
                    "format": output.format,
                    "method": method,
                    "recipients": [p.name for p in recipients],
                    "checked_by": version.approved_by.get_username() if version.approved_by else "",
                },
            )
    except BaseException:
        release.file.delete(save=False)
        raise
    version.refresh_from_db()
    return release


def download_record(*, user: User, version: DocumentVersion, what: str, file_name: str) -> None:
    with transaction.atomic():
        audit_record(actor=user, action=f"download.{what}", version=version, summary=f"Downloaded {what}: {file_name}")


def version_progress(*, version_id: int, percent: int) -> None:
    """Progress from the worker; a plain update, so it never waits on the user's transactions."""
    DocumentVersion.objects.filter(pk=version_id, status=Status.ANALYSING).update(progress=max(0, min(percent, 99)))
