"""Marketplace objects for tests: a published offering, enrolments, a review, a
provider user's one-time set-password link."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session, object_session

from app.models import (
    Enrolment,
    EnrolmentState,
    Offering,
    OfferingFormat,
    OfferingKind,
    OfferingState,
    Payment,
    ProviderAccessLink,
    Review,
    ReviewState,
    User,
)


def add_offering(session: Session, provider_id: int, **overrides: Any) -> Offering:
    values: dict[str, Any] = {
        "provider_id": provider_id,
        "title": "Digitale jobsøgningskompetencer",
        "kind": OfferingKind.COURSE,
        "format": OfferingFormat.ONLINE,
        "duration_weeks": 4,
        "schedule": "Når det passer dig",
        "languages": "da,en",
        "capacity": 100,
        "waiting_weeks": 0,
        "payment": Payment.FREE,
        "description": "Et kort onlinekursus i at skrive ansøgninger og CV.",
        "state": OfferingState.PUBLISHED,
        "created_at": datetime.now(UTC),
        "was_published": True,
        "synthetic": True,
    }
    values.update(overrides)
    offering = Offering(**values)
    session.add(offering)
    session.flush()
    return offering


def add_enrolment(
    session: Session, offering: Offering, citizen_id: int, **overrides: Any
) -> Enrolment:
    at = datetime.now(UTC)
    values: dict[str, Any] = {
        "offering_id": offering.id,
        "citizen_id": citizen_id,
        "state": EnrolmentState.ACTIVE,
        "requested_at": at,
        "started_at": at,
        "start_support_track": False,
        "start_months_unemployed": 3,
        "synthetic": True,
    }
    values.update(overrides)
    enrolment = Enrolment(**values)
    session.add(enrolment)
    session.flush()
    return enrolment


def add_review(session: Session, enrolment: Enrolment, **overrides: Any) -> Review:
    values: dict[str, Any] = {
        "enrolment_id": enrolment.id,
        "offering_id": enrolment.offering_id,
        "rating": 4,
        "text": "Godt og konkret.",
        "created_at": datetime.now(UTC),
        "state": ReviewState.SHOWN,
    }
    values.update(overrides)
    review = Review(**values)
    session.add(review)
    session.flush()
    return review


def add_access_link(user: User) -> str:
    """A usable one-time set-password link of a provider user; returns its token."""
    session = object_session(user)
    assert session is not None
    token = secrets.token_urlsafe(16)
    at = datetime.now(UTC)
    session.add(
        ProviderAccessLink(
            user_id=user.id,
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
            created_at=at,
            expires_at=at + timedelta(days=1),
        )
    )
    session.flush()
    return token
