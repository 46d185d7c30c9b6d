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
    assert [o.reference for o in first.other_cases] == ["T-2002"]
    assert [p.name for p in first.other_cases[0].people] == ["Darren Whitlock", "Kenzie Whitlock"]
    assert [p.name for p in first.other_cases[0].professionals] == ["Oona Threlfall"]


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
