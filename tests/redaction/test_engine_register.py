"""Loading a case register into CaseContexts."""

from __future__ import annotations

import json

import pytest

from redaction.errors import EngineError
from redaction.register import load_register


def test_each_case_gets_all_other_cases_as_other_cases(register_data):
    contexts = load_register(register_data)
    assert set(contexts) == {"T-2001", "T-2002"}
    first = contexts["T-2001"]
    assert [p.name for p in first.family] == ["Chioma Okafor", "Tobi Okafor", "Hope Okafor"]
    assert first.family[0].aliases == ("Mrs Okafor", "Chioma")
    others = list(first.all_other_cases())
    assert [o.reference for o in others] == ["T-2002"]
    assert [p.name for p in others[0].people] == ["Darren Whitlock", "Kenzie Whitlock"]
    assert [p.name for p in others[0].professionals] == ["Oona Threlfall"]
    assert first.register is contexts["T-2002"].register  # one register, shared


def test_register_loads_from_a_path_and_from_json_text(tmp_path, register_data):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(register_data), encoding="utf-8")
    assert load_register(path) == load_register(str(path)) == load_register(json.dumps(register_data))


@pytest.mark.parametrize(
    "bad",
    [
        '{"cases": {}}',
        "not json",
        '{"cases": [{"title": "no reference"}]}',
        '{"cases": [{"reference": "X", "family": [{"role": "parent"}]}]}',
    ],
)
def test_malformed_register_raises_a_clear_error(bad):
    with pytest.raises(EngineError):
        load_register(bad)


def test_missing_register_file_raises_a_clear_error(tmp_path):
    with pytest.raises(EngineError, match="Cannot read"):
        load_register(tmp_path / "missing.json")


def _big_register() -> dict:
    cases = [
        {"reference": "OWN", "family": [{"name": "Chioma Okafor", "role": "parent"}, {"name": "Tobi Okafor"}]},
        {"reference": "NEXT", "family": [{"name": "Kenzie Whitlock", "role": "child"}]},
    ]
    cases += [{"reference": f"X-{n}", "family": [{"name": f"Person{n} Surname{n}"}]} for n in range(2000)]
    return {"cases": cases}


def test_one_case_is_read_for_its_documents_keeping_only_people_who_could_be_named():
    from redaction.register import load_case

    letter = "Tobi said that Kenzie Whitlock's brother was at the park."
    context = load_case(_big_register(), "OWN", [letter])
    assert context is not None and [p.name for p in context.family] == ["Chioma Okafor", "Tobi Okafor"]
    assert [o.reference for o in context.all_other_cases()] == ["NEXT"]
    assert load_case(_big_register(), "NOPE", [letter]) is None


def test_another_cases_child_is_found_through_the_shared_index():
    from redaction.detect import detect
    from redaction.register import load_register

    contexts = load_register(_big_register())
    text = "Tobi Okafor plays with Kenzie Whitlock after school.\nPerson17  Surname17's dog barked."
    findings = {f.text: f for f in detect(text, contexts["OWN"]) if f.category == "person"}
    assert findings["Kenzie Whitlock"].party == "other_case" and findings["Kenzie Whitlock"].action == "redact"
    assert findings["Person17  Surname17"].party == "other_case"
    assert findings["Tobi Okafor"].party == "family"
