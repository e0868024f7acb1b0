"""The three exports of demo citizens, read as the citizen reads them: words for every
code and id, Danish time, no Python repr; the JSON keeps each value beside its words.

The assessment of the track (the category "Din vej og hvordan den blev fastlagt") is
shown by the segmentation's own rules and checked by its tests; it is skipped here."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.consent.registry import TABLE_LABELS, Category, entry_for
from app.consent.services.export import collect_export
from app.consent.services.formatting import machine_value
from app.db import Base
from app.models import (
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    ConsentEvent,
    CorrectionRequest,
    Municipality,
    Occupation,
    Skill,
    TrackOverride,
)
from app.taxonomy.services import label_for

TRACK = "Din vej og hvordan den blev fastlagt"
RAW = [
    re.compile(r"\{'|\[\{|\bNone\b|\bTrue\b|\bFalse\b"),  # a Python repr
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # an ISO date
    re.compile(r"(?<![\d.,])\d+[.,]\d{3,}(?![\d.,])"),  # a long float
    re.compile(r"\bUTC\b|\+00:00"),  # a time in UTC
]


def _demo_citizens(db: Session) -> list[Citizen]:
    """One with an override, one with a correction, one who shares with a provider,
    and the one with most skills."""
    picks = [
        select(TrackOverride.citizen_id),
        select(CorrectionRequest.citizen_id),
        select(ConsentEvent.citizen_id).where(ConsentEvent.provider_id.is_not(None)),
        select(CitizenSkill.citizen_id)
        .group_by(CitizenSkill.citizen_id)
        .order_by(func.count().desc()),
    ]
    ids = list(dict.fromkeys(db.scalar(pick.limit(1)) for pick in picks))
    assert len(ids) >= 3 and None not in ids
    return [db.get(Citizen, i) for i in ids]


@pytest.fixture
def demo_citizens(small_demo: Session) -> list[Citizen]:
    return _demo_citizens(small_demo)


def _coded(table: str, column: str) -> bool:
    """Values that are codes or ids: an enum, a key, or a code stored as a string."""
    col = Base.metadata.tables[table].c[column]
    strings = {
        ("user_account", "locale"),
        ("contact_preferences", "language"),
        ("case_file", "language"),
        ("language_skill", "language"),
        ("citizen_industry", "industry"),
        ("personal_competence", "code"),
        ("driving_licence", "category"),
        ("access_log", "actor_role"),
        ("change_record", "actor_role"),
        ("plan_item", "author_role"),
        ("data_export", "format"),
        ("change_record", "table_name"),
        ("correction_request", "table_name"),
        ("change_record", "field"),
        ("correction_request", "field"),
        ("case_file", "priority"),
    }
    return (
        getattr(col.type, "enum_class", None) is not None
        or bool(col.foreign_keys)
        or (table, column) in strings
    )


def _names(db: Session, citizen: Citizen) -> list[str]:
    """The Danish names of the citizen's skills and occupations, and job centre."""
    skills = db.scalars(
        select(Skill.uri)
        .join(CitizenSkill, CitizenSkill.skill_id == Skill.id)
        .where(CitizenSkill.citizen_id == citizen.id)
    ).all()
    occupations = db.scalars(
        select(Occupation.uri)
        .join(CitizenOccupation, CitizenOccupation.occupation_id == Occupation.id)
        .where(CitizenOccupation.citizen_id == citizen.id)
    ).all()
    centre = db.scalar(
        select(Municipality.name).where(Municipality.id == citizen.municipality_id)
    )
    return [label_for(db, uri, "da") for uri in [*skills, *occupations]] + [
        f"Jobcenter {centre}"
    ]


def _assert_no_raw(text: str, where: str) -> None:
    for pattern in RAW:
        found = pattern.search(text)
        assert found is None, f"{where}: {found.group(0)!r} in {text!r}"[:300]


def test_the_printable_export_is_in_words(db, demo_citizens, login, get_page) -> None:
    for citizen in demo_citizens:
        login(citizen.user)
        page = get_page("/mine-data/eksport/udskrift")
        shown = [
            section
            for section in page.select(".my-data-print section")
            if section.h2.get_text(strip=True) != TRACK
        ]
        text = " ".join(s.get_text(" ", strip=True) for s in shown)
        for name in _names(db, citizen):
            assert name in text, (citizen.full_name, name)
        # Each value is its words, not the code it is stored as.
        codes = {
            str(machine_value(row[f.column]))
            for t in collect_export(db, citizen.id)
            for row in t.rows
            for f in t.fields
            if _coded(t.table, f.column)
            and row[f.column] is not None
            and not str(machine_value(row[f.column])).isdigit()
        }
        values = {dd.get_text(strip=True) for s in shown for dd in s.select("dd")}
        assert not values & codes, (citizen.full_name, values & codes)
        for value in values:
            _assert_no_raw(value, citizen.full_name)
        assert not re.search(r"Kompetence\s+\d", text)


def _csv_rows(client, citizen: Citizen) -> list[list[str]]:
    raw = client.get("/mine-data/eksport/csv").data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(raw), delimiter=";"))[1:]


def test_the_csv_holds_words_where_the_data_holds_codes(
    db, demo_citizens, client, login
) -> None:
    for citizen in demo_citizens:
        login(citizen.user)
        tables = collect_export(db, citizen.id)
        rows = _csv_rows(client, citizen)
        # The CSV lists the export's values in its order: each cell against its value.
        stored = [
            (t.table, f, row[f.column])
            for t in tables
            for row in t.rows
            for f in t.fields
        ]
        assert len(rows) == len(stored)
        for (table, entry, value), cells in zip(stored, rows, strict=True):
            category, kind, _number, label, words = cells[:5]
            assert kind == str(TABLE_LABELS[table]) and kind != table
            assert label == str(entry.label)
            if entry.category is Category.TRACK:
                continue
            _assert_no_raw(words, f"{citizen.full_name} {table}.{entry.column}")
            if value is not None and _coded(table, entry.column):
                assert words != str(machine_value(value)), (table, entry.column, words)
        text = "\n".join(";".join(cells) for cells in rows)
        for name in _names(db, citizen):
            assert name in text, (citizen.full_name, name)


def test_the_json_keeps_each_value_beside_its_words(
    db, demo_citizens, client, login
) -> None:
    for citizen in demo_citizens:
        login(citizen.user)
        document = json.loads(client.get("/mine-data/eksport/json").data)
        assert document["language"] == "da"
        # The machine value: ISO 8601 with the Danish offset, never UTC.
        assert re.search(r"\+0[12]:00$", document["exported_at"])
        _assert_no_raw(document["exported_at_label"], "exported_at_label")
        for table, content in document["tables"].items():
            assert content["label"] == str(TABLE_LABELS[table])
            assert len(content["labelled_rows"]) == len(content["rows"])
            for row, labelled in zip(
                content["rows"], content["labelled_rows"], strict=True
            ):
                assert set(labelled) == set(row) == set(content["fields"])
                for column, value in row.items():
                    pair: dict[str, Any] = labelled[column]
                    assert pair["value"] == value
                    assert isinstance(pair["label"], str) and pair["label"]
                    entry = entry_for(table, column)
                    if value is not None and _coded(table, column):
                        assert pair["label"] != str(value), (table, column)
                    if entry.category is not Category.TRACK:
                        _assert_no_raw(pair["label"], f"{table}.{column}")
        skills = document["tables"]["citizen_skill"]["labelled_rows"]
        names = _names(db, citizen)
        for skill in skills:
            assert skill["skill_id"]["label"] in names
            assert skill["skill_id"]["uri"]


def test_the_examples_of_the_issue_are_gone(db, demo_citizens, client, login) -> None:
    """ "Kompetence 4", "Stilling 61", "Dit jobcenter;1", raw codes and dict dumps."""
    for citizen in demo_citizens:
        login(citizen.user)
        rows = _csv_rows(client, citizen)
        cells = {(r[3], r[4]) for r in rows if r[0] != TRACK}
        assert not any(
            label == "Dit jobcenter" and value.isdigit() for label, value in cells
        )
        assert not any(
            label == "Kompetence" and value.isdigit() for label, value in cells
        )
        values = {value for _label, value in cells}
        for code in ("experience", "desired", "upper_secondary", "some", "maybe", "da"):
            assert code not in values
