"""The demo's consents, objections, correction requests and staff reads."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.consent.services.consents import consent_in_force, objection_in_force
from app.models import (
    AccessLog,
    Caseworker,
    Citizen,
    ConsentEvent,
    ConsentPurpose,
    CorrectionRequest,
    CorrectionStatus,
    ProfilingObjection,
    User,
)


@pytest.fixture
def demo(small_demo: Session) -> Session:
    return small_demo


def _count(session: Session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_the_demo_has_consents_objections_and_a_pending_correction(demo) -> None:
    assert _count(demo, ConsentEvent) > 0
    assert _count(demo, ProfilingObjection) > 0
    pending = demo.scalars(
        select(CorrectionRequest).where(
            CorrectionRequest.status == CorrectionStatus.PENDING
        )
    ).all()
    assert pending
    for request in pending:
        citizen = demo.get(Citizen, request.citizen_id)
        # A caseworker of the citizen's municipality can decide it.
        assert demo.scalar(
            select(Caseworker.id)
            .join(User, User.id == Caseworker.user_id)
            .where(User.municipality_id == citizen.municipality_id)
        )
    objector = demo.scalar(select(ProfilingObjection.citizen_id))
    assert objection_in_force(demo, objector)


def test_the_first_citizen_of_each_job_centre_sees_reads_and_consents(demo) -> None:
    municipalities = demo.scalars(
        select(User.municipality_id)
        .join(Caseworker, Caseworker.user_id == User.id)
        .distinct()
    ).all()
    for municipality_id in municipalities:
        first = demo.scalar(
            select(func.min(Citizen.id)).where(
                Citizen.municipality_id == municipality_id
            )
        )
        if first is None:
            continue
        reads = demo.scalar(
            select(func.count())
            .select_from(AccessLog)
            .where(AccessLog.citizen_id == first)
        )
        assert reads >= 3
        assert consent_in_force(demo, first, ConsentPurpose.SHARE_CV)
