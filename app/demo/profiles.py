"""SYNTHETIC demo CVs: the skills, occupations and job wishes of demo citizens.

About 85 % of demo citizens get a CV (experience, wishes, skills and preferences); the
rest keep an empty one, so the portal's empty state can be seen. CVs are drawn from
their own seeded Random: the same seed gives the same CVs, and the demo people
themselves do not change when the CVs do.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from random import Random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import bulk_insert
from app.demo.occupations import DemoOccupation, OccupationPool, lower_first
from app.jobs import queries
from app.models import (
    CitizenOccupation,
    CitizenSkill,
    HoursPreference,
    JobPreferences,
    OccupationLink,
)

CV_SHARE = 0.85
BATCH_SIZE = 5_000
WORKING_AGE = 18
MAX_YEARS = 15
DISTANCES_KM = (10, 20, 30, 50)
DISTANCE_WEIGHTS = (15, 30, 35, 20)
HOURS = (HoursPreference.ANY, HoursPreference.FULL_TIME, HoursPreference.PART_TIME)
HOURS_WEIGHTS = (60, 32, 8)
OPEN_TO_OTHER_INDUSTRIES = 0.8
# Jobs that young people without an education often start in.
FIRST_JOB_INDUSTRIES = frozenset(
    {"retail", "hospitality", "warehouse", "cleaning", "food", "agriculture"}
)
# How people write a job title in a CV: as it is, lower-case, or with a remark.
TITLE_REMARKS = (" (vikar)", " (deltid)", " – sæsonarbejde", " (fast stilling)")
TITLE_PREFIXES = ("Ufaglært ", "Uddannet ", "Faglært ")


@dataclass(frozen=True)
class DemoCitizen:
    """The facts about a demo citizen that their CV depends on."""

    id: int
    birth_date: date


def age_on(born: date, day: date) -> int:
    """Age in whole years on a day."""
    had_birthday = (day.month, day.day) >= (born.month, born.day)
    return day.year - born.year - (0 if had_birthday else 1)


class ProfileGenerator:
    """Generates demo CVs from one seeded Random, citizen by citizen in id order."""

    def __init__(self, pool: OccupationPool, seed: int, reference_date: date) -> None:
        self.pool = pool
        self.rng = Random(f"jobunivers-demo-profiles-{seed}")
        self.reference_date = reference_date
        occupations = pool.occupations
        weights = pool.demand_weights()
        self._cum = list(itertools.accumulate(weights))
        # Under 25: most have worked in shops, kitchens, warehouses and the like, and
        # few have finished a long education (ISCO major groups 1 and 2).
        young = [
            weight
            * (3.0 if o.industry in FIRST_JOB_INDUSTRIES else 1.0)
            * (0.1 if o.isco_code[:1] in ("1", "2") else 1.0)
            for o, weight in zip(occupations, weights, strict=True)
        ]
        self._young_cum = list(itertools.accumulate(young))
        self._by_industry: dict[str, list[DemoOccupation]] = {}
        for occupation in occupations:
            self._by_industry.setdefault(occupation.industry, []).append(occupation)
        self._all_skills = sorted(pool.skill_labels)

    def rows(
        self, citizens: Sequence[DemoCitizen]
    ) -> Iterator[
        tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]] | None
    ]:
        """Per citizen: (skill rows, occupation rows, preferences row), or None."""
        for citizen in citizens:
            if self.rng.random() >= CV_SHARE:
                yield None
                continue
            yield self._cv(citizen)

    def _cv(
        self, citizen: DemoCitizen
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
        rng = self.rng
        age = age_on(citizen.birth_date, self.reference_date)
        working_years = max(1, age - WORKING_AGE)
        young = age < 25
        cum = self._young_cum if young else self._cum

        first = rng.choices(self.pool.occupations, cum_weights=cum)[0]
        experience = [first]
        if not young and rng.random() < 0.5:
            second = self._related(first) if rng.random() < 0.6 else None
            second = second or rng.choices(self.pool.occupations, cum_weights=cum)[0]
            if second.id != first.id:
                experience.append(second)
        occupations = []
        years_left = min(working_years, MAX_YEARS + 5)
        for occupation in experience:
            cap = max(1, min(MAX_YEARS, years_left))
            # Most stints are short; long ones need the age to match.
            mean = max(1.0, min(8.0, working_years / 3))
            years = min(cap, 1 + int(rng.expovariate(1 / mean)))
            years_left = max(1, years_left - years)
            occupations.append(
                self._occupation_row(
                    citizen, occupation, OccupationLink.EXPERIENCE, years
                )
            )

        desired: list[DemoOccupation] = []
        for _ in range(rng.choices((0, 1, 2), weights=(25, 50, 25))[0]):
            roll = rng.random()
            if roll < 0.35:
                wish = rng.choice(experience)  # more of the same
            elif roll < 0.8:
                wish = self._related(rng.choice(experience)) or first
            else:
                wish = rng.choices(self.pool.occupations, cum_weights=cum)[0]
            if wish not in desired:
                desired.append(wish)
        for occupation in desired:
            occupations.append(
                self._occupation_row(citizen, occupation, OccupationLink.DESIRED, None)
            )

        skills = self._skills(experience, desired, young)
        skill_rows = [{"citizen_id": citizen.id, "skill_id": s} for s in skills]
        preferences = {
            "citizen_id": citizen.id,
            "max_distance_km": rng.choices(DISTANCES_KM, weights=DISTANCE_WEIGHTS)[0],
            "hours": rng.choices(HOURS, weights=HOURS_WEIGHTS)[0],
            "open_to_other_industries": rng.random() < OPEN_TO_OTHER_INDUSTRIES,
        }
        return skill_rows, occupations, preferences

    def _related(self, occupation: DemoOccupation) -> DemoOccupation | None:
        others = [
            o for o in self._by_industry[occupation.industry] if o.id != occupation.id
        ]
        return self.rng.choice(others) if others else None

    def _skills(
        self,
        experience: list[DemoOccupation],
        desired: list[DemoOccupation],
        young: bool,
    ) -> list[int]:
        rng = self.rng
        wanted = rng.randint(4, 7) if young else rng.randint(4, 10)
        wanted = min(wanted, len(self._all_skills))
        # Mostly what their jobs need, some extras they list, a few from elsewhere.
        weighted: dict[int, float] = {}
        for occupation in experience:
            for skill in occupation.essential:
                weighted[skill] = weighted.get(skill, 0) + 4
            for skill in occupation.optional:
                weighted[skill] = weighted.get(skill, 0) + 1.5
        for occupation in desired:
            for skill in occupation.essential:
                weighted[skill] = weighted.get(skill, 0) + 1
        # Now and then one skill from another field (a hobby, an old job).
        from_jobs = wanted - 1 if rng.random() < 0.3 else wanted
        # Weighted sampling without replacement in one pass (Efraimidis-Spirakis):
        # the skills with the largest random() ** (1 / weight) win.
        keyed = sorted(
            ((rng.random() ** (1 / weighted[s]), s) for s in sorted(weighted)),
            reverse=True,
        )
        chosen = [s for _, s in keyed[:from_jobs]]
        while len(chosen) < wanted:
            extra = rng.choice(self._all_skills)
            if extra not in chosen:
                chosen.append(extra)
        return sorted(chosen)

    def _occupation_row(
        self,
        citizen: DemoCitizen,
        occupation: DemoOccupation,
        link: OccupationLink,
        years: int | None,
    ) -> dict[str, Any]:
        return {
            "citizen_id": citizen.id,
            "occupation_id": occupation.id,
            "link": link,
            "title_as_written": self._as_written(occupation),
            "years": years,
        }

    def _as_written(self, occupation: DemoOccupation) -> str:
        rng = self.rng
        title = occupation.label
        if occupation.alt_labels and rng.random() < 0.35:
            title = rng.choice(occupation.alt_labels)
        roll = rng.random()
        if roll < 0.25:
            title = lower_first(title)
        elif roll < 0.35:
            title = title[:1].upper() + title[1:] + rng.choice(TITLE_REMARKS)
        elif roll < 0.4:
            title = rng.choice(TITLE_PREFIXES) + lower_first(title)
        else:
            title = title[:1].upper() + title[1:]
        return title[:200]


def create_profiles(
    session: Session,
    pool: OccupationPool,
    citizens: Sequence[DemoCitizen],
    seed: int,
    reference_date: date,
    report: Callable[[str], None],
) -> int:
    """Insert CVs for about 85 % of the citizens in bulk; returns how many got one."""
    generator = ProfileGenerator(pool, seed, reference_date)
    with_cv = 0
    done = 0
    iterator = generator.rows(citizens)
    while batch := list(itertools.islice(iterator, BATCH_SIZE)):
        cvs = [cv for cv in batch if cv is not None]
        skills = [row for cv in cvs for row in cv[0]]
        occupations = [row for cv in cvs for row in cv[1]]
        preferences = [cv[2] for cv in cvs]
        if cvs:
            bulk_insert(session, CitizenSkill.__table__, skills)
            bulk_insert(session, CitizenOccupation.__table__, occupations)
            bulk_insert(session, JobPreferences.__table__, preferences)
        with_cv += len(cvs)
        done += len(batch)
        report(f"CVs: {done:,} of {len(citizens):,} citizens ({with_cv:,} with a CV).")
    return with_cv


def widen_searches_without_matches(session: Session) -> int:
    """Small demo: a citizen whose own distance finds no job widens it, as a real one
    would, to the nearest distance that does; returns how many did.

    Run after postings and CVs exist, so every demo citizen with a CV sees matches.
    """
    session.flush()
    widened = 0
    for preferences in session.scalars(
        select(JobPreferences).order_by(JobPreferences.id)
    ):
        if queries.jobs_for(session, preferences.citizen_id, page=1, per_page=1).total:
            continue
        for distance in queries.WIDER_DISTANCES:
            if distance <= preferences.max_distance_km:
                continue
            found = queries.jobs_for(
                session,
                preferences.citizen_id,
                page=1,
                per_page=1,
                max_distance_km=distance,
            )
            if found.total:
                preferences.max_distance_km = distance
                widened += 1
                break
    session.flush()
    return widened
