"""Outcomes the portal holds: derived from the job log 3 and 6 months after the start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.marketplace.services.results import derive_outcomes
from app.models import (
    EnrolmentState,
    JobLogEntry,
    LogKind,
    LogStatus,
    Outcome,
    OutcomeSource,
)
from tests.marketplace.objects import add_enrolment, add_offering


def _log(db, citizen_id: int, on: datetime, status: LogStatus) -> None:
    db.add(
        JobLogEntry(
            citizen_id=citizen_id,
            kind=LogKind.APPLICATION,
            employer="Lageret A/S",
            title="Lagermedarbejder",
            on_date=on.date(),
            status=status,
            created_at=on,
        )
    )
    db.flush()


def _outcomes(db, enrolment) -> dict[int, tuple[bool, OutcomeSource]]:
    return {
        o.months: (o.in_work_or_education, o.source)
        for o in db.scalars(select(Outcome).where(Outcome.enrolment_id == enrolment.id))
    }


def test_outcomes_come_from_the_job_log_when_they_are_due(
    db, make_provider_user, make_citizen
) -> None:
    offering = add_offering(db, make_provider_user().provider_id, title="Lagerkursus")
    now = datetime.now(UTC)
    start = now - timedelta(days=200)
    hired, not_hired, recent, synthetic = (make_citizen() for _ in range(4))
    finished = {"state": EnrolmentState.FINISHED, "synthetic": False}
    got_job = add_enrolment(db, offering, hired.id, started_at=start, **finished)
    # Offered a job 4 months after the start: not by 3 months, by 6 months.
    _log(db, hired.id, start + timedelta(days=120), LogStatus.OFFER)
    _log(db, not_hired.id, start + timedelta(days=30), LogStatus.REJECTED)
    no_job = add_enrolment(db, offering, not_hired.id, started_at=start, **finished)
    young = add_enrolment(
        db, offering, recent.id, started_at=now - timedelta(days=100), **finished
    )
    demo = add_enrolment(db, offering, synthetic.id, started_at=start)

    assert derive_outcomes(db, now) == 5
    job_log = OutcomeSource.JOB_LOG
    assert _outcomes(db, got_job) == {3: (False, job_log), 6: (True, job_log)}
    assert _outcomes(db, no_job) == {3: (False, job_log), 6: (False, job_log)}
    assert _outcomes(db, young) == {3: (False, job_log)}  # 6 months not reached yet
    assert _outcomes(db, demo) == {}  # synthetic enrolments keep the register's
    # Once stored, an outcome is not derived again.
    assert derive_outcomes(db, now) == 0
