"""Synthetic fixtures for the engine tests: a small invented case register and file builders."""

from __future__ import annotations

import pytest

from redaction.types import CaseContext, OtherCase, Person

REGISTER = {
    "cases": [
        {
            "reference": "T-2001",
            "title": "Okafor children",
            "family": [
                {"name": "Chioma Okafor", "role": "parent", "aliases": ["Mrs Okafor", "Chioma"]},
                {"name": "Tobi Okafor", "role": "child", "aliases": ["Tobi"]},
                {"name": "Hope Okafor", "role": "child", "aliases": ["Hope"]},
            ],
            "professionals": [
                {"name": "Rhiannon Pryce", "role": "Social Worker"},
                {"name": "Gareth Vance", "role": "Team Manager"},
            ],
        },
        {
            "reference": "T-2002",
            "title": "Whitlock family (neighbours)",
            "family": [
                {"name": "Darren Whitlock", "role": "parent", "aliases": ["Mr Whitlock"]},
                {"name": "Kenzie Whitlock", "role": "child", "aliases": ["Kenzie"]},
            ],
            "professionals": [{"name": "Oona Threlfall", "role": "Social Worker"}],
        },
    ]
}


@pytest.fixture
def register_data() -> dict:
    return REGISTER


@pytest.fixture
def context() -> CaseContext:
    return CaseContext(
        reference="T-2001",
        family=(
            Person("Chioma Okafor", "parent", ("Mrs Okafor", "Chioma")),
            Person("Tobi Okafor", "child", ("Tobi",)),
            Person("Hope Okafor", "child", ("Hope",)),
        ),
        professionals=(Person("Rhiannon Pryce", "Social Worker"), Person("Gareth Vance", "Team Manager")),
        other_cases=(
            OtherCase(
                "T-2002",
                (
                    Person("Darren Whitlock", "parent", ("Mr Whitlock",)),
                    Person("Kenzie Whitlock", "child", ("Kenzie",)),
                ),
                (Person("Oona Threlfall", "Social Worker"),),
            ),
        ),
    )
