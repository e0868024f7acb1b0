"""Tests of the citizen's portal, and small helpers that write postings and CVs directly.

The helpers use the built-in demo taxonomy (ask for the `taxonomy` fixture first):
occupations and skills are named by their slug, e.g. "sygeplejerske" or "nursing-care".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.geo import postcode_info
from app.models import (
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    Hours,
    HoursPreference,
    JobPreferences,
    Occupation,
    OccupationLink,
    Posting,
    PostingSkill,
    Skill,
)

OCC = "jobunivers:occupation/"
SKILL = "jobunivers:skill/"
_numbers = itertools.count(1)


def load_taxonomy(db: Session) -> None:
    """Write the demo taxonomy and forget cached taxonomies and match indexes."""
    from app.jobs.matching import invalidate_match_index
    from app.taxonomy.importer import load_demo_taxonomy

    load_demo_taxonomy(db)
    invalidate_match_index()


def occupation_id(db: Session, slug: str) -> int:
    return db.scalars(select(Occupation.id).where(Occupation.uri == OCC + slug)).one()


def skill_id(db: Session, slug: str) -> int:
    return db.scalars(select(Skill.id).where(Skill.uri == SKILL + slug)).one()


def make_posting(
    db: Session,
    title: str = "Sygeplejerske til medicinsk afdeling",
    occupation: str | None = "sygeplejerske",
    essential: Iterable[str] = ("nursing-care", "administer-medication"),
    optional: Iterable[str] = (),
    postcode: str = "2200",
    hours: Hours = Hours.FULL_TIME,
    deadline: date | None = None,
    **overrides: Any,
) -> Posting:
    """A current posting (deadline in 30 days unless given) with its skills."""
    place = postcode_info(postcode)
    assert place is not None, postcode
    n = next(_numbers)
    values: dict[str, Any] = {
        "source": "test",
        "external_id": f"test-{n}",
        "employer": f"Testarbejdsgiver {n}",
        "title": title,
        "occupation_id": occupation_id(db, occupation) if occupation else None,
        "description": "Vi søger en kollega.\n\nGod arbejdsplads.",
        "postcode": postcode,
        "city": place.city,
        "latitude": place.lat,
        "longitude": place.lon,
        "hours": hours,
        "deadline": deadline if deadline is not None else date.today() + timedelta(30),
        "synthetic": True,
    }
    values.update(overrides)
    posting = Posting(**values)
    db.add(posting)
    db.flush()
    for slugs, required in ((essential, True), (optional, False)):
        for slug in slugs:
            db.add(
                PostingSkill(
                    posting_id=posting.id,
                    skill_id=skill_id(db, slug),
                    required=required,
                )
            )
    db.flush()
    return posting


def give_cv(
    db: Session,
    citizen: Citizen,
    skills: Iterable[str] = (),
    desired: Iterable[str] = (),
    history: Iterable[str] = (),
    max_distance_km: int | None = None,
    hours: HoursPreference | None = None,
    open_to_other_industries: bool = True,
) -> Citizen:
    """Skills, desired and past occupations, and (optionally) job preferences."""
    for slug in skills:
        db.add(CitizenSkill(citizen_id=citizen.id, skill_id=skill_id(db, slug)))
    for slugs, link in (
        (desired, OccupationLink.DESIRED),
        (history, OccupationLink.EXPERIENCE),
    ):
        for slug in slugs:
            db.add(
                CitizenOccupation(
                    citizen_id=citizen.id,
                    occupation_id=occupation_id(db, slug),
                    link=link,
                )
            )
    if max_distance_km is not None or hours is not None:
        db.add(
            JobPreferences(
                citizen_id=citizen.id,
                max_distance_km=max_distance_km or 30,
                hours=hours or HoursPreference.ANY,
                open_to_other_industries=open_to_other_industries,
            )
        )
    db.flush()
    return citizen
