"""Fixtures for the caseworker's workspace: cases and assessments made directly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    Case,
    CaseStatus,
    Caseworker,
    Citizen,
    RouteReason,
    Track,
    User,
)

REASONS = [
    {"feature": "weeks_unemployed", "value": 40.0, "contribution": 0.8},
    {"feature": "applications_4w", "value": 1.0, "contribution": 0.3},
]


def caseworker_id(db: Session, user: User) -> int:
    return db.scalars(select(Caseworker.id).where(Caseworker.user_id == user.id)).one()


@pytest.fixture
def make_assessment(db: Session) -> Callable[..., Assessment]:
    def make(citizen: Citizen, **overrides: Any) -> Assessment:
        values: dict[str, Any] = {
            "citizen_id": citizen.id,
            "computed_at": datetime.now(UTC) - timedelta(days=3),
            "current": True,
            "model_version": "segmentation-test-1",
            "probability": 0.62,
            "track": Track.SUPPORT,
            "route_reason": RouteReason.MODEL,
            "reasons": REASONS,
            "inputs": {"weeks_unemployed": 40},
            "trigger": "test",
            "next_review_on": date.today() + timedelta(weeks=4),
        }
        values.update(overrides)
        assessment = Assessment(**values)
        db.add(assessment)
        db.flush()
        return assessment

    return make


@pytest.fixture
def make_case(db: Session, make_assessment) -> Callable[..., Case]:
    def make(
        citizen: Citizen,
        *,
        assess: bool = True,
        claimed_by: User | None = None,
        waited_days: int = 2,
        **overrides: Any,
    ) -> Case:
        if assess:
            make_assessment(citizen)
        values: dict[str, Any] = {
            "citizen_id": citizen.id,
            "municipality_id": citizen.municipality_id,
            "status": CaseStatus.QUEUED,
            "queue_reason": RouteReason.MODEL,
            "priority": 0.5,
            "language": "da",
            "queued_at": datetime.now(UTC) - timedelta(days=waited_days),
            "version": 0,
        }
        if claimed_by is not None:
            values["status"] = CaseStatus.CLAIMED
            values["claimed_by_id"] = caseworker_id(db, claimed_by)
            values["claimed_at"] = datetime.now(UTC)
        values.update(overrides)
        case_file = Case(**values)
        db.add(case_file)
        db.flush()
        return case_file

    return make


@pytest.fixture
def caseworker(make_caseworker, login) -> User:
    """A caseworker in Copenhagen (101), logged in."""
    user = make_caseworker(101)
    login(user)
    return user
