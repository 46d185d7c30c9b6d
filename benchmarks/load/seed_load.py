"""Seeds the load-test world: a team of 50 authors and 10 checkers, a case, and a 100-page document in
triage with 500 findings, plus one awaiting check. Writes benchmarks/load/world.json for the locustfile.

    DATABASE_URL=postgres://... python benchmarks/load/seed_load.py
"""

from __future__ import annotations

import base64
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from disclosure.models import Case, Document, DocumentVersion, Party, RedactedOutput, Team  # noqa: E402
from review.models import Finding, ReasonCode  # noqa: E402

PASSWORD = "load-test-password-1"  # noqa: S105 - synthetic accounts on a throwaway database
FIRST = ["Gary", "Kelly", "Tyler", "Aisha", "Bogdan", "Siobhan", "Priya", "Wei", "Olu", "Hannah"]
LAST = ["Hollins", "Brennan", "Novak", "Okafor", "Hughes", "Begum", "Kowalski", "Reid", "Osei", "Walsh"]


def page_text(rng: random.Random, page: int) -> tuple[str, list[tuple[int, int, str]]]:
    """About 500 words with five third-party names; returns the text and the names' offsets."""
    words, spans, text = [], [], ""
    for sentence in range(25):
        if sentence % 5 == 0:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            prefix = f"At the meeting on page {page} the neighbour "
            spans.append((len(text) + len(prefix), len(text) + len(prefix) + len(name), name))
            sentence_text = f"{prefix}{name} was said to have shouted at the children again. "
        else:
            sentence_text = "The family were seen at home and the social worker discussed the plan with them. "
        text += sentence_text
        words.append(sentence_text)
    return text + "\n\f", spans


@transaction.atomic
def main() -> None:
    rng = random.Random(7)
    team, _ = Team.objects.get_or_create(name="Load team")
    groups = {name: Group.objects.get(name=name) for name in ("Author", "Checker")}
    users: dict[str, list[dict[str, str]]] = {"authors": [], "checkers": []}
    for role, count, key in (("Author", 50, "authors"), ("Checker", 10, "checkers")):
        for n in range(count):
            user, _ = User.objects.get_or_create(username=f"load-{role.lower()}-{n}")
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(groups[role])
            team.members.add(user)
            entry = {"username": user.username}
            if role == "Checker":
                device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
                    user=user, name="load", confirmed=True
                )
                entry["totp_key"] = base64.b32encode(device.bin_key).decode()
            users[key].append(entry)
    case, _ = Case.objects.get_or_create(reference="LOAD-1", defaults={"title": "Load test family", "team": team})
    mother, _ = Party.objects.get_or_create(case=case, kind="family", name="Adaeze Okafor")
    author = User.objects.get(username="load-author-0")
    reason = ReasonCode.objects.get(code="third_party_personal_data")

    versions = {}
    for label, status in (("triage", "triage"), ("check", "awaiting_check")):
        pages = [page_text(rng, p) for p in range(1, 101)]
        text, spans = "", []
        for page, page_spans in pages:
            spans.extend((s + len(text), e + len(text), name) for s, e, name in page_spans)
            text += page
        document = Document.objects.create(case=case, title=f"Load minutes ({label})", created_by=author)
        version = DocumentVersion(
            document=document,
            number=1,
            original_name="minutes.txt",
            file_format="txt",
            size=len(text),
            sha256="0" * 64,
            uploaded_by=author,
            status=status,
            extracted_text=text,
            progress=100,
        )
        version.original.save("minutes.txt", ContentFile(text.encode()), save=False)
        version.save()
        if status == "awaiting_check":
            output = RedactedOutput(version=version, format="pdf", file_name="out.pdf", sha256="1" * 64)
            output.file.save("out.pdf", ContentFile(b"%PDF-1.4 load"), save=True)
            version.output_sha256 = RedactedOutput.manifest_sha256({"pdf": output.sha256})
            version.save(update_fields=["output_sha256"])
        version.recipients.set([mother])
        Finding.objects.bulk_create(
            Finding(
                version=version,
                start=s,
                end=e,
                text=name,
                category="person",
                suggested_action="redact",
                party="third_party",
                explanation="Not the family or a known professional: a third party.",
                confidence=0.8,
                reason_code=reason,
            )
            for s, e, name in spans
        )
        versions[label] = version.pk
    out = Path(__file__).with_name("world.json")
    out.write_text(json.dumps({"password": PASSWORD, "versions": versions, "case": case.pk, **users}, indent=1))
    findings = Finding.objects.filter(version_id__in=versions.values()).count()
    print(f"Seeded: case {case.pk}, versions {versions}, {findings} findings -> {out}")


if __name__ == "__main__":
    main()
