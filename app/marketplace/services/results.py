"""Results of services: the adapter between enrolment rows and app.ml.provider_rating,
the stored ratings, and each provider's intake mix."""

from __future__ import annotations

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.orm import Session

from app.audit import now
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
    Offering,
    Outcome,
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
