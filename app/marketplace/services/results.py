"""Results of services: the adapter between enrolment rows and app.ml.provider_rating,
the stored ratings, and each provider's intake mix."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.orm import Session

from app.audit import SYSTEM, now, record_created
from app.ml.provider_rating import (
    HORIZONS,
    MODEL_VERSION,
    GroupResult,
    IntakeMix,
    Participation,
    rate_groups,
)
from app.models import (
    Enrolment,
    EnrolmentState,
    JobLogEntry,
    LogKind,
    LogStatus,
    Offering,
    Outcome,
    OutcomeSource,
    Provider,
    ServiceResult,
)

STARTED = (EnrolmentState.ACTIVE, EnrolmentState.FINISHED, EnrolmentState.LEFT)
LONG_TERM_MONTHS = 12


def participations(session: Session) -> tuple[list[Participation], list[Participation]]:
    """Every ended participation (finished or left: leaving counts, so dropping hard
    cases does not help), grouped by offering and by provider."""
    outcome_3 = (
        select(Outcome.in_work_or_education)
        .where(Outcome.enrolment_id == Enrolment.id, Outcome.months == 3)
        .scalar_subquery()
    )
    outcome_6 = (
        select(Outcome.in_work_or_education)
        .where(Outcome.enrolment_id == Enrolment.id, Outcome.months == 6)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Enrolment.offering_id,
            Offering.provider_id,
            Enrolment.start_support_track,
            Enrolment.start_months_unemployed,
            Enrolment.start_age,
            outcome_3,
            outcome_6,
        )
        .join(Offering, Offering.id == Enrolment.offering_id)
        .where(Enrolment.state.in_((EnrolmentState.FINISHED, EnrolmentState.LEFT)))
    ).all()
    by_offering, by_provider = [], []
    for offering_id, provider_id, support, months, age, y3, y6 in rows:
        values = (bool(support), int(months), age, y3, y6)
        by_offering.append(Participation(offering_id, *values))
        by_provider.append(Participation(provider_id, *values))
    return by_offering, by_provider


# A month of the outcome horizons, in days (3 months = 91 days, 6 months = 183).
DAYS_PER_MONTH = 30.44


def derive_outcomes(session: Session, at: datetime | None = None) -> int:
    """Outcomes the portal holds, for started enrolments whose 3 or 6 months after the
    start have passed and that have no outcome for that horizon yet: in work when the
    citizen's job log has an application marked "Offered the job" dated from the start
    up to the horizon, otherwise not (source: the job log). Synthetic enrolments keep
    their synthetic register outcomes. Returns how many outcomes were stored."""
    at = at or now()
    stored = 0
    enrolments = session.scalars(
        select(Enrolment).where(
            Enrolment.state.in_(STARTED),
            Enrolment.started_at.is_not(None),
            Enrolment.synthetic.is_(False),
        )
    )
    for enrolment in enrolments:
        assert enrolment.started_at is not None
        start = enrolment.started_at
        # SQLite hands back naive datetimes; they were stored in UTC.
        if start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        have = set(
            session.scalars(
                select(Outcome.months).where(Outcome.enrolment_id == enrolment.id)
            )
        )
        for months in HORIZONS:
            horizon = start + timedelta(days=round(months * DAYS_PER_MONTH))
            if months in have or horizon > at:
                continue
            hired = session.scalar(
                select(JobLogEntry.id)
                .where(
                    JobLogEntry.citizen_id == enrolment.citizen_id,
                    JobLogEntry.kind == LogKind.APPLICATION,
                    JobLogEntry.status == LogStatus.OFFER,
                    JobLogEntry.on_date >= start.date(),
                    JobLogEntry.on_date <= horizon.date(),
                )
                .limit(1)
            )
            outcome = Outcome(
                enrolment_id=enrolment.id,
                months=months,
                in_work_or_education=hired is not None,
                source=OutcomeSource.JOB_LOG,
                recorded_at=at,
            )
            record_created(
                session,
                outcome,
                actor=SYSTEM,
                reason="outcome from the job log",
                citizen_id=enrolment.citizen_id,
            )
            stored += 1
    session.flush()
    return stored


def recompute(session: Session, min_n: int) -> int:
    """Rate every offering and provider again; returns how many results were stored."""
    by_offering, by_provider = participations(session)
    at = now()
    rows: list[dict] = []
    for horizon in HORIZONS:
        for result in rate_groups(by_offering, horizon=horizon, min_n=min_n).values():
            rows.append(_row(result, at, offering_id=result.group))
        for result in rate_groups(by_provider, horizon=horizon, min_n=min_n).values():
            rows.append(_row(result, at, provider_id=result.group))
    session.execute(delete(ServiceResult))
    if rows:
        session.execute(insert(ServiceResult), rows)
    session.flush()
    return len(rows)


def _row(
    result: GroupResult,
    at,
    offering_id: int | None = None,
    provider_id: int | None = None,
) -> dict:
    return {
        "offering_id": offering_id,
        "provider_id": provider_id,
        "horizon": result.horizon,
        "n": result.n,
        "enough": result.enough,
        "observed": result.observed,
        "expected": result.expected,
        "value_added": result.value_added,
        "low": result.low,
        "high": result.high,
        "model_version": MODEL_VERSION,
        "computed_at": at,
    }


def intake_mix(
    session: Session, provider_id: int | None = None
) -> dict[int, IntakeMix]:
    """Each provider's intake: support share and long-term share of those who started,
    requests declined, and those who left before finishing."""
    started = Enrolment.state.in_(STARTED)
    query = (
        select(
            Offering.provider_id,
            func.sum(case((started, 1), else_=0)),
            func.sum(
                case((started & Enrolment.start_support_track.is_(True), 1), else_=0)
            ),
            func.sum(
                case(
                    (
                        started
                        & (Enrolment.start_months_unemployed >= LONG_TERM_MONTHS),
                        1,
                    ),
                    else_=0,
                )
            ),
            func.count(),
            func.sum(case((Enrolment.state == EnrolmentState.DECLINED, 1), else_=0)),
            func.sum(case((Enrolment.state == EnrolmentState.LEFT, 1), else_=0)),
        )
        .join(Offering, Offering.id == Enrolment.offering_id)
        .group_by(Offering.provider_id)
    )
    if provider_id is not None:
        query = query.where(Offering.provider_id == provider_id)
    mixes = {}
    for pid, n, support, long_term, requests, declined, left in session.execute(query):
        n = int(n or 0)
        mixes[pid] = IntakeMix(
            group=pid,
            started=n,
            support_share=int(support or 0) / n if n else 0.0,
            long_term_share=int(long_term or 0) / n if n else 0.0,
            requests=int(requests or 0),
            declined=int(declined or 0),
            left=int(left or 0),
        )
    return mixes


def provider_table(
    session: Session,
) -> list[tuple[Provider, dict[int, ServiceResult], IntakeMix | None]]:
    """Every provider with its results by horizon and its intake mix (administrator)."""
    results: dict[int, dict[int, ServiceResult]] = {}
    for row in session.scalars(
        select(ServiceResult).where(ServiceResult.offering_id.is_(None))
    ):
        results.setdefault(row.provider_id, {})[row.horizon] = row
    mixes = intake_mix(session)
    providers = session.scalars(select(Provider).order_by(Provider.name, Provider.id))
    return [(p, results.get(p.id, {}), mixes.get(p.id)) for p in providers]
