"""The CV service: others' rows are unknown, the history is kept, and Mine data reads it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.audit import SYSTEM
from app.consent.registry import entry_for
from app.cv import queries
from app.cv import services as cv
from app.jobs import matching
from app.models import ChangeRecord, EducationLevel, LanguageLevel, WorkExperience
from tests.data import OCC, give_cv

pytestmark = pytest.mark.usefixtures("taxonomy")


def _job(**overrides):
    values = {
        "title_as_written": "Kok",
        "occupation_uri": OCC + "kok",
        "employer": "Kantinen A/S",
        "hide_employer": True,
        "started_on": date(2019, 1, 1),
        "ended_on": date(2021, 6, 1),
        "description": None,
    }
    values.update(overrides)
    return values


def test_another_citizens_row_is_unknown(db, make_citizen) -> None:
    owner, other = make_citizen(), make_citizen(first_name="Ali")
    row = cv.add_entry(db, owner.id, "work", _job(), actor=SYSTEM)
    with pytest.raises(LookupError):
        cv.update_entry(db, other.id, "work", row.id, _job(employer="X"), actor=SYSTEM)
    with pytest.raises(LookupError):
        cv.remove_entry(db, other.id, "work", row.id, actor=SYSTEM)
    db.refresh(row)
    assert row.employer == "Kantinen A/S"


def test_an_unknown_occupation_is_refused(db, make_citizen) -> None:
    citizen = make_citizen()
    with pytest.raises(LookupError):
        cv.add_entry(
            db, citizen.id, "work", _job(occupation_uri=OCC + "nope"), actor=SYSTEM
        )
    assert db.scalar(select(WorkExperience)) is None


def test_a_job_and_an_experience_row_count_once(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), history=["kok"])
    cv.add_entry(db, citizen.id, "work", _job(), actor=SYSTEM)
    cv.add_entry(
        db, citizen.id, "work", _job(occupation_uri=OCC + "tjener"), actor=SYSTEM
    )
    history = matching.profile_for(db, citizen.id).occupation_history
    assert history == (OCC + "kok", OCC + "tjener")


def test_unchanged_values_record_nothing(db, make_citizen) -> None:
    citizen = make_citizen()
    row = cv.add_entry(db, citizen.id, "work", _job(), actor=SYSTEM)
    before = len(list(db.scalars(select(ChangeRecord))))
    cv.update_entry(db, citizen.id, "work", row.id, _job(), actor=SYSTEM)
    assert len(list(db.scalars(select(ChangeRecord)))) == before
    cv.set_language(db, citizen.id, "da", LanguageLevel.NATIVE, actor=SYSTEM)
    cv.set_language(db, citizen.id, "da", LanguageLevel.NATIVE, actor=SYSTEM)
    with pytest.raises(LookupError):
        cv.set_language(db, citizen.id, "xx", LanguageLevel.GOOD, actor=SYSTEM)


def test_mine_data_rows_are_readable_and_registered(app, db, make_citizen) -> None:
    citizen = make_citizen()
    cv.add_entry(db, citizen.id, "work", _job(), actor=SYSTEM)
    cv.add_entry(
        db,
        citizen.id,
        "education",
        {
            "level": EducationLevel.VOCATIONAL,
            "title": "Ernæringsassistent",
            "institution": None,
            "start_year": 2012,
            "end_year": 2014,
            "completed": True,
        },
        actor=SYSTEM,
    )
    cv.set_language(db, citizen.id, "en", LanguageLevel.GOOD, actor=SYSTEM)
    cv.set_driving_licences(db, citizen.id, ["B"], actor=SYSTEM)
    cv.set_personal_competences(
        db, citizen.id, ["reliable", "flexible"], "Glad for travlhed", actor=SYSTEM
    )
    with app.test_request_context(headers={"Accept-Language": "da"}):
        rows = queries.my_data_rows(db, citizen.id, "da")
        values = [row.value for row in rows]
        assert any(
            "Kok" in v and "juni 2021" in v and "skjult for arbejdsgivere" in v
            for v in values
        )
        assert "Ernæringsassistent; Erhvervsuddannelse; 2012–2014" in values
        assert "Pålidelig, Fleksibel" in values and "Glad for travlhed" in values
        for row in rows:
            entry = entry_for(row.table, row.column)
            assert not entry.technical and entry.label is not None
            assert row.table in queries.CV_TABLES
