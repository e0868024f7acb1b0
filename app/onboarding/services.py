"""The first-log-in step guide, contact details and the early screening answers.

Every write goes through app.audit with the citizen as actor; the views pass plain
values that their forms have already checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signals
from app.audit import Actor, change_fields, now, record_created, save_fields
from app.models import (
    Channel,
    Citizen,
    ContactPreferences,
    Onboarding,
    ScreeningAnswers,
)

TOTAL_STEPS = 5
SCREENING_FIELDS = (
    "expected_time_to_job",
    "health_limits",
    "danish_level",
    "english_level",
    "childcare_limits",
    "transport",
    "it_confidence",
    "search_confidence",
    "wants_support",
    "needs_in_own_words",
)
REASON_ONBOARDING = "the citizen's own answer in the first-log-in guide"
REASON_SCREENING = "the citizen's own answers about their situation"


def onboarding_status(session: Session, citizen_id: int) -> tuple[int, int, bool]:
    """(current step, total steps, done) of the citizen's onboarding; step 1 if not begun."""
    row = _onboarding(session, citizen_id)
    if row is None:
        return 1, TOTAL_STEPS, False
    done = row.completed_at is not None
    return min(max(row.current_step, 1), TOTAL_STEPS), TOTAL_STEPS, done


def needs_onboarding(session: Session, citizen_id: int) -> bool:
    """Whether the citizen has not finished the step guide yet."""
    return not onboarding_status(session, citizen_id)[2]


def user_needs_onboarding(session: Session, user_id: int) -> bool:
    """Whether a citizen user has a citizen record and has not finished the guide."""
    citizen_id = session.scalar(select(Citizen.id).where(Citizen.user_id == user_id))
    return citizen_id is not None and needs_onboarding(session, citizen_id)


def _onboarding(session: Session, citizen_id: int) -> Onboarding | None:
    return session.scalar(select(Onboarding).where(Onboarding.citizen_id == citizen_id))


def _citizen(session: Session, citizen_id: int) -> Citizen:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise LookupError(f"no citizen {citizen_id}")
    return citizen


def step_done(session: Session, citizen_id: int, step: int, actor: Actor) -> int:
    """Record that `step` was saved; the guide resumes at the step after the furthest."""
    if not 1 <= step <= TOTAL_STEPS:
        raise ValueError(f"no step {step}")
    following = min(step + 1, TOTAL_STEPS)
    row = _onboarding(session, citizen_id)
    if row is None:
        row = Onboarding(
            citizen_id=citizen_id, current_step=following, started_at=now()
        )
        record_created(
            session, row, actor=actor, reason=REASON_ONBOARDING, citizen_id=citizen_id
        )
    elif row.completed_at is None and following > row.current_step:
        change_fields(
            session,
            row,
            {"current_step": following},
            actor=actor,
            reason=REASON_ONBOARDING,
            citizen_id=citizen_id,
        )
    session.flush()
    return row.current_step


def finish_onboarding(session: Session, citizen_id: int, actor: Actor) -> None:
    """Mark the step guide finished (kept finished if it already was)."""
    step_done(session, citizen_id, TOTAL_STEPS, actor)
    row = _onboarding(session, citizen_id)
    assert row is not None
    if row.completed_at is None:
        change_fields(
            session,
            row,
            {"completed_at": now()},
            actor=actor,
            reason=REASON_ONBOARDING,
            citizen_id=citizen_id,
        )
        session.flush()


# --- contact details and preferences --------------------------------------------------


@dataclass(frozen=True)
class Contact:
    phone: str | None
    email: str | None
    channel: Channel | None
    language: str | None
    interpreter: bool | None


def contact_of(session: Session, citizen_id: int) -> Contact:
    """The citizen's phone, e-mail and contact preferences (None where not given)."""
    citizen = _citizen(session, citizen_id)
    prefs = _contact_preferences(session, citizen_id)
    return Contact(
        phone=citizen.phone,
        email=citizen.email,
        channel=prefs.channel if prefs else None,
        language=prefs.language if prefs else None,
        interpreter=prefs.interpreter if prefs else None,
    )


def _contact_preferences(
    session: Session, citizen_id: int
) -> ContactPreferences | None:
    return session.scalar(
        select(ContactPreferences).where(ContactPreferences.citizen_id == citizen_id)
    )


def save_contact_details(
    session: Session,
    citizen_id: int,
    *,
    phone: str | None,
    email: str | None,
    actor: Actor,
) -> None:
    """Save the phone number and e-mail address the citizen gave (None clears one)."""
    change_fields(
        session,
        _citizen(session, citizen_id),
        {"phone": phone or None, "email": email or None},
        actor=actor,
        reason=REASON_ONBOARDING,
        citizen_id=citizen_id,
    )
    session.flush()


def save_contact_preferences(
    session: Session,
    citizen_id: int,
    *,
    channel: Channel,
    language: str,
    interpreter: bool,
    actor: Actor,
) -> None:
    """Save how and in which language the citizen wants to be contacted."""
    values: dict[str, Any] = {
        "channel": channel,
        "language": language,
        "interpreter": interpreter,
    }
    save_fields(
        session,
        ContactPreferences,
        {"citizen_id": citizen_id},
        values,
        actor=actor,
        reason=REASON_ONBOARDING,
        citizen_id=citizen_id,
    )
    signals.contact_changed.send(session, citizen_id=citizen_id, language=language)


# --- the early screening questionnaire --------------------------------------------------


def screening_of(session: Session, citizen_id: int) -> ScreeningAnswers | None:
    """The citizen's screening answers, or None if they have not answered yet."""
    return session.scalar(
        select(ScreeningAnswers).where(ScreeningAnswers.citizen_id == citizen_id)
    )


def save_screening(
    session: Session, citizen_id: int, answers: dict[str, Any], actor: Actor
) -> None:
    """Save the answers (enum values, and needs in the citizen's own words)."""
    unknown = set(answers) - set(SCREENING_FIELDS)
    if unknown:
        raise KeyError(f"not screening questions: {sorted(unknown)}")
    values = {name: answers.get(name) for name in SCREENING_FIELDS}
    values["needs_in_own_words"] = values["needs_in_own_words"] or None
    row = screening_of(session, citizen_id)
    if row is None:
        record_created(
            session,
            ScreeningAnswers(citizen_id=citizen_id, answered_at=now(), **values),
            actor=actor,
            reason=REASON_SCREENING,
            citizen_id=citizen_id,
        )
    else:
        changed = change_fields(
            session,
            row,
            values,
            actor=actor,
            reason=REASON_SCREENING,
            citizen_id=citizen_id,
        )
        if changed:
            change_fields(
                session,
                row,
                {"answered_at": now()},
                actor=actor,
                reason=REASON_SCREENING,
                citizen_id=citizen_id,
            )
    session.flush()
    signals.profile_changed.send(session, citizen_id=citizen_id, trigger="screening")
