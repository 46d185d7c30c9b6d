from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from disclosure.models import Case, DocumentVersion, Party

CORPUS_REGISTER = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev" / "cases.json"


def test_import_cases_creates_cases_with_family_and_professionals(db: None, tmp_path: Path) -> None:
    register = {
        "cases": [
            {
                "reference": "R-1",
                "title": "Test",
                "family": [{"name": "Ann Example", "role": "parent", "aliases": ["Ann", "Mrs Example"]}],
                "professionals": [{"name": "Bea Worker", "role": "Social Worker"}],
            }
        ]
    }
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(register))
    call_command("import_cases", str(path), "--team", "West")
    case = Case.objects.get(reference="R-1")
    assert case.team.name == "West"
    ann = case.parties.get(name="Ann Example")
    assert ann.kind == Party.Kind.FAMILY and ann.aliases == ["Ann", "Mrs Example"]
    assert case.parties.get(name="Bea Worker").kind == Party.Kind.PROFESSIONAL
    call_command("import_cases", str(path), "--team", "West")  # importing again changes nothing
    assert case.parties.count() == 2


@pytest.mark.skipif(not CORPUS_REGISTER.exists(), reason="shared corpus not beside the checkout")
def test_import_cases_reads_the_corpus_register(db: None) -> None:
    call_command("import_cases", str(CORPUS_REGISTER))
    assert Case.objects.count() == len(json.loads(CORPUS_REGISTER.read_text())["cases"])


@pytest.mark.parametrize("content", ["not json", '{"no_cases": []}', '{"cases": [{"title": "no reference"}]}'])
def test_import_cases_refuses_a_bad_register_clearly(db: None, tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError):
        call_command("import_cases", str(path))
    assert not Case.objects.exists()


def test_seed_demo_creates_logins_case_and_analysed_documents(
    db: None, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setenv("CLEARANCE_DEMO_PASSWORD", "demo-password-for-test")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    call_command("seed_demo")  # safe to run again
    for username in ("author", "checker", "dpo", "admin"):
        assert User.objects.get(username=username).check_password("demo-password-for-test")
    versions = DocumentVersion.objects.filter(document__case__reference="DEMO-001")
    assert versions.count() == 2
    assert all(v.status == DocumentVersion.Status.TRIAGE for v in versions)
    assert all(v.findings.filter(suggested_action="redact").exists() for v in versions)
