"""The citizen's wishes and needs: desired occupations, industries, hours and distance.

"Job til dig" reads JobPreferences and CitizenOccupation for every request (the match
index caches postings only), so a saved wish shows in the matches at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signals
from app.audit import Actor, record_created, record_deleted, save_fields
from app.jobs.matching import DEFAULT_MAX_DISTANCE_KM
from app.models import (
    CitizenIndustry,
    CitizenOccupation,
    HoursPreference,
    JobPreferences,
    Occupation,
    OccupationLink,
    RemoteWork,
)
from app.taxonomy.services import industries as taxonomy_industries
from app.taxonomy.services import label_for, suggest

MAX_DESIRED = 5
REASON = "the citizen's own wishes and needs"
TRIGGER = "preferences"


@dataclass(frozen=True)
class DesiredOccupation:
    occupation_id: int
    uri: str
    label: str


@dataclass(frozen=True)
class Wishes:
    """The citizen's saved wishes and needs, with defaults where nothing is saved."""

    occupations: tuple[DesiredOccupation, ...]
    industries: tuple[str, ...]
    max_distance_km: int
    hours: HoursPreference
    open_to_other_industries: bool
    earliest_start: date | None
    remote_work: RemoteWork
    interests: str | None
    reduced_hours: bool
    flexjob: bool
    accessibility_needs: str | None
    saved: bool


def _preferences(session: Session, citizen_id: int) -> JobPreferences | None:
    return session.scalar(
        select(JobPreferences).where(JobPreferences.citizen_id == citizen_id)
    )


def desired_occupations(
    session: Session, citizen_id: int, lang: str
) -> tuple[DesiredOccupation, ...]:
    """The occupations the citizen wants to work in, in the order they were chosen."""
    rows = session.execute(
        select(Occupation.id, Occupation.uri)
        .join(CitizenOccupation, CitizenOccupation.occupation_id == Occupation.id)
        .where(
            CitizenOccupation.citizen_id == citizen_id,
            CitizenOccupation.link == OccupationLink.DESIRED,
        )
        .order_by(CitizenOccupation.id)
    ).all()
    return tuple(
        DesiredOccupation(id_, uri, label_for(session, uri, lang)) for id_, uri in rows
    )


def wishes_of(session: Session, citizen_id: int, lang: str) -> Wishes:
    """Everything on the wishes and needs page, as saved."""
    prefs = _preferences(session, citizen_id)
    industries = tuple(
        session.scalars(
            select(CitizenIndustry.industry)
            .where(CitizenIndustry.citizen_id == citizen_id)
            .order_by(CitizenIndustry.id)
        )
    )
    occupations = desired_occupations(session, citizen_id, lang)
    if prefs is None:
        return Wishes(
            occupations,
            industries,
            DEFAULT_MAX_DISTANCE_KM,
            HoursPreference.ANY,
            True,
            None,
            RemoteWork.NO_PREFERENCE,
            None,
            False,
            False,
            None,
            saved=False,
        )
    return Wishes(
        occupations,
        industries,
        prefs.max_distance_km or DEFAULT_MAX_DISTANCE_KM,
        prefs.hours,
        prefs.open_to_other_industries,
        prefs.earliest_start,
        prefs.remote_work,
        prefs.interests,
        prefs.reduced_hours,
        prefs.flexjob,
        prefs.accessibility_needs,
        saved=True,
    )


# --- choosing an occupation -----------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    """What an occupation field resolved to: one URI, or suggestions to choose from."""

    uri: str | None
    suggestions: tuple[tuple[str, str], ...] = ()


def resolve_occupation(
    session: Session, uri: str | None, text: str | None, lang: str
) -> Resolved:
    """The occupation chosen in the combobox (its URI), or typed without JavaScript.

    Typed text resolves when a suggestion's label is exactly what was typed; otherwise
    the closest suggestions are returned for the citizen to choose from.
    """
    if uri and session.scalar(select(Occupation.id).where(Occupation.uri == uri)):
        return Resolved(uri)
    text = (text or "").strip()
    if not text:
        return Resolved(None)
    found = suggest(session, text, "occupation", lang, limit=5)
    for item in found:
        if text.casefold() in (item.label.casefold(), item.matched_label.casefold()):
            return Resolved(item.uri)
    return Resolved(None, tuple((item.uri, item.label) for item in found))


class TooManyOccupations(ValueError):
    """The citizen already has the most desired occupations allowed."""


def add_desired_occupation(
    session: Session, citizen_id: int, uri: str, actor: Actor
) -> bool:
    """Add an occupation the citizen wants; False if it was already there."""
    occupation_id = session.scalar(select(Occupation.id).where(Occupation.uri == uri))
    if occupation_id is None:
        raise LookupError(f"no occupation {uri}")
    existing = session.scalars(
        select(CitizenOccupation.occupation_id).where(
            CitizenOccupation.citizen_id == citizen_id,
            CitizenOccupation.link == OccupationLink.DESIRED,
        )
    ).all()
    if occupation_id in existing:
        return False
    if len(existing) >= MAX_DESIRED:
        raise TooManyOccupations(uri)
    record_created(
        session,
        CitizenOccupation(
            citizen_id=citizen_id,
            occupation_id=occupation_id,
            link=OccupationLink.DESIRED,
        ),
        actor=actor,
        reason=REASON,
        citizen_id=citizen_id,
    )
    _changed(session, citizen_id)
    return True


def remove_desired_occupation(
    session: Session, citizen_id: int, occupation_id: int, actor: Actor
) -> bool:
    """Remove one of the citizen's own desired occupations; False if it was not there."""
    row = session.scalar(
        select(CitizenOccupation).where(
            CitizenOccupation.citizen_id == citizen_id,
            CitizenOccupation.occupation_id == occupation_id,
            CitizenOccupation.link == OccupationLink.DESIRED,
        )
    )
    if row is None:
        return False
    record_deleted(session, row, actor=actor, reason=REASON, citizen_id=citizen_id)
    _changed(session, citizen_id)
    return True


# --- saving ---------------------------------------------------------------------------


def _save_preferences(
    session: Session, citizen_id: int, values: dict[str, object], actor: Actor
) -> None:
    save_fields(
        session,
        JobPreferences,
        {"citizen_id": citizen_id},
        values,
        actor=actor,
        reason=REASON,
        citizen_id=citizen_id,
    )


def _changed(session: Session, citizen_id: int) -> None:
    """After a change: flush, and tell the areas that follow the citizen's profile."""
    session.flush()
    signals.profile_changed.send(session, citizen_id=citizen_id, trigger=TRIGGER)


def save_distance_and_hours(
    session: Session,
    citizen_id: int,
    *,
    max_distance_km: int,
    hours: HoursPreference,
    actor: Actor,
) -> None:
    """Save how far the citizen will travel and the hours they want (onboarding)."""
    _save_preferences(
        session,
        citizen_id,
        {"max_distance_km": max_distance_km, "hours": hours},
        actor,
    )
    _changed(session, citizen_id)


def save_wishes(
    session: Session,
    citizen_id: int,
    *,
    industries: list[str],
    open_to_other_industries: bool,
    max_distance_km: int,
    hours: HoursPreference,
    earliest_start: date | None,
    remote_work: RemoteWork,
    interests: str | None,
    reduced_hours: bool,
    flexjob: bool,
    accessibility_needs: str | None,
    actor: Actor,
) -> None:
    """Save the wishes and needs page (the occupations are added and removed apart)."""
    known = {code for code, _name in taxonomy_industries(session, "en")}
    unknown = set(industries) - known
    if unknown:
        raise ValueError(f"unknown industries: {sorted(unknown)}")
    _save_preferences(
        session,
        citizen_id,
        {
            "max_distance_km": max_distance_km,
            "hours": hours,
            "open_to_other_industries": open_to_other_industries,
            "earliest_start": earliest_start,
            "remote_work": remote_work,
            "interests": interests or None,
            "reduced_hours": reduced_hours,
            "flexjob": flexjob,
            "accessibility_needs": accessibility_needs or None,
        },
        actor,
    )
    current = {
        row.industry: row
        for row in session.scalars(
            select(CitizenIndustry).where(CitizenIndustry.citizen_id == citizen_id)
        )
    }
    for code, row in current.items():
        if code not in industries:
            record_deleted(
                session, row, actor=actor, reason=REASON, citizen_id=citizen_id
            )
    for code in dict.fromkeys(industries):
        if code not in current:
            record_created(
                session,
                CitizenIndustry(citizen_id=citizen_id, industry=code),
                actor=actor,
                reason=REASON,
                citizen_id=citizen_id,
            )
    _changed(session, citizen_id)
