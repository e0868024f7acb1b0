"""Importing postings: good rows kept, each bad row reported with its line and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.jobs.postings import import_postings
from app.models import Hours, Occupation, Posting, PostingSkill, Skill, TaxonomySource

NURSE = "test:occupation/nurse"
CARE = "test:skill/care"
HYGIENE = "test:skill/hygiene"


@pytest.fixture
def taxonomy(db):
    source = TaxonomySource(name="test", version="1", languages="da,en")
    db.add(source)
    db.flush()
    db.add(Occupation(uri=NURSE, isco_code="2221", source_id=source.id))
    db.add_all(
        [Skill(uri=CARE, source_id=source.id), Skill(uri=HYGIENE, source_id=source.id)]
    )
    db.flush()


def _count(db, model) -> int:
    return db.scalar(select(func.count()).select_from(model))


def test_csv_keeps_good_rows_and_reports_bad_ones_by_line(
    db, taxonomy, tmp_path
) -> None:
    path = tmp_path / "opslag.csv"
    path.write_text(
        "external_id;employer;title;occupation;required_skills;optional_skills;postcode;"
        "hours;deadline\n"
        f"a1;Region Hovedstaden;Sygeplejerske;{NURSE};{CARE};{HYGIENE};2200;fuldtid;2030-01-31\n"
        "a2;Netto;Butiksassistent;;;;99999;deltid;\n"
        "a3;Bilka;;;;;8000;full;\n"
        f"a4;Rigshospitalet;Nattevagt;;{CARE}|test:skill/unknown;;2100;part;\n"
        "a5;Føtex;Kasse;;;;8000;sometimes;\n"
        "a6;Lidl;Lager;;;;5000;full;31-12-2030\n"
        "a7;Coop;Butik;;;;2200;deltid;\n",
        encoding="utf-8",
    )
    before = _count(db, Posting)
    report = import_postings(db, path)
    assert report.created == 2
    assert [(p.line, p.reason) for p in report.problems] == [
        (3, "postcode must be four digits"),
        (4, "title is missing"),
        (5, "required_skills: unknown skill 'test:skill/unknown'"),
        (6, "hours must be full or part (fuldtid or deltid)"),
        (7, "deadline must be a date like 2026-12-31"),
    ]
    assert _count(db, Posting) == before + 2
    nurse = db.scalars(select(Posting).where(Posting.external_id == "a1")).one()
    assert nurse.city == "København N" and nurse.hours is Hours.FULL_TIME
    assert nurse.latitude == pytest.approx(55.69, abs=0.05)
    skills = db.execute(
        select(PostingSkill.required).where(PostingSkill.posting_id == nurse.id)
    ).scalars()
    assert sorted(skills) == [False, True]


def test_json_array_and_reimport_updates_instead_of_duplicating(
    db, taxonomy, tmp_path
) -> None:
    rows = [
        {
            "external_id": "j1",
            "employer": "Aarhus Kommune",
            "title": "Pædagog",
            "postcode": "8000",
            "hours": "full",
            "synthetic": True,
        },
        {
            "external_id": "j2",
            "employer": "Odense Kommune",
            "title": "x" * 201,
            "postcode": "5000",
        },
        "not an object",
    ]
    path = tmp_path / "opslag.json"
    path.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    first = import_postings(db, path, source="test-feed")
    assert first.created == 1
    assert [p.reason for p in first.problems] == [
        "title is longer than 200 characters",
        "a posting must be an object with named fields",
    ]
    assert [p.line for p in first.problems] == [10, 16]
    rows[0]["title"] = "Pædagog til vuggestue"
    path.write_text(json.dumps(rows[:1]), encoding="utf-8")
    second = import_postings(db, path, source="test-feed")
    assert (second.created, second.updated) == (0, 1)
    titles = db.scalars(
        select(Posting.title).where(Posting.source == "test-feed")
    ).all()
    assert titles == ["Pædagog til vuggestue"]


def test_broken_json_keeps_the_rows_before_the_break(db, taxonomy, tmp_path) -> None:
    path = tmp_path / "opslag.jsonl"
    path.write_text(
        '{"external_id": "l1", "employer": "Salling", "title": "Lager", "postcode": "8200"}\n'
        '{"external_id": "l2", "employer": "Salling", "title": \n',
        encoding="utf-8",
    )
    report = import_postings(db, path)
    assert report.created == 1
    assert report.problems[0].line == 2
    assert "not valid JSON" in report.problems[0].reason


def test_a_file_of_another_kind_is_refused(db, tmp_path: Path) -> None:
    path = tmp_path / "opslag.xlsx"
    path.write_bytes(b"PK")
    report = import_postings(db, path)
    assert (
        report.kept == 0
        and "must end in .csv, .json, .jsonl" in report.problems[0].reason
    )


def test_the_cli_prints_problems_and_a_summary(app, db, taxonomy, tmp_path) -> None:
    path = tmp_path / "opslag.csv"
    path.write_text(
        "employer,title,postcode\nNetto,Butiksassistent,2200\nNetto,,2200\n",
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["postings", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "line 3: title is missing" in result.output
    assert "1 postings created, 0 updated, 1 rows rejected" in result.output
