""" "People like you": which occupations led to jobs for citizens with similar
profiles, counted from the rows the portal holds, shown only from groups of at
least K_PEOPLE citizens.

Similar: another citizen who wants work in the same main group of occupations (the
first digit of the ISCO code of an occupation they want) as the citizen does.
Found a job: an unemployment spell of theirs that ended, followed by a job in their
work history that started at most 30 days before the spell ended or any time after;
the first such job is the one it led to. In the demo the register history and the
work histories are SYNTHETIC.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Citizen,
    CitizenOccupation,
    Occupation,
    OccupationLink,
    UnemploymentSpell,
    WorkExperience,
)
from app.taxonomy.services import load_taxonomy

K_PEOPLE = 10
LEAD_DAYS = 30


@dataclass(frozen=True)
class OccupationShare:
    occupation: str
    people: int


@dataclass(frozen=True)
class PeopleLikeYou:
    # False when the citizen has said no occupation they want
    has_occupations: bool
    # similar citizens who found a job after a spell of unemployment
    group_size: int
    # empty when the group is smaller than K_PEOPLE
    occupations: tuple[OccupationShare, ...]
    # True when any counted citizen is made up (the demo): the page says SYNTHETIC
    synthetic: bool = False

    @property
    def too_few(self) -> bool:
        return self.group_size < K_PEOPLE


def _wanted_groups(session: Session, citizen_id: int) -> set[str]:
    codes = session.scalars(
        select(Occupation.isco_code)
        .join(CitizenOccupation, CitizenOccupation.occupation_id == Occupation.id)
        .where(
            CitizenOccupation.citizen_id == citizen_id,
            CitizenOccupation.link == OccupationLink.DESIRED,
        )
    )
    return {code[0] for code in codes if code}


def _similar_citizens(session: Session, citizen_id: int, groups: set[str]) -> set[int]:
    rows = session.execute(
        select(CitizenOccupation.citizen_id, Occupation.isco_code)
        .join(Occupation, Occupation.id == CitizenOccupation.occupation_id)
        .where(
            CitizenOccupation.link == OccupationLink.DESIRED,
            CitizenOccupation.citizen_id != citizen_id,
        )
    )
    return {cid for cid, code in rows if code and code[0] in groups}


def _job_after_spells(session: Session, citizen_ids: set[int]) -> dict[int, int]:
    """Citizen -> occupation id of the first job that followed an ended spell."""
    if not citizen_ids:
        return {}
    ids = sorted(citizen_ids)
    ends: dict[int, list] = {}
    for cid, ended in session.execute(
        select(UnemploymentSpell.citizen_id, UnemploymentSpell.ended_on).where(
            UnemploymentSpell.citizen_id.in_(ids),
            UnemploymentSpell.ended_on.is_not(None),
        )
    ):
        ends.setdefault(cid, []).append(ended)
    found: dict[int, int] = {}
    jobs = session.execute(
        select(
            WorkExperience.citizen_id,
            WorkExperience.started_on,
            WorkExperience.occupation_id,
        )
        .where(
            WorkExperience.citizen_id.in_(list(ends)),
            WorkExperience.occupation_id.is_not(None),
        )
        .order_by(WorkExperience.started_on, WorkExperience.id)
    )
    for cid, started, occupation in jobs:
        if cid in found:
            continue
        if any(started >= end - timedelta(days=LEAD_DAYS) for end in ends[cid]):
            found[cid] = occupation
    return found


def people_like_you(session: Session, citizen_id: int, lang: str) -> PeopleLikeYou:
    groups = _wanted_groups(session, citizen_id)
    if not groups:
        return PeopleLikeYou(False, 0, ())
    found = _job_after_spells(session, _similar_citizens(session, citizen_id, groups))
    if len(found) < K_PEOPLE:
        return PeopleLikeYou(True, len(found), ())
    counts = Counter(found.values())
    uris = dict(
        session.execute(
            select(Occupation.id, Occupation.uri).where(Occupation.id.in_(list(counts)))
        ).all()
    )
    taxonomy = load_taxonomy(session)
    shares = sorted(
        (
            OccupationShare(taxonomy.label(uris[oid], lang), people)
            for oid, people in counts.items()
        ),
        key=lambda s: (-s.people, s.occupation),
    )
    synthetic = bool(
        session.scalar(
            select(Citizen.id)
            .where(Citizen.id.in_(list(found)), Citizen.synthetic.is_(True))
            .limit(1)
        )
    )
    return PeopleLikeYou(True, len(found), tuple(shares[:8]), synthetic)
