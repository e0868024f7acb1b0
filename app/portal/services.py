"""The cards of the citizen's start page ("Min side"): one small query or two each.

Each card can be fetched on its own (the htmx partial) or all together (the page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.dialogue import queries as dialogue_queries
from app.dialogue import services as dialogue
from app.employers import queries as employer_queries
from app.jobs import queries as jobs
from app.jobs import services as job_services
from app.jobsearch import services as jobsearch
from app.marketplace.services.enrolments import my_services_counts
from app.models import (
    Assessment,
    CitizenOccupation,
    CitizenSkill,
    ContactRequest,
    WorkExperience,
)
from app.onboarding.services import onboarding_status

# The cards in the order the page shows them; the names are the URL segments.
CARDS = (
    "kom-i-gang",
    "min-plan",
    "job",
    "joblog",
    "cv",
    "virksomheder",
    "mine-tilbud",
    "din-vej",
    "beskeder",
)
TOP_JOBS = 3


@dataclass(frozen=True)
class OnboardingCard:
    step: int
    total: int
    done: bool


@dataclass(frozen=True)
class JobsCard:
    matches: tuple[jobs.JobMatch, ...]
    total: int
    empty_profile: bool
    saved: int = 0
    new_from_alerts: tuple[job_services.Notification, ...] = ()


@dataclass(frozen=True)
class CvCard:
    occupations: int
    skills: int
    work_experiences: int

    @property
    def empty(self) -> bool:
        return not (self.occupations or self.skills or self.work_experiences)


@dataclass(frozen=True)
class TrackCard:
    assessment: Assessment | None


def onboarding_card(session: Session, citizen_id: int) -> OnboardingCard:
    """Where the citizen is in the first-log-in guide."""
    step, total, done = onboarding_status(session, citizen_id)
    return OnboardingCard(step=step, total=total, done=done)


def jobs_card(session: Session, citizen_id: int, lang: str) -> JobsCard:
    """The three best current matches, the saved jobs and what the alerts found."""
    result = jobs.jobs_for(session, citizen_id, per_page=TOP_JOBS, lang=lang)
    return JobsCard(
        matches=tuple(result.items[:TOP_JOBS]),
        total=result.total,
        empty_profile=result.empty_profile,
        saved=len(job_services.saved_jobs(session, citizen_id)),
        new_from_alerts=tuple(
            job_services.notifications_for(session, citizen_id, limit=TOP_JOBS)
        ),
    )


def cv_card(session: Session, citizen_id: int) -> CvCard:
    """How much of a CV the citizen has: occupations, skills, jobs held (one query)."""

    def count(model: Any, name: str) -> Any:
        return (
            select(func.count())
            .select_from(model)
            .where(model.citizen_id == citizen_id)
            .scalar_subquery()
            .label(name)
        )

    row = session.execute(
        select(
            count(CitizenOccupation, "occupations"),
            count(CitizenSkill, "skills"),
            count(WorkExperience, "work_experiences"),
        )
    ).one()
    return CvCard(
        occupations=int(row.occupations),
        skills=int(row.skills),
        work_experiences=int(row.work_experiences),
    )


def track_card(session: Session, citizen_id: int) -> TrackCard:
    """The citizen's current track, if one has been assessed."""
    # Only the newest assessment can be current. Filtering on `current` in SQL would
    # let SQLite pick that index (true for most rows) over the citizen's.
    newest = session.scalars(
        select(Assessment)
        .where(Assessment.citizen_id == citizen_id)
        .order_by(Assessment.computed_at.desc(), Assessment.id.desc())
        .limit(1)
    ).first()
    return TrackCard(assessment=newest if newest and newest.current else None)


def card(session: Session, citizen_id: int, name: str, today: date, lang: str) -> Any:
    """The data of one card by its name (see CARDS); None for the cards still to come."""
    if name == "kom-i-gang":
        return onboarding_card(session, citizen_id)
    if name == "min-plan":
        return jobsearch.plan_summary(session, citizen_id)
    if name == "job":
        return jobs_card(session, citizen_id, lang)
    if name == "joblog":
        return jobsearch.joblog_summary(session, citizen_id, today)
    if name == "cv":
        return cv_card(session, citizen_id)
    if name == "din-vej":
        return track_card(session, citizen_id)
    if name == "beskeder":
        return dialogue_queries.citizen_card(session, citizen_id)
    if name == "virksomheder":
        return employer_queries.citizen_card(session, citizen_id)
    if name == "mine-tilbud":
        return my_services_counts(session, citizen_id)
    if name in CARDS:
        return None
    raise KeyError(name)


def all_cards(
    session: Session, citizen_id: int, today: date, lang: str
) -> dict[str, Any]:
    """Every card's data, by name, in page order."""
    return {name: card(session, citizen_id, name, today, lang) for name in CARDS}


def open_contact_request(session: Session, citizen_id: int) -> ContactRequest | None:
    """The citizen's open request to talk to a person, shown at the top of the page."""
    return dialogue.open_contact_request(session, citizen_id)
