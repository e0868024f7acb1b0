"""What screening knows about a range of citizens, read with a few queries per range.

`gather` reads the screening answers, wishes, activity, spells, the current assessment
and the queue row of every citizen in an id range into plain `Facts`; `model_input`
turns one into the model's input, and `explain` keeps the reasons a page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ml import segmentation as seg
from app.models import (
    Assessment,
    Case,
    Citizen,
    CitizenOccupation,
    ContactPreferences,
    ContactRequest,
    ContactStatus,
    Education,
    JobLogEntry,
    OccupationLink,
    Posting,
    ProfilingObjection,
    RouteReason,
    ScreeningAnswers,
    Track,
    Transport,
    UnemploymentSpell,
)

REASONS_KEPT = 5


@dataclass(frozen=True)
class Answers:
    """The screening answers the model and the decision read, as plain values."""

    expected_time_to_job: str
    health_limits: str
    danish_level: str
    childcare_limits: str
    limited_transport: bool
    transport: str
    it_confidence: str
    search_confidence: str
    wants_support: str


def _value(item: Any) -> str:
    return str(getattr(item, "value", item))


class Current(NamedTuple):
    """The parts of the current assessment that re-screening compares with."""

    route: RouteReason
    next_review_on: date | None
    track: Track
    model_version: str | None
    probability: float | None


@dataclass
class Facts:
    citizen_id: int
    municipality_id: int
    area: str | None
    unemployed_since: date | None
    screening: Answers | None = None
    objected: bool = False
    asked: bool = False
    language: str = "da"
    education: str | None = None
    applications_4w: int = 0
    desired: list[int] = field(default_factory=list)
    earlier_spells: int = 0
    earlier_weeks: float = 0.0
    current_spell_start: date | None = None
    current: Current | None = None
    case: Case | None = None


_EDUCATION_ORDER = list(seg.EDUCATION_LEVEL)


def _area(postcode: str | None) -> str | None:
    # The postal district (first digit): a coarse, cheap "area" for local demand.
    return postcode[0] if postcode else None


def postings_by_area(
    session: Session, today: date, occupation_ids: set[int] | None = None
) -> dict[tuple[int, str], int]:
    """Open postings counted by (occupation, postal district); all or some occupations."""
    district = func.substr(Posting.postcode, 1, 1)
    query = (
        select(Posting.occupation_id, district, func.count())
        .where(Posting.occupation_id.is_not(None))
        .where((Posting.deadline.is_(None)) | (Posting.deadline >= today))
        .group_by(Posting.occupation_id, district)
    )
    if occupation_ids is not None:
        if not occupation_ids:
            return {}
        query = query.where(Posting.occupation_id.in_(sorted(occupation_ids)))
    return {
        (occupation, area): count for occupation, area, count in session.execute(query)
    }


InRange = Callable[[Any], Any]


def gather(
    session: Session, lo: int, hi: int, today: date, only: int | None = None
) -> dict[int, Facts]:
    """The facts of the citizens with ids lo..hi (or only the one citizen `only`)."""

    def in_range(column: Any) -> Any:
        return column == only if only is not None else column.between(lo, hi)

    facts = {
        cid: Facts(cid, municipality_id, _area(postcode), since)
        for cid, municipality_id, postcode, since in session.execute(
            select(
                Citizen.id,
                Citizen.municipality_id,
                Citizen.postcode,
                Citizen.unemployed_since,
            ).where(in_range(Citizen.id))
        )
    }
    if facts:
        _screening_answers(session, facts, in_range)
        _wishes_and_requests(session, facts, in_range)
        _education_and_activity(session, facts, in_range, today)
        _spells(session, facts, in_range)
        _current_state(session, facts, in_range)
    return facts


def _screening_answers(
    session: Session, facts: dict[int, Facts], in_range: InRange
) -> None:
    # Columns, not ORM rows: the nightly run reads 100,000 of these at a time.
    answers = ScreeningAnswers
    for row in session.execute(
        select(
            answers.citizen_id,
            answers.expected_time_to_job,
            answers.health_limits,
            answers.danish_level,
            answers.childcare_limits,
            answers.transport,
            answers.it_confidence,
            answers.search_confidence,
            answers.wants_support,
        ).where(in_range(answers.citizen_id))
    ):
        facts[row.citizen_id].screening = Answers(
            expected_time_to_job=_value(row.expected_time_to_job),
            health_limits=_value(row.health_limits),
            danish_level=_value(row.danish_level),
            childcare_limits=_value(row.childcare_limits),
            limited_transport=_value(row.transport) == Transport.LIMITED.value,
            transport=_value(row.transport),
            it_confidence=_value(row.it_confidence),
            search_confidence=_value(row.search_confidence),
            wants_support=_value(row.wants_support),
        )


def _wishes_and_requests(
    session: Session, facts: dict[int, Facts], in_range: InRange
) -> None:
    """Objections, open requests for a person, the contact language, wished jobs."""
    # The same rule as app.consent.services.consents.objection_in_force, in bulk.
    for (cid,) in session.execute(
        select(ProfilingObjection.citizen_id)
        .where(in_range(ProfilingObjection.citizen_id))
        .where(ProfilingObjection.withdrawn_at.is_(None))
    ):
        facts[cid].objected = True
    for (cid,) in session.execute(
        select(ContactRequest.citizen_id)
        .where(in_range(ContactRequest.citizen_id))
        .where(ContactRequest.status == ContactStatus.OPEN)
        .distinct()
    ):
        facts[cid].asked = True
    for cid, language in session.execute(
        select(ContactPreferences.citizen_id, ContactPreferences.language).where(
            in_range(ContactPreferences.citizen_id)
        )
    ):
        facts[cid].language = language or "da"
    for cid, occupation_id in session.execute(
        select(CitizenOccupation.citizen_id, CitizenOccupation.occupation_id)
        .where(in_range(CitizenOccupation.citizen_id))
        .where(CitizenOccupation.link == OccupationLink.DESIRED)
    ):
        facts[cid].desired.append(occupation_id)


def _education_and_activity(
    session: Session, facts: dict[int, Facts], in_range: InRange, today: date
) -> None:
    """The highest completed education, and the log entries of the last 4 weeks."""
    for cid, level in session.execute(
        select(Education.citizen_id, Education.level)
        .where(in_range(Education.citizen_id))
        .where(Education.completed.is_(True))
    ):
        known = facts[cid].education
        value = str(level.value if hasattr(level, "value") else level)
        if known is None or _EDUCATION_ORDER.index(value) > _EDUCATION_ORDER.index(
            known
        ):
            facts[cid].education = value
    for cid, count in session.execute(
        select(JobLogEntry.citizen_id, func.count())
        .where(in_range(JobLogEntry.citizen_id))
        .where(JobLogEntry.on_date > today - timedelta(days=28))
        .where(JobLogEntry.on_date <= today)
        .group_by(JobLogEntry.citizen_id)
    ):
        facts[cid].applications_4w = int(count)


def _spells(session: Session, facts: dict[int, Facts], in_range: InRange) -> None:
    for cid, started, ended in session.execute(
        select(
            UnemploymentSpell.citizen_id,
            UnemploymentSpell.started_on,
            UnemploymentSpell.ended_on,
        ).where(in_range(UnemploymentSpell.citizen_id))
    ):
        fact = facts[cid]
        if ended is None:
            if fact.current_spell_start is None or started < fact.current_spell_start:
                fact.current_spell_start = started
        else:
            fact.earlier_spells += 1
            fact.earlier_weeks += max(0, (ended - started).days) / 7


def _current_state(
    session: Session, facts: dict[int, Facts], in_range: InRange
) -> None:
    """The current assessment and the queue row, which screening compares with."""
    for cid, reason, review, track, version, probability in session.execute(
        select(
            Assessment.citizen_id,
            Assessment.route_reason,
            Assessment.next_review_on,
            Assessment.track,
            Assessment.model_version,
            Assessment.probability,
        )
        .where(in_range(Assessment.citizen_id))
        .where(Assessment.current.is_(True))
    ):
        facts[cid].current = Current(reason, review, track, version, probability)
    for case in session.scalars(select(Case).where(in_range(Case.citizen_id))):
        facts[case.citizen_id].case = case


def model_input(
    fact: Facts, today: date, postings: dict[tuple[int, str], int]
) -> seg.SegmentationInput:
    answers = fact.screening
    assert answers is not None
    since = fact.current_spell_start or fact.unemployed_since or today
    matching = (
        sum(postings.get((occ, fact.area), 0) for occ in set(fact.desired))
        if fact.area
        else 0
    )
    return seg.SegmentationInput(
        weeks_unemployed=round(max(0, (today - since).days) / 7, 1),
        earlier_spells=fact.earlier_spells,
        earlier_weeks=round(fact.earlier_weeks, 1),
        education=fact.education,
        applications_4w=fact.applications_4w,
        desired_occupations=len(set(fact.desired)),
        matching_postings=matching,
        expected_time_to_job=answers.expected_time_to_job,
        health_limits=answers.health_limits,
        danish_level=answers.danish_level,
        childcare_limits=answers.childcare_limits,
        limited_transport=answers.limited_transport,
        it_confidence=answers.it_confidence,
        search_confidence=answers.search_confidence,
    )


def decision_context(fact: Facts) -> dict[str, Any]:
    """What the decision and the words used besides the model's input, kept with it:
    the wish for support, the transport answer and the postal district counted in."""
    answers = fact.screening
    return {
        "wants_support": answers.wants_support if answers else None,
        "transport": answers.transport if answers else None,
        "postal_district": fact.area,
    }


# Features shown with their raw value rather than the model's transformed one.
_RAW = ("weeks_unemployed", "earlier_weeks", "applications_4w", "matching_postings")


def explain(
    model: seg.SegmentationModel,
    parts: np.ndarray,
    item: seg.SegmentationInput,
    row: np.ndarray,
) -> list[dict[str, Any]]:
    # The biggest contributions, plus every changeable one that raises the risk
    # (those are what "Din vej" suggests the citizen could do).
    order = np.argsort(-np.abs(parts), kind="stable")
    names = model.feature_names
    keep = [int(i) for i in order[:REASONS_KEPT] if abs(parts[i]) >= 0.01]
    keep += [
        int(i)
        for i in order[REASONS_KEPT:]
        if names[i] in seg.CHANGEABLE and parts[i] > 0.01
    ]
    return [
        {
            "feature": names[i],
            "contribution": round(float(parts[i]), 3),
            "value": float(getattr(item, names[i]))
            if names[i] in _RAW
            else round(float(row[i]), 3),
        }
        for i in keep
    ]
