"""The demo CVs' education, work history, languages, licences and certificates."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.cv import CvGenerator
from app.demo.generator import REFERENCE_DATE
from app.models import (
    Citizen,
    CitizenOccupation,
    DrivingLicence,
    Education,
    LanguageLevel,
    LanguageSkill,
    OccupationLink,
    ScreeningAnswers,
    WorkExperience,
)


def test_work_history_follows_the_experience_rows(small_demo: Session) -> None:
    experience: dict[int, list[int]] = defaultdict(list)
    for citizen_id, occupation_id in small_demo.execute(
        select(CitizenOccupation.citizen_id, CitizenOccupation.occupation_id)
        .where(CitizenOccupation.link == OccupationLink.EXPERIENCE)
        .order_by(CitizenOccupation.citizen_id, CitizenOccupation.id)
    ):
        experience[citizen_id].append(occupation_id)
    work: dict[int, list[WorkExperience]] = defaultdict(list)
    for row in small_demo.scalars(
        select(WorkExperience).order_by(WorkExperience.citizen_id, WorkExperience.id)
    ):
        work[row.citizen_id].append(row)
    assert experience and set(work) == set(experience)
    for citizen_id, jobs in work.items():
        assert [job.occupation_id for job in jobs] == experience[citizen_id]
        for job in jobs:
            assert job.title_as_written and job.employer
            assert job.started_on <= job.ended_on < REFERENCE_DATE
        # Newest first, and no overlaps.
        for newer, older in zip(jobs, jobs[1:], strict=False):
            assert older.ended_on <= newer.started_on


def test_every_cv_has_education_danish_and_sensible_years(small_demo: Session):
    with_cv = set(small_demo.scalars(select(WorkExperience.citizen_id)))
    born = dict(small_demo.execute(select(Citizen.id, Citizen.birth_date)).all())
    educated = set()
    for row in small_demo.scalars(select(Education)):
        educated.add(row.citizen_id)
        assert row.start_year <= row.end_year <= REFERENCE_DATE.year
        assert row.end_year >= born[row.citizen_id].year + 16
    assert educated == with_cv
    answers = {a.citizen_id: a for a in small_demo.scalars(select(ScreeningAnswers))}
    languages = defaultdict(dict)
    for row in small_demo.scalars(select(LanguageSkill)):
        languages[row.citizen_id][row.language] = row.level
    for citizen_id in with_cv:
        answer = answers.get(citizen_id)
        if answer is not None and answer.danish_level is not LanguageLevel.NONE:
            assert languages[citizen_id]["da"] is answer.danish_level
        if answer is not None and answer.english_level is LanguageLevel.NONE:
            assert "en" not in languages[citizen_id]
    licences = set(small_demo.scalars(select(DrivingLicence.citizen_id)))
    assert 0.5 < len(licences) / len(with_cv) < 0.9


def test_the_same_seed_gives_the_same_cv() -> None:
    jobs = [(1, "Kok", 3, "5120"), (2, "Opvasker", 1, "9412")]
    first = CvGenerator(7, REFERENCE_DATE).rows(1, date(1990, 5, 1), jobs, None, None)
    again = CvGenerator(7, REFERENCE_DATE).rows(1, date(1990, 5, 1), jobs, None, None)
    other = CvGenerator(8, REFERENCE_DATE).rows(1, date(1990, 5, 1), jobs, None, None)
    assert first == again and first != other
