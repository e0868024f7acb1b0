"""The demo load's synthetic CVs: plausible, and every one finds jobs and alternatives."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import geo
from app.demo.generator import REFERENCE_DATE
from app.demo.profiles import age_on
from app.models import (
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    HoursPreference,
    JobPreferences,
    OccupationLink,
    Posting,
    PostingSkill,
    Skill,
)
from tests.demo.demo_checks import cv_citizens, occupation_skills


def test_about_15_percent_of_citizens_keep_an_empty_cv(small_demo: Session) -> None:
    citizens = set(small_demo.scalars(select(Citizen.id)))
    with_cv = cv_citizens(small_demo)
    assert with_cv <= citizens
    empty = citizens - with_cv
    assert 0.07 <= len(empty) / len(citizens) <= 0.25
    for table in (CitizenSkill, CitizenOccupation):
        assert set(small_demo.scalars(select(table.citizen_id))) == with_cv


def test_cvs_are_plausible_and_use_the_taxonomy(small_demo: Session) -> None:
    skill_ids = set(small_demo.scalars(select(Skill.id)))
    links = occupation_skills(small_demo)
    born = dict(small_demo.execute(select(Citizen.id, Citizen.birth_date)).all())
    skills: dict[int, set[int]] = defaultdict(set)
    for citizen_id, skill_id in small_demo.execute(
        select(CitizenSkill.citizen_id, CitizenSkill.skill_id)
    ):
        skills[citizen_id].add(skill_id)
    jobs: dict[int, list[CitizenOccupation]] = defaultdict(list)
    for row in small_demo.scalars(select(CitizenOccupation)):
        jobs[row.citizen_id].append(row)
    from_jobs = 0
    for citizen_id in cv_citizens(small_demo):
        assert skills[citizen_id] <= skill_ids
        assert 4 <= len(skills[citizen_id]) <= 10
        experience = [
            r for r in jobs[citizen_id] if r.link is OccupationLink.EXPERIENCE
        ]
        desired = [r for r in jobs[citizen_id] if r.link is OccupationLink.DESIRED]
        assert 1 <= len(experience) <= 2
        assert len(desired) <= 2
        age = age_on(born[citizen_id], REFERENCE_DATE)
        for row in experience:
            assert row.years is not None
            assert 1 <= row.years <= min(15, max(1, age - 18))
            assert row.title_as_written
        known = {s for r in jobs[citizen_id] for s in links[r.occupation_id]}
        from_jobs += len(skills[citizen_id] & known)
    total = sum(len(s) for s in skills.values())
    assert from_jobs >= 0.8 * total  # mostly their own occupations' skills
    preferences = small_demo.scalars(select(JobPreferences)).all()
    assert {p.max_distance_km for p in preferences} == {10, 20, 30, 50}
    assert {p.hours for p in preferences} == set(HoursPreference)
    share_open = sum(p.open_to_other_industries for p in preferences) / len(preferences)
    assert 0.6 <= share_open < 1


def test_every_citizen_with_a_cv_has_jobs_within_30_km(small_demo: Session) -> None:
    places = [
        (posting_id, geo.postcode_info(code), occupation_id)
        for posting_id, code, occupation_id in small_demo.execute(
            select(Posting.id, Posting.postcode, Posting.occupation_id)
        )
    ]
    required: dict[int, set[int]] = defaultdict(set)
    for posting_id, skill_id in small_demo.execute(
        select(PostingSkill.posting_id, PostingSkill.skill_id).where(
            PostingSkill.required
        )
    ):
        required[posting_id].add(skill_id)
    skills: dict[int, set[int]] = defaultdict(set)
    for citizen_id, skill_id in small_demo.execute(
        select(CitizenSkill.citizen_id, CitizenSkill.skill_id)
    ):
        skills[citizen_id].add(skill_id)
    occupations: dict[int, set[int]] = defaultdict(set)
    for citizen_id, occupation_id in small_demo.execute(
        select(CitizenOccupation.citizen_id, CitizenOccupation.occupation_id)
    ):
        occupations[citizen_id].add(occupation_id)
    same_occupation = 0
    for citizen_id, postcode in small_demo.execute(
        select(Citizen.id, Citizen.postcode).where(
            Citizen.id.in_(cv_citizens(small_demo))
        )
    ):
        home = geo.postcode_info(postcode)
        assert home is not None
        near = [
            (posting_id, occupation_id)
            for posting_id, place, occupation_id in places
            if place is not None
            and geo.haversine_km(home.lat, home.lon, place.lat, place.lon) <= 30
        ]
        assert any(required[p] & skills[citizen_id] for p, _ in near), citizen_id
        same_occupation += any(o in occupations[citizen_id] for _, o in near)
    assert same_occupation >= 0.6 * len(cv_citizens(small_demo))


def test_every_citizen_with_a_cv_sees_matches_and_alternatives(
    small_demo: Session,
) -> None:
    """The issue's promise, through the real matching service and each citizen's own
    saved distance and hours."""
    from app.jobs import queries

    citizen_ids = sorted(cv_citizens(small_demo))
    assert citizen_ids
    for citizen_id in citizen_ids:
        jobs = queries.jobs_for(small_demo, citizen_id, page=1, per_page=3)
        assert jobs.total > 0, citizen_id
        assert all(
            item.reasons.matched_essential or item.occupation for item in jobs.items
        )
        alternatives = queries.alternatives_for(small_demo, citizen_id)
        assert alternatives.items, citizen_id
