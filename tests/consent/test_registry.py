"""The registry of personal data declares every column of every table about a citizen."""

from __future__ import annotations

from sqlalchemy import Table

import app.models  # noqa: F401  (every model registered on Base.metadata)
from app.consent.registry import (
    BY_COLUMN,
    CATEGORY_LABELS,
    PURPOSE_LABELS,
    REGISTRY,
    SOURCE_LABELS,
    Category,
    Purpose,
    Source,
)
from app.db import Base

# The citizen's own login row is linked from citizen.user_id, not by a key to citizen.id.
ALSO_ABOUT_THE_CITIZEN = {"citizen", "user_account"}


def _tables_about_a_citizen() -> list[Table]:
    tables = []
    for table in Base.metadata.sorted_tables:
        points_to_citizen = any(
            fk.column.table.name == "citizen" and fk.column.name == "id"
            for fk in table.foreign_keys
        )
        if points_to_citizen or table.name in ALSO_ABOUT_THE_CITIZEN:
            tables.append(table)
    return tables


def test_every_column_of_a_table_about_a_citizen_is_declared() -> None:
    missing = [
        f"{table.name}.{column.name}"
        for table in _tables_about_a_citizen()
        for column in table.columns
        if (table.name, column.name) not in BY_COLUMN
    ]
    assert missing == [], f"declare these in app/consent/registry.py: {missing}"


def test_the_walk_finds_the_known_tables() -> None:
    names = {table.name for table in _tables_about_a_citizen()}
    assert {
        "citizen",
        "user_account",
        "citizen_skill",
        "citizen_occupation",
        "job_preferences",
        "access_log",
        "change_record",
    } <= names


def test_every_entry_names_a_real_column_once() -> None:
    tables = Base.metadata.tables
    for entry in REGISTRY:
        assert entry.table in tables, entry
        assert entry.column in tables[entry.table].columns, entry
    assert len(BY_COLUMN) == len(REGISTRY), "a column is declared twice"


def test_entries_are_complete_and_from_the_allowed_sets() -> None:
    for entry in REGISTRY:
        if entry.technical:
            assert entry.reason, (
                f"{entry.table}.{entry.column}: technical needs a reason"
            )
            continue
        assert entry.label, entry
        assert entry.category in set(Category), entry
        assert entry.source in set(Source), entry
        assert entry.purposes and entry.purposes <= set(Purpose), entry
        assert entry.legal_basis and entry.retention, entry


def test_every_category_source_and_purpose_has_a_label() -> None:
    assert set(CATEGORY_LABELS) == set(Category)
    assert set(SOURCE_LABELS) == set(Source)
    assert set(PURPOSE_LABELS) == set(Purpose)


def test_a_new_column_about_a_citizen_is_caught(monkeypatch) -> None:
    from app.consent import registry

    entries = dict(registry.BY_COLUMN)
    del entries[("job_preferences", "hours")]
    monkeypatch.setattr("tests.consent.test_registry.BY_COLUMN", entries, raising=True)
    try:
        test_every_column_of_a_table_about_a_citizen_is_declared()
    except AssertionError as error:
        assert "job_preferences.hours" in str(error)
    else:
        raise AssertionError("a missing column went unnoticed")
