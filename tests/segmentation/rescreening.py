"""Screening answers, the re-screen call and look-ups shared by the re-screening tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    Case,
    Citizen,
    ScreeningAnswers,
)
from app.models.profile import (
    Confidence,
    ExpectedTime,
    LanguageLevel,
    Limits,
    SupportWish,
    Transport,
)
from app.segmentation import model_store, screening

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SETTINGS = model_store.Settings(threshold=0.5, review_days=28)


def answer(db: Session, citizen: Citizen, **overrides: Any) -> ScreeningAnswers:
    values: dict[str, Any] = {
        "citizen_id": citizen.id,
        "answered_at": NOW,
        "expected_time_to_job": ExpectedTime.WITHIN_1_MONTH,
        "health_limits": Limits.NONE,
        "danish_level": LanguageLevel.NATIVE,
        "english_level": LanguageLevel.GOOD,
        "childcare_limits": Limits.NONE,
        "transport": Transport.CAR,
        "it_confidence": Confidence.HIGH,
        "search_confidence": Confidence.HIGH,
        "wants_support": SupportWish.NO,
    }
    values.update(overrides)
    answers = ScreeningAnswers(**values)
    db.add(answers)
    db.flush()
    return answers


HARD = {
    "expected_time_to_job": ExpectedTime.LONGER,
    "health_limits": Limits.CONSIDERABLE,
    "danish_level": LanguageLevel.NONE,
    "childcare_limits": Limits.CONSIDERABLE,
    "transport": Transport.LIMITED,
    "it_confidence": Confidence.LOW,
    "search_confidence": Confidence.LOW,
}


def rescreen(db: Session, citizen: Citizen, trigger: str = "test") -> None:
    screening.rescreen(db, citizen.id, trigger=trigger, today=TODAY, settings=SETTINGS)


def current_assessment(db: Session, citizen: Citizen) -> Assessment:
    return db.scalars(
        select(Assessment)
        .where(Assessment.citizen_id == citizen.id)
        .where(Assessment.current.is_(True))
    ).one()


def case_of(db: Session, citizen: Citizen) -> Case | None:
    return db.scalar(select(Case).where(Case.citizen_id == citizen.id))
