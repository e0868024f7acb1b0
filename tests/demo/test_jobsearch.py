"""Demo job search: logs from demo postings, plans, a few open requests; deterministic."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.jobsearch import JobSearchGenerator
from app.models import Citizen, Posting
from app.models.jobsearch import (
    ContactRequest,
    ContactStatus,
    JobLogEntry,
    LogKind,
    PlanItem,
)


def _count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_small_demo_has_logs_plans_and_requests(small_demo: Session) -> None:
    citizens = _count(small_demo, Citizen)
    with_log = small_demo.scalar(
        select(func.count(func.distinct(JobLogEntry.citizen_id)))
    )
    assert 0.5 * citizens < with_log < 0.8 * citizens
    assert _count(small_demo, PlanItem) > citizens // 2
    requests = small_demo.scalars(select(ContactRequest)).all()
    assert requests and all(r.status is ContactStatus.OPEN for r in requests)
    agreed = small_demo.scalar(
        select(func.count())
        .select_from(PlanItem)
        .where(PlanItem.author_role == "caseworker", PlanItem.agreed_at.is_not(None))
    )
    assert agreed > 0


def test_applications_name_demo_postings(small_demo: Session) -> None:
    postings = set(small_demo.execute(select(Posting.employer, Posting.title)).tuples())
    applications = small_demo.execute(
        select(JobLogEntry.employer, JobLogEntry.title)
        .where(JobLogEntry.kind == LogKind.APPLICATION)
        .limit(200)
    ).tuples()
    assert all(row in postings for row in applications)


def test_same_seed_and_day_give_the_same_rows() -> None:
    postings = [("Bager Hansen ApS", "Bagermedhjælper"), ("Coop", "Butiksassistent")]
    day = date(2026, 11, 23)

    def rows(seed: int) -> list[object]:
        return list(JobSearchGenerator(postings, seed, day).rows(range(1, 300)))

    assert rows(1) == rows(1)
    assert rows(1) != rows(2)
    logged = [row for log, _plan, _contact in rows(1) for row in log]
    assert all(
        row["on_date"] <= day or row["kind"] is LogKind.PLANNED for row in logged
    )
